// The units the analysis flags as over-burdened (robust z of the role-weighted load against
// the units of the same jurisdiction and year), in every analysed year — the latest year first,
// heaviest first within it — with the reason. A unit flagged in several years has a row for each.
MATCH (u:Unit)-[m:MEASURED_IN]->(y:AnalysisYear)
WHERE m.flagged = true
RETURN u.name AS unit, y.jurisdiction AS jurisdiction, y.year AS year, m.load AS load,
       m.leadTasks AS lead, m.coTasks AS co, m.burdenZ AS z, m.flagReason AS reason
ORDER BY year DESC, jurisdiction, load DESC, unit
