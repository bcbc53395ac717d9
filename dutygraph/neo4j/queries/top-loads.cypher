// The units with the most tasks, heaviest first: lead and co tasks counted apart.
// Sub-offices count for their own node here; `load` and `flagged` are the analysis
// write-back (sub-offices rolled up), empty when the sync ran with --no-analysis.
// param limit: integer = 20 — how many units to list
MATCH (t:Task)-[r:LEAD_UNIT|CO_UNIT]->(u:Unit)
WITH u,
     sum(CASE WHEN type(r) = 'LEAD_UNIT' THEN 1 ELSE 0 END) AS lead,
     sum(CASE WHEN type(r) = 'CO_UNIT' THEN 1 ELSE 0 END) AS co
RETURN u.name AS unit, u.jurisdiction AS jurisdiction, lead, co, lead + co AS tasks,
       u.load AS load, u.flagged AS flagged
ORDER BY tasks DESC, lead DESC, unit
LIMIT $limit
