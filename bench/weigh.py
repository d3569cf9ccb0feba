"""Benchmark the evidence board: 10,000 articles from scratch, then adding one more; peak memory.

The store is filled with synthetic articles made from real news sentences: every sentence of the
shared corpus (../shared/corpus/**/*.txt) goes into a pool; each synthetic article takes 8-16 pool
sentences at random (so statements recur across articles like wire copy does) and has its numbers
changed at random in a quarter of its sentences (so counts disagree across articles). Without the
shared corpus a small built-in pool of template sentences is used. No NLP runs: the board is measured
on plain documents (the fallback attribution reader does the speakers).

Usage: python bench/weigh.py [--articles 10000] [--adds 20] [--seed 1] [--workers 2] [--baseline 2000] [--report]
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import statistics
import sys
import time
from pathlib import Path

from claimscope.analysis.board import Board
from claimscope.analysis.report import event_json
from claimscope.analysis.text import sentences
from claimscope.article.build import content_id
from claimscope.model import Annotations, Document

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
TEMPLATES = [
    "Gunmen killed {n} people at a police station in {city} on {day}, the Interior Ministry said.",
    "Police detained {n} suspects after the attack in {city}, a ministry spokesman said.",
    "At least {n} people were injured in the explosion near the market in {city}.",
    "The president called the attack in {city} a terrorist act and ordered tighter security.",
    "Officials said the group had links to Islamic State militants in Syria.",
    "A source at the city hospital told reporters that {n} people had been killed in {city}.",
    "The authorities declared a counter-terrorism operation in {city} on {day}.",
]
CITIES = ["Almaty", "Aktobe", "Bishkek", "Osh", "Dushanbe", "Tashkent", "Astana", "Khujand"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
OUTLETS = ["reuters", "afp", "rferl", "bbc", "rt", "tass", "eurasianet", "timesca", "akipress", "localnews"]


def pool() -> list[str]:
    """Sentences to build articles from: the shared corpus, else templates."""
    out: list[str] = []
    if SHARED.is_dir():
        for path in sorted(SHARED.rglob("*.txt")):
            text = path.read_text("utf-8", errors="replace")
            out.extend(s.text for s in sentences(text) if len(s.text) > 40)
    if len(out) < 50:
        rng = random.Random(0)
        out = [t.format(n=rng.randint(2, 40), city=rng.choice(CITIES), day=rng.choice(DAYS))
               for t in TEMPLATES for _ in range(30)]
    return out


def article(rng: random.Random, sents: list[str], i: int) -> Document:
    """One synthetic article."""
    chosen = rng.sample(sents, rng.randint(8, 16))
    lines = []
    for s in chosen:
        if rng.random() < 0.25:
            s = re.sub(r"\b\d+\b", lambda m: str(int(m.group(0)) + rng.randint(1, 5)), s)
        lines.append(s)
    text = f"Synthetic report {i}\n\n" + "\n\n".join(lines) + f"\n\n(ref {i})\n"
    source = f"{rng.choice(OUTLETS)}-synthetic-{i}.txt"
    return Document(id=content_id(text), text=text, source=source, language="en")


def peak_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--adds", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--report", action="store_true", help="also time the board report (propositions, conflicts)")
    ap.add_argument("--workers", type=int, default=2, help="processes reading pages while the board places them")
    ap.add_argument("--baseline", type=int, default=2000,
                    help="first build this many articles with one process and with --workers, and compare (0: skip)")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    sents = pool()
    docs = [article(rng, sents, i) for i in range(a.articles + a.adds)]
    empty = Annotations()
    if a.baseline:
        times = {}
        for workers in (1, a.workers):
            t = time.perf_counter()
            Board().add_many(((d, empty) for d in docs[:a.baseline]), workers=workers)
            times[workers] = time.perf_counter() - t
        print(f"baseline            {a.baseline} articles: one process {times[1]:.1f} s, {a.workers} workers "
              f"{times[a.workers]:.1f} s (speed-up {times[1] / times[a.workers]:.2f}x)")
    board = Board()
    t0 = time.perf_counter()

    def tick(_: int, counter: list[int] = [0]) -> None:  # noqa: B006 - a counter kept between calls
        counter[0] += 1
        if counter[0] % 2000 == 0:
            print(f"  {counter[0]} articles: {time.perf_counter() - t0:.1f} s, peak {peak_mb():.0f} MB", file=sys.stderr)

    board.add_many(((d, empty) for d in docs[:a.articles]), workers=a.workers, progress=tick)
    build = time.perf_counter() - t0
    adds = []
    for d in docs[a.articles:]:
        t = time.perf_counter()
        board.add(d, empty)
        adds.append(time.perf_counter() - t)
    print(f"pool sentences      {len(sents)}")
    print(f"board from scratch  {a.articles} articles ({a.workers} workers), {len(board.statements)} statements, "
          f"{len(board.props)} propositions in {build:.1f} s ({a.articles / build:.0f} articles/s)")
    print(f"add one article     median {statistics.median(adds) * 1000:.1f} ms, max {max(adds) * 1000:.1f} ms "
          f"(over {len(adds)} adds to a board of {a.articles})")
    if a.report:
        t = time.perf_counter()
        out = event_json(board)
        print(f"board report        {len(out['propositions'])} shared propositions, {len(out['conflicts'])} conflicts "
              f"in {time.perf_counter() - t:.1f} s")
    print(f"peak memory         {peak_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
