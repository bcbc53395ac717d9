// The members of one collaboration cluster (the analysis write-back `cluster`; 1 is the
// largest), busiest first, with their centralities. Clusters are numbered within each
// jurisdiction-year: name the jurisdiction and year when several are synced.
// param cluster: integer — the cluster number, as in the report
// param jurisdiction: string = * — the jurisdiction, e.g. 湖州市 (* for every one)
// param year: integer = 0 — the year, e.g. 2019 (0 for every one)
MATCH (u:Unit)-[m:MEASURED_IN]->(y:AnalysisYear)
WHERE m.cluster = $cluster AND ($jurisdiction = '*' OR y.jurisdiction = $jurisdiction)
  AND ($year = 0 OR y.year = $year)
RETURN u.name AS unit, y.jurisdiction AS jurisdiction, y.year AS year, m.load AS load,
       m.degree AS degree, m.betweenness AS betweenness, m.pagerank AS pagerank, m.flagged AS flagged
ORDER BY jurisdiction, year, load DESC, unit
