// A unit's tasks, with its role in each and the units it works with there.
// The unit is found by canonical name or by any alias.
// param unit: string — the unit's name or alias, e.g. 市建设局
MATCH (u:Unit)
WHERE u.name = $unit OR $unit IN coalesce(u.aliases, [])
MATCH (d:Document)<-[:IN_DOCUMENT]-(t:Task)-[r:LEAD_UNIT|CO_UNIT]->(u)
OPTIONAL MATCH (t)-[:LEAD_UNIT|CO_UNIT]->(other:Unit)
WHERE other <> u
WITH u, d, t, r, collect(DISTINCT other.name) AS coworkers
RETURN d.docId AS document, t.taskId AS task,
       CASE WHEN type(r) = 'LEAD_UNIT' THEN 'lead' ELSE 'co' END AS role,
       t.text AS text, coworkers
ORDER BY document, t.sourceLine, task
