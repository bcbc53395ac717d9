// One unit (by name or alias, in every jurisdiction) in every analysed year: its load, its
// rank among that jurisdiction-year's departments (rank 1 of `of`), its task counts and share of
// the year's tasks, and whether the over-burden rule flags it, with the reason. The figures are
// the analysis write-back on (:Unit)-[:MEASURED_IN]->(:AnalysisYear); empty when the sync ran
// with --no-analysis.
// param unit: string — the unit's name or alias, e.g. 市发展改革委
// param jurisdiction: string = * — the unit's jurisdiction, e.g. 湖州市 (* for every one)
MATCH (u:Unit)-[m:MEASURED_IN]->(y:AnalysisYear)
WHERE (u.name = $unit OR $unit IN coalesce(u.aliases, []))
  AND ($jurisdiction = '*' OR u.jurisdiction = $jurisdiction)
RETURN u.name AS unit, u.jurisdiction AS jurisdiction, y.year AS year, m.load AS load,
       m.rank AS rank, y.departments AS of, m.leadTasks AS lead, m.coTasks AS co,
       m.taskShare AS taskShare, m.flagged AS flagged, m.flagReason AS reason
ORDER BY jurisdiction, year
