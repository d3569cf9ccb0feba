"""Fixtures for the ingest tests."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from claimscope.config import Settings, default_settings


@pytest.fixture
def settings() -> Callable[..., Settings]:
    """settings(**ingest_keys): packaged defaults with [ingest] keys replaced; trusts 127.0.0.1/32 only."""
    def make(**ingest: Any) -> Settings:
        out = copy.deepcopy(default_settings())
        out["ingest"].update({"allow_networks": ["127.0.0.1/32"], "timeout_seconds": 5.0})
        out["ingest"].update(ingest)
        return out
    return make
