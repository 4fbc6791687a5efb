"""The knowledge base's pages: search, good practices, reports and documents."""
