"""Pipelines and corpus paths shared by the tests."""

from __future__ import annotations

import json
import subprocess
import sys
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


def score_dates_amounts_on_dev(nlp: Language, gold_dir: Path, corpus_dir: Path, out_dir: Path) -> dict:
    """Write dates and amounts predictions for gold/dev and run the shared scorer over them."""
    for gf in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gf.read_text("utf-8"))
        src = next(corpus_dir.glob(gf.stem + ".*"))
        doc = nlp.make_doc(src.read_text("utf-8"))
        doc._.cs_published = gold.get("published")
        doc = nlp(doc)
        pred = {"dates": doc._.cs_dates, "amounts": doc._.cs_amounts}
        (out_dir / (gf.stem + ".json")).write_text(json.dumps(pred), "utf-8")
    scorer = SHARED / "tools" / "score.py"
    out = subprocess.run([sys.executable, str(scorer), str(gold_dir), str(corpus_dir), "--pred", str(out_dir),
                          "--json"], capture_output=True, text=True, check=True)
    return dict(json.loads(out.stdout[out.stdout.index("{"):out.stdout.rindex("}") + 1]))
