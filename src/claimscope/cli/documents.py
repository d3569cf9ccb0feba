"""Commands over documents: ingest, docs, show, search, extract."""
