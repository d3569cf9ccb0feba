"""Store stage: documents and their annotations, behind the Store interface (store.base)."""

from __future__ import annotations

from pathlib import Path

from claimscope.config import Settings, load_settings
from claimscope.store.sqlite import SQLiteStore


def open_store(target: Settings | str | Path | None = None) -> SQLiteStore:
    """Open (and migrate) the store named by the settings, a path, or the default settings."""
    if target is None or isinstance(target, dict):
        settings = target or load_settings()
        return SQLiteStore(settings["store"]["db"], settings)
    return SQLiteStore(target, load_settings())


__all__ = ["open_store", "SQLiteStore"]
