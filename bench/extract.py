"""Speed and memory of full extraction against bare spaCy, on the same texts in the same run.

    python bench/extract.py [--n 240] [--batch-size 32] [--chunk 24] [--corpus DIR ...]

Bare is ``spacy.load(model)`` + ``nlp.pipe``; full is the configured pipeline
(``claimscope.nlp.load_nlp(settings)``: the model plus every domain component registered so far).

1. Paired timing (the headline ratio): one process loads both pipelines and runs them over the same
   chunks of articles in alternation (bare then full, then full then bare, ...), so load from other
   programs on a shared machine falls on both sides alike. Also times each pipe on its own.
2. Separate runs, each in a fresh child process so that peak memory (max RSS) belongs to one
   configuration: bare and full with n_process=1 and with n_process=2, giving documents/second, peak
   RSS and the two-process speed-up.
Model loading is never timed; texts are read before timing starts. Target: full <= 1.20 x bare.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"
DEFAULT_CORPORA = [SHARED / "corpus" / "polnear" / "dev" / "text", SHARED / "corpus" / "dev",
                   SHARED / "corpus" / "events", SHARED / "corpus" / "polnear" / "train" / "text"]

Items = list[tuple[str, str | None]]


def collect(corpora: list[Path], n: int) -> Items:
    """Up to n (text, published) pairs from .txt files; published from a YYYY-MM-DD in the file name."""
    out: Items = []
    for folder in corpora:
        for path in sorted(folder.rglob("*.txt")):
            m = re.search(r"(\d{4}-\d{2}-\d{2})", path.name)
            out.append((path.read_text("utf-8", errors="replace"), m.group(1) if m else None))
            if len(out) >= n:
                return out
    return out


def load(mode: str) -> tuple[Language, list[str]]:
    """The bare model or the full configured pipeline, and the domain components in it."""
    import spacy
    from spacy.language import Language

    import claimscope.nlp.components  # noqa: F401  (registers the factories)
    from claimscope.config import load_settings
    from claimscope.nlp import load_nlp

    settings = load_settings()
    if mode == "bare":
        return spacy.load(settings["nlp"]["model"]), []
    components = [c for c in settings["nlp"]["components"] if Language.has_factory(c)]
    return load_nlp(settings, components=components), components


def make_docs(nlp: Language, items: Items) -> list[Doc]:
    """Docs ready for the pipeline, with the publication date set as annotate() does."""
    docs = []
    for text, published in items:
        doc = nlp.make_doc(text)
        doc._.cs_published = published
        docs.append(doc)
    return docs


def timed_pipe(nlp: Language, docs: list[Doc], batch_size: int, n_process: int) -> float:
    """Seconds to run nlp.pipe over docs."""
    start = time.perf_counter()
    for _ in nlp.pipe(docs, batch_size=batch_size, n_process=n_process):
        pass
    return time.perf_counter() - start


def per_component(nlp: Language, items: Items) -> dict[str, float]:
    """Seconds spent in each pipe, running the pipes one after the other over all documents."""
    docs = make_docs(nlp, items)
    seconds: dict[str, float] = {}
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=32)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        seconds[name] = time.perf_counter() - start
    return seconds


def paired(items: Items, batch_size: int, chunk: int) -> dict[str, Any]:
    """Bare and full over the same chunks, in alternating order, in one process."""
    bare, _ = load("bare")
    full, components = load("full")
    for nlp in (bare, full):  # warm up: first calls allocate buffers and fill caches
        timed_pipe(nlp, make_docs(nlp, items[:4]), batch_size, 1)
    times = {"bare": 0.0, "full": 0.0}
    for k, i in enumerate(range(0, len(items), chunk)):
        part = items[i:i + chunk]
        order = ("bare", "full") if k % 2 == 0 else ("full", "bare")
        for mode in order:
            nlp = bare if mode == "bare" else full
            times[mode] += timed_pipe(nlp, make_docs(nlp, part), batch_size, 1)
    return {"bare_seconds": times["bare"], "full_seconds": times["full"], "components": components,
            "per_component": per_component(full, items)}


def separate(mode: str, n_process: int, items: Items, batch_size: int) -> dict[str, Any]:
    """One configuration alone in this process: speed and peak memory."""
    nlp, _ = load(mode)
    docs = make_docs(nlp, items)
    seconds = timed_pipe(nlp, docs, batch_size, n_process)
    return {"seconds": seconds, "docs_per_s": len(docs) / seconds, "tokens": sum(len(d) for d in docs),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "peak_child_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def run_child(args: list[str]) -> dict[str, Any]:
    """Run this script as a worker in a fresh interpreter and read its JSON line."""
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"bench worker {args[:3]} failed:\n{out.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    """Parse arguments, run the measurements, print the report."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=240, help="number of articles (at least 200 for the report)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--chunk", type=int, default=24, help="articles per alternation in the paired timing")
    ap.add_argument("--corpus", type=Path, action="append", help="folder of .txt articles (repeatable)")
    ap.add_argument("--worker", choices=["paired", "bare", "full"], help=argparse.SUPPRESS)
    ap.add_argument("--n-process", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--texts", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.worker:
        items: Items = [(str(t), p) for t, p in json.loads(a.texts.read_text("utf-8"))]
        if a.worker == "paired":
            print(json.dumps(paired(items, a.batch_size, a.chunk)))
        else:
            print(json.dumps(separate(a.worker, a.n_process, items, a.batch_size)))
        return 0

    corpora = a.corpus or [c for c in DEFAULT_CORPORA if c.is_dir()]
    items = collect(corpora, a.n)
    if not items:
        print("no .txt articles found; pass --corpus DIR", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        texts = Path(tmp) / "texts.json"
        texts.write_text(json.dumps(items), "utf-8")
        common = ["--texts", str(texts), "--batch-size", str(a.batch_size), "--chunk", str(a.chunk)]
        pair = run_child(["--worker", "paired", *common])
        runs = {(mode, n): run_child(["--worker", mode, "--n-process", str(n), *common])
                for n in (1, 2) for mode in ("bare", "full")}

    n_docs = len(items)
    print(f"{n_docs} articles, {runs[('bare', 1)]['tokens']} tokens; "
          f"domain components: {', '.join(pair['components']) or '-'}")
    ratio = pair["full_seconds"] / pair["bare_seconds"]
    print(f"paired, n_process=1: bare {pair['bare_seconds']:.1f}s ({n_docs / pair['bare_seconds']:.1f} docs/s), "
          f"full {pair['full_seconds']:.1f}s ({n_docs / pair['full_seconds']:.1f} docs/s)")
    print(f"full/bare time ratio: {ratio:.2f} (domain components add {100 * (ratio - 1):+.0f}%; target <= +20%)")
    prof = pair["per_component"]
    model = sum(v for k, v in prof.items() if not k.startswith("cs_"))
    print("time per pipe: " + ", ".join(f"{k} {v:.2f}s" for k, v in prof.items()))
    print("each domain component as a share of model time: " + ", ".join(
        f"{k} {100 * v / model:.1f}%" for k, v in prof.items() if k.startswith("cs_")))
    print(f"\n{'separate':8s} {'procs':>5s} {'seconds':>8s} {'docs/s':>8s} {'peak RSS MB':>12s} {'worker RSS MB':>14s}")
    for (mode, n), r in runs.items():
        print(f"{mode:8s} {n:5d} {r['seconds']:8.2f} {r['docs_per_s']:8.1f} {r['peak_rss_mb']:12.0f} "
              f"{r['peak_child_rss_mb']:14.0f}")
    for mode in ("bare", "full"):
        speedup = runs[(mode, 1)]["seconds"] / runs[(mode, 2)]["seconds"]
        print(f"two-process speed-up, {mode}: {speedup:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
