"""Regression: entities F1 on the shared dev set stays at or above 0.90 (skipped without /work/shared)."""

from __future__ import annotations

import importlib.util
import json

import pytest

from support.pipelines import SHARED, pipeline

spacy = pytest.importorskip("spacy")

GOLD, CORPUS, SCORER = SHARED / "gold" / "dev", SHARED / "corpus" / "dev", SHARED / "tools" / "score.py"


@pytest.fixture(scope="module")
def nlp():
    """The configured model with cs_entities only, loaded once."""
    return pipeline("cs_entities")


def test_entities_f1_on_dev_is_at_least_0_90(nlp):
    if not (GOLD.is_dir() and SCORER.exists()):
        pytest.skip(f"shared gold set not found at {SHARED}")
    from claimscope.nlp.components.entities import entities_json

    spec = importlib.util.spec_from_file_location("score", SCORER)
    assert spec and spec.loader
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    total = score.Prf()
    merged = []
    for gold_file in sorted(GOLD.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        source = next(CORPUS.glob(gold_file.stem + ".*"))
        text = source.read_text(encoding="utf-8")
        pred = {"text": text, "entities": entities_json(nlp(text))}
        r = score.score_doc(gold, pred, text, False)["entities"]
        total.add(r.tp, r.fp, r.fn)
        # the scorer cannot see two actors merged into one entity: check that no entity answers for two
        for p in pred["entities"]:
            hits = [g["name"] for g in gold["entities"] if score.coarse_type(g["type"]) == score.coarse_type(p["type"])
                    and score.names_of(g) & score.names_of(p)]
            if len(hits) > 1:
                merged.append((gold_file.stem, p["name"], hits))
    assert total.f >= 0.90, str(total)
    assert not merged, merged
