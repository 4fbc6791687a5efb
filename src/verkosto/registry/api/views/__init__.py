"""Viewsets: reads through selectors.visibility, writes through registry.services."""
