// Tasks that name no lead unit — nobody is accountable — with whatever co-units they name.
MATCH (d:Document)<-[:IN_DOCUMENT]-(t:Task)
WHERE NOT EXISTS { MATCH (t)-[:LEAD_UNIT]->(:Unit) }
OPTIONAL MATCH (t)-[:CO_UNIT]->(c:Unit)
RETURN d.docId AS document, t.taskId AS task, t.sourceLine AS line, t.text AS text,
       collect(c.name) AS coUnits
ORDER BY document, line, task
