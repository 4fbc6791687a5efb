"""Web views of the registry, one module per area (lists, detail, maps)."""
