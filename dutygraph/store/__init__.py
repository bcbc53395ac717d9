"""The RDF room: the embedded store (``store``; what its readers see: ``reader``), loading files into
it (``ingest``) and SHACL checks (``validate``). Everything above it — the unit network, reports, the
page, Neo4j — reads from here."""
