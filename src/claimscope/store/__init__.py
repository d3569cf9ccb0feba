"""Store stage: documents and their annotations, behind the Store interface (store.base)."""
