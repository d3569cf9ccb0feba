"""The weighing stage's data files (analysis/data), read once."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any


def data_file(name: str) -> Path:
    """Path of a data file shipped in claimscope/analysis/data."""
    return Path(str(resources.files("claimscope").joinpath("analysis", "data", name)))


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """Cue verbs, vague speakers, outcome words, number words ... (data/lexicon.json)."""
    return dict(json.loads(data_file("lexicon.json").read_text("utf-8")))


def _synonym_groups() -> list[list[str]]:
    groups = []
    for line in data_file("synonyms.txt").read_text("utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            groups.append(line.split())
    return groups


@lru_cache(maxsize=1)
def synonyms() -> dict[str, str]:
    """Word -> the first word of its synonym group (data/synonyms.txt); phrases are left to ``phrases``."""
    out: dict[str, str] = {}
    for words in _synonym_groups():
        for w in words:
            if "_" not in w:
                out.setdefault(w, words[0])
    return out


@lru_cache(maxsize=1)
def phrases() -> dict[tuple[str, ...], str]:
    """Word sequence -> the first word of its synonym group, for the entries written "shot_dead" in synonyms.txt."""
    out: dict[tuple[str, ...], str] = {}
    for words in _synonym_groups():
        for w in words:
            if "_" in w:
                out.setdefault(tuple(w.split("_")), words[0])
    return out


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Words left out when statements are compared."""
    return frozenset(lexicon()["stopwords"])
