// The units that work on tasks supervised by both leaders (given by id: list them with
// MATCH (l:Leader) RETURN l.id, l.name), with how many tasks of each leader they carry.
// Sub-offices are rolled up to their parent unit, as in the analysis report. Both leaders
// are found by the uniqueness index on id and their tasks walked once, grouped by unit.
// param first: string — a supervising leader's id, e.g. https://w3id.org/dutygraph/id/leader/湖州市/杨六顺
// param second: string — another supervising leader's id, e.g. https://w3id.org/dutygraph/id/leader/湖州市/项乐民
MATCH (l:Leader)-[:SUPERVISES]->(t:Task)-[:LEAD_UNIT|CO_UNIT]->(x:Unit)
WHERE l.id IN [$first, $second]
OPTIONAL MATCH (x)-[:SUB_OFFICE_OF]->(p:Unit)
WITH coalesce(p, x) AS u,
     count(DISTINCT CASE WHEN l.id = $first THEN t END) AS firstTasks,
     count(DISTINCT CASE WHEN l.id = $second THEN t END) AS secondTasks
WHERE firstTasks > 0 AND secondTasks > 0
RETURN u.name AS unit, firstTasks, secondTasks
ORDER BY unit
