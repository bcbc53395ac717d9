// The members of one collaboration cluster (the analysis write-back `cluster`; 1 is the
// largest), busiest first, with their centralities.
// param cluster: integer — the cluster number, as in the report
MATCH (u:Unit)
WHERE u.cluster = $cluster
RETURN u.name AS unit, u.load AS load, u.degree AS degree, u.betweenness AS betweenness,
       u.pagerank AS pagerank, u.flagged AS flagged
ORDER BY load DESC, unit
