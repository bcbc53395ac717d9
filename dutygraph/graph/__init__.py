"""The unit network: the snapshot read from the store, its incidence arrays, the NetworkX/igraph
projections and the analysis measures (NetworkX's room)."""
