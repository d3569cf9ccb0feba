"""Speed and memory of full extraction against bare spaCy, on the same texts in the same run.

    python bench/extract.py [--n 240] [--batch-size 32] [--corpus DIR ...]

Four measurements, each in a fresh child process so that peak memory (max RSS) belongs to one
configuration: bare ``spacy.load(model)`` + ``nlp.pipe`` and the full configured pipeline
(``claimscope.nlp.load_nlp(settings)``: the model plus every domain component registered so far), each
with n_process=1 and n_process=2. Model loading is not timed; texts are read before timing starts.
Prints documents/second, peak RSS, the full/bare time ratio (target: <= 1.20) and the two-process speed-up.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"
DEFAULT_CORPORA = [SHARED / "corpus" / "polnear" / "dev" / "text", SHARED / "corpus" / "dev",
                   SHARED / "corpus" / "events", SHARED / "corpus" / "polnear" / "train" / "text"]


def collect(corpora: list[Path], n: int) -> list[tuple[str, str | None]]:
    """Up to n (text, published) pairs from .txt files; published from a YYYY-MM-DD in the file name."""
    out: list[tuple[str, str | None]] = []
    for folder in corpora:
        for path in sorted(folder.rglob("*.txt")):
            m = re.search(r"(\d{4}-\d{2}-\d{2})", path.name)
            out.append((path.read_text("utf-8", errors="replace"), m.group(1) if m else None))
            if len(out) >= n:
                return out
    return out


def worker(mode: str, n_process: int, texts_file: Path, batch_size: int) -> dict[str, float | str]:
    """Run one configuration over the texts; return timing and memory figures."""
    import spacy

    from claimscope.config import load_settings

    items = json.loads(texts_file.read_text("utf-8"))
    settings = load_settings()
    if mode == "bare":
        nlp = spacy.load(settings["nlp"]["model"])
        components: list[str] = []
    else:
        from spacy.language import Language

        import claimscope.nlp.components  # noqa: F401  (registers the factories)
        from claimscope.nlp import load_nlp

        components = [c for c in settings["nlp"]["components"] if Language.has_factory(c)]
        nlp = load_nlp(settings, components=components)
    docs = []
    for text, published in items:
        doc = nlp.make_doc(text)
        if mode != "bare":
            doc._.cs_published = published
        docs.append(doc)
    words = sum(len(d) for d in docs)
    start = time.perf_counter()
    count = sum(1 for _ in nlp.pipe(docs, batch_size=batch_size, n_process=n_process))
    elapsed = time.perf_counter() - start
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    result: dict[str, float | str] = {
        "mode": mode, "n_process": n_process, "docs": count, "tokens": words, "seconds": elapsed,
        "docs_per_s": count / elapsed, "peak_rss_mb": self_rss, "peak_child_rss_mb": child_rss,
        "components": ",".join(components) or "-"}
    if mode == "full" and n_process == 1:
        result["per_component"] = json.dumps(per_component(nlp, items))
    return result


def per_component(nlp: Language, items: list[tuple[str, str | None]]) -> dict[str, float]:
    """Seconds spent in each pipe, running the pipes one after the other over all documents."""
    docs = []
    for text, published in items:
        doc = nlp.make_doc(text)
        doc._.cs_published = published
        docs.append(doc)
    seconds: dict[str, float] = {}
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=32)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        seconds[name] = time.perf_counter() - start
    return seconds


def run_child(mode: str, n_process: int, texts_file: Path, batch_size: int) -> dict[str, float | str]:
    """Run `worker` in a fresh interpreter and read its JSON line."""
    cmd = [sys.executable, __file__, "--worker", mode, "--n-process", str(n_process),
           "--texts", str(texts_file), "--batch-size", str(batch_size)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"bench child {mode}/{n_process} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    """Parse arguments, run the four configurations, print the table."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=240, help="number of articles (at least 200 for the report)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--corpus", type=Path, action="append", help="folder of .txt articles (repeatable)")
    ap.add_argument("--worker", choices=["bare", "full"], help=argparse.SUPPRESS)
    ap.add_argument("--n-process", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--texts", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.worker:
        print(json.dumps(worker(a.worker, a.n_process, a.texts, a.batch_size)))
        return 0

    corpora = a.corpus or [c for c in DEFAULT_CORPORA if c.is_dir()]
    items = collect(corpora, a.n)
    if not items:
        print("no .txt articles found; pass --corpus DIR", file=sys.stderr)
        return 2
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(items), "utf-8")
        results = {(mode, n): run_child(mode, n, texts_file, a.batch_size)
                   for n in (1, 2) for mode in ("bare", "full")}

    print(f"{len(items)} articles, {results[('bare', 1)]['tokens']} tokens; "
          f"components: {results[('full', 1)]['components']}")
    print(f"{'pipeline':8s} {'procs':>5s} {'seconds':>8s} {'docs/s':>8s} {'peak RSS MB':>12s} {'child RSS MB':>13s}")
    for (mode, n), r in results.items():
        print(f"{mode:8s} {n:5d} {float(r['seconds']):8.2f} {float(r['docs_per_s']):8.1f} "
              f"{float(r['peak_rss_mb']):12.0f} {float(r['peak_child_rss_mb']):13.0f}")
    for n in (1, 2):
        ratio = float(results[("full", n)]["seconds"]) / float(results[("bare", n)]["seconds"])
        print(f"full/bare time ratio, n_process={n}: {ratio:.2f} (domain components add {100 * (ratio - 1):+.0f}%;"
              " target <= +20%)")
    profile = json.loads(str(results[("full", 1)].get("per_component", "{}")))
    if profile:
        model = sum(v for k, v in profile.items() if not k.startswith("cs_"))
        print("time per pipe, n_process=1 (pipes run one after another): " + ", ".join(
            f"{k} {v:.2f}s" for k, v in profile.items()))
        print("domain components as a share of model time: " + ", ".join(
            f"{k} {100 * v / model:.1f}%" for k, v in profile.items() if k.startswith("cs_")))
    for mode in ("bare", "full"):
        speedup = float(results[(mode, 1)]["seconds"]) / float(results[(mode, 2)]["seconds"])
        print(f"two-process speed-up, {mode}: {speedup:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
