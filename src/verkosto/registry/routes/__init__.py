"""URL patterns of the registry's web pages, one module per area so they stay small."""
