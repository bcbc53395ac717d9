// The members of one collaboration cluster (the analysis write-back `cluster`; 1 is the
// largest), busiest first, with their centralities. Clusters are numbered within each
// jurisdiction's latest analysed year (`analysisYear`): name the jurisdiction when several are synced.
// param cluster: integer — the cluster number, as in the report
// param jurisdiction: string = * — the jurisdiction, e.g. 湖州市 (* for every one)
MATCH (u:Unit)
WHERE u.cluster = $cluster AND ($jurisdiction = '*' OR u.jurisdiction = $jurisdiction)
RETURN u.name AS unit, u.jurisdiction AS jurisdiction, u.analysisYear AS year, u.load AS load,
       u.degree AS degree, u.betweenness AS betweenness, u.pagerank AS pagerank, u.flagged AS flagged
ORDER BY jurisdiction, load DESC, unit
