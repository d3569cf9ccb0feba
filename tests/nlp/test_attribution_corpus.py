"""Attribution accuracy on the shared corpora: the gold dev articles and a few PolNeAR dev articles.

Both run `claimscope extract` as a user would and score its output with the shared scorers; they skip
when ../shared is absent.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
GOLD = SHARED / "gold" / "dev"
CORPUS = SHARED / "corpus" / "dev"
POLNEAR = SHARED / "corpus" / "polnear"
TOOLS = SHARED / "tools"

pytestmark = pytest.mark.slow


def _tool(name: str) -> ModuleType:
    path = TOOLS / f"{name}.py"
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared scorers are not checked out next to the repo)")
    spec = importlib.util.spec_from_file_location(f"shared_{name}", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def settings_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The configured components installed in this build, on one process."""
    import spacy

    import claimscope.nlp.components  # noqa: F401
    from claimscope.config import load_settings

    names = [n for n in load_settings()["nlp"]["components"] if spacy.language.Language.has_factory(n)]
    path = tmp_path_factory.mktemp("settings") / "claimscope.toml"
    path.write_text("[nlp]\ncomponents = " + json.dumps(names) + "\nn_process = 1\n", encoding="utf-8")
    return path


HELDOUT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout"


def test_gold_dev_claims(settings_file: Path) -> None:
    if not GOLD.exists():
        pytest.skip(f"{GOLD} is absent")
    _check_claims(settings_file, GOLD, CORPUS, 0.85)


def test_heldout_fixture_claims(settings_file: Path) -> None:
    """Articles of the same kinds written and annotated apart from the dev set (tests/fixtures/heldout)."""
    _check_claims(settings_file, HELDOUT / "gold", HELDOUT / "corpus", 0.90)


def _check_claims(settings_file: Path, gold_dir: Path, corpus_dir: Path, floor: float) -> None:
    score = _tool("score")
    golds = sorted(gold_dir.glob("*.json"))
    inputs = [next(corpus_dir.glob(g.stem + ".*")) for g in golds]
    proc = subprocess.run([sys.executable, "-m", "claimscope", "extract", *map(str, inputs), "--format", "jsonl",
                           "--settings", str(settings_file)], capture_output=True, text=True, timeout=600,
                          env={**os.environ})
    assert proc.returncode == 0, proc.stderr
    preds = {Path(json.loads(line)["source"]).stem: json.loads(line) for line in proc.stdout.splitlines() if line}
    tp = fp = fn = 0
    agree = {"cue": [0, 0], "quote": [0, 0], "via": [0, 0], "status": [0, 0]}
    for g, src in zip(golds, inputs, strict=True):
        res = score.score_doc(json.loads(g.read_text("utf-8")), preds[g.stem], src.read_text("utf-8"), False)
        tp, fp, fn = tp + res["claims"].tp, fp + res["claims"].fp, fn + res["claims"].fn
        for k, (ok, n) in res["agree"].items():
            agree[k][0] += ok
            agree[k][1] += n
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    assert f1 >= floor, f"claims F1 {f1:.2f} (P {p:.2f} R {r:.2f})"
    for key, (ok, n) in agree.items():
        assert n and ok / n >= 0.85, f"{key} agreement {ok}/{n}"


def test_polnear_dev_sample_floors(settings_file: Path) -> None:
    evaluate = _tool("polnear_eval")
    if not (POLNEAR / "dev").exists():
        pytest.skip(f"{POLNEAR / 'dev'} is absent")
    cmd = f"{sys.executable} -m claimscope extract {{inputs}} --format jsonl --settings {settings_file}"
    proc = subprocess.run([sys.executable, str(TOOLS / "polnear_eval.py"), "--data", str(POLNEAR), "--split", "dev",
                           "--limit", "12", "--run-batch", cmd, "--json"], capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert evaluate is not None
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    assert summary["articles_ok"] == summary["articles"]
    assert summary["content_p"] >= 0.85, summary
    assert summary["content_r"] >= 0.68, summary
    assert summary["recall_speech"] >= 0.84, summary
