// Pairs of units named on the same tasks, most shared tasks first. Pairs are counted per unit
// node — a unit of one jurisdiction — so the same names in two cities are never added together.
// Collective mentions (各区县政府, 市政府各有关部门 — kind "group") are left out unless asked for.
// param limit: integer = 20 — how many pairs to list
// param groups: boolean = false — include collective mentions
MATCH (a:Unit)<-[:LEAD_UNIT|CO_UNIT]-(t:Task)-[:LEAD_UNIT|CO_UNIT]->(b:Unit)
WHERE a.id < b.id
  AND ($groups OR (coalesce(a.kind, '') <> 'group' AND coalesce(b.kind, '') <> 'group'))
WITH a, b, count(DISTINCT t) AS sharedTasks
RETURN a.name AS unit, b.name AS partner, a.jurisdiction AS jurisdiction, sharedTasks
ORDER BY sharedTasks DESC, jurisdiction, unit, partner
LIMIT $limit
