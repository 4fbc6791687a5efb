"""Network analytics: selectors, pages, API and CLI around the pure verkosto.analytics.core."""
