// The units the analysis flags as over-burdened (robust z of the role-weighted load against
// the units of the same jurisdiction and year), heaviest first, with the reason and the year.
MATCH (u:Unit)
WHERE u.flagged = true
RETURN u.name AS unit, u.jurisdiction AS jurisdiction, u.analysisYear AS year, u.load AS load, u.leadTasks AS lead,
       u.coTasks AS co, u.burdenZ AS z, u.flagReason AS reason
ORDER BY load DESC, unit
