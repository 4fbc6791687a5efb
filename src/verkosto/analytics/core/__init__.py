"""Pure network analytics: NumPy/SciPy sparse matrices, igraph, leidenalg; no Django."""
