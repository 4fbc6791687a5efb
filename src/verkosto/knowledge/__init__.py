"""Knowledge base: good practices, event and visit reports, documents, and multilingual search."""
