// The units that work on tasks supervised by both leaders (given by name), with how many
// tasks of each leader they carry. Sub-offices are rolled up to their parent unit, as in
// the analysis report.
// param first: string — a supervising leader's name, e.g. 杨六顺
// param second: string — another supervising leader's name, e.g. 项乐民
MATCH (a:Leader)-[:SUPERVISES]->(ta:Task)-[:LEAD_UNIT|CO_UNIT]->(ua:Unit)
WHERE a.name = $first
OPTIONAL MATCH (ua)-[:SUB_OFFICE_OF]->(pa:Unit)
WITH coalesce(pa, ua) AS u, count(DISTINCT ta) AS firstTasks
MATCH (b:Leader)-[:SUPERVISES]->(tb:Task)-[:LEAD_UNIT|CO_UNIT]->(ub:Unit)
WHERE b.name = $second
OPTIONAL MATCH (ub)-[:SUB_OFFICE_OF]->(pb:Unit)
WITH u, firstTasks, coalesce(pb, ub) AS u2, tb
WHERE u2 = u
RETURN u.name AS unit, firstTasks, count(DISTINCT tb) AS secondTasks
ORDER BY unit
