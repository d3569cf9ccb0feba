"""Regression on the shared corpora: score.py's text figures on corpus/dev, metadata on corpus/events."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from claimscope.article.build import to_document
from claimscope.config import default_settings
from claimscope.model import Page

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SETTINGS = default_settings()


def _require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared corpus sits beside the repository)")
    return path


def _score_module() -> ModuleType:
    path = _require(SHARED / "tools" / "score.py")
    spec = importlib.util.spec_from_file_location("claimscope_shared_score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_dev_corpus_text_scores() -> None:
    score = _score_module()
    gold_dir, corpus = _require(SHARED / "gold" / "dev"), _require(SHARED / "corpus" / "dev")
    figures: dict[str, list[float]] = {"boilerplate_removed": [], "body_kept": [], "title_ok": []}
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        source = next(corpus.glob(gold_file.stem + ".*"))
        doc = to_document(Page(source=str(source), data=source.read_bytes()), SETTINGS)
        pred = {"title": doc.title, "author": doc.author, "published": doc.published,
                "boilerplate": doc.boilerplate, "text": doc.text}
        result = score.score_doc(gold, pred, source.read_text(encoding="utf-8"), False)
        for key, values in figures.items():
            if key in result:
                values.append(float(result[key]))
    means = {k: sum(v) / len(v) for k, v in figures.items()}
    assert means["boilerplate_removed"] >= 0.95, means
    assert means["body_kept"] >= 0.95, means
    assert means["title_ok"] >= 0.95, means


def test_events_corpus_metadata() -> None:
    gold_dir, corpus = _require(SHARED / "gold" / "events"), _require(SHARED / "corpus" / "events")
    checked = 0
    for gold_file in sorted(gold_dir.glob("*.json")):
        for entry in json.loads(gold_file.read_text(encoding="utf-8"))["documents"]:
            path = corpus / gold_file.stem / entry["file"]
            doc = to_document(Page(source=str(path), data=path.read_bytes()), SETTINGS)
            assert doc.language == entry["language"], path.name
            if doc.published is not None:  # a date found must be the right one
                assert doc.published == entry["published"], path.name
            checked += 1
    assert checked >= 20
