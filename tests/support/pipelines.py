"""Pipelines and corpus paths shared by the tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from claimscope.config import load_settings
from claimscope.nlp import load_nlp

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def pipeline(*components: str) -> Language:
    """The configured model with just these domain components (loaded once per process)."""
    return load_nlp(load_settings(), components=components)


def shared(*parts: str) -> Path:
    """A path under ../shared, or skip the test saying it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared corpora sit beside the repository)")
    return path
