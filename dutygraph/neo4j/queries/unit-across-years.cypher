// One unit (by name or alias, in every jurisdiction) across the years of the loaded
// documents: how many documents named it and how many tasks it led or co-worked.
// param unit: string — the unit's name or alias, e.g. 市发展改革委
MATCH (u:Unit)
WHERE u.name = $unit OR $unit IN coalesce(u.aliases, [])
MATCH (d:Document)<-[:IN_DOCUMENT]-(t:Task)-[r:LEAD_UNIT|CO_UNIT]->(u)
RETURN d.year AS year, u.jurisdiction AS jurisdiction, count(DISTINCT d) AS documents,
       sum(CASE WHEN type(r) = 'LEAD_UNIT' THEN 1 ELSE 0 END) AS lead,
       sum(CASE WHEN type(r) = 'CO_UNIT' THEN 1 ELSE 0 END) AS co
ORDER BY year, jurisdiction
