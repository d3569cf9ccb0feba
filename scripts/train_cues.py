#!/usr/bin/env python3
"""Learn attribution cue frames from PolNeAR's train split: src/claimscope/nlp/data/cues/learned.tsv.

For every verb in the training articles, the frame it is used with (a that-clause, a to-infinitive, a
direct object, or the object of a preposition) is counted, and how often that verb in that frame is an
annotated attribution cue whose content is the complement claimscope would extract. Frames that are cues
often enough become cues. Run from the repository root (one core, a few minutes):

    python scripts/train_cues.py --data ../shared/corpus/polnear/train

Options: --min-count N (default 3) occurrences, --min-precision P (default 0.25); the component
uses the frames at or above its own threshold ([nlp.cs_attribution] learned_min_precision).
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)")
E_LINE = re.compile(r"^(E\d+)\t(.*)$")
WORD = re.compile(r"\w+")


def attributions(ann: str) -> list[tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
    """(cue spans, content spans) of each attribution in a brat file."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events = []
    for line in ann.splitlines():
        m = T_LINE.match(line)
        if m:
            spans[m.group(1)] = [tuple(map(int, p.split())) for p in m.group(3).split(";")]  # type: ignore[misc]
            continue
        m = E_LINE.match(line)
        if m:
            events.append([a.split(":", 1) for a in m.group(2).split() if ":" in a])
    out = []
    for args in events:
        if not args or not args[0][0].startswith("Attribution"):
            continue
        roles: dict[str, list[tuple[int, int]]] = collections.defaultdict(list)
        for role, tid in args[1:]:
            roles[re.sub(r"\d+$", "", role)].extend(spans.get(tid, []))
        if roles.get("Cue") and roles.get("Content"):
            out.append((roles["Cue"], roles["Content"]))
    return out


def f1(a: set[int], b: set[int]) -> float:
    inter = len(a & b)
    if not inter:
        return 0.0
    p, r = inter / len(a), inter / len(b)
    return 2 * p * r / (p + r)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, type=Path, help="PolNeAR split folder (text/ + attributions/)")
    ap.add_argument("--out", type=Path, default=Path("src/claimscope/nlp/data/cues/learned.tsv"))
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--min-precision", type=float, default=0.25)
    a = ap.parse_args()

    from claimscope.config import load_settings
    from claimscope.nlp import load_nlp
    from claimscope.nlp.components.attribution import frame_contents

    nlp = load_nlp(load_settings(), components=[])
    total: collections.Counter[tuple[str, str]] = collections.Counter()
    hits: collections.Counter[tuple[str, str]] = collections.Counter()
    texts = sorted((a.data / "text").glob("*.txt"))
    for n, path in enumerate(texts):
        anns = sorted((a.data / "attributions").glob(path.stem + "_*.ann"))
        if not anns:
            continue
        text = path.read_text("utf-8")
        gold = attributions(anns[0].read_text("utf-8"))
        doc = nlp(text)
        for tok in doc:
            if tok.pos_ != "VERB":
                continue
            for frame, idx in frame_contents(tok).items():
                key = (tok.lemma_.lower(), frame)
                total[key] += 1
                pred = {t.i for t in doc if t.i in idx and WORD.match(t.text)}
                for cues, contents in gold:
                    if not any(s <= tok.idx < e for s, e in cues):
                        continue
                    g = {t.i for t in doc if WORD.match(t.text) and any(s <= t.idx < e for s, e in contents)}
                    if f1(pred, g) >= 0.5:
                        hits[key] += 1
                        break
        if n % 100 == 0:
            print(f"{n}/{len(texts)}", file=sys.stderr)
    rows = []
    for key, count in total.items():
        p = hits[key] / count
        if count >= a.min_count and p >= a.min_precision:
            rows.append((key[0], key[1], p, count))
    rows.sort()
    with a.out.open("w", encoding="utf-8") as fh:
        fh.write("# Cue frames learned from PolNeAR train by scripts/train_cues.py (do not edit by hand).\n")
        fh.write("# lemma\tframe\tprecision\tcount: how often the verb in this frame was an annotated cue whose\n")
        fh.write("# content is the complement (frames: clause, infinitive, object, prep_<word>).\n")
        for lemma, frame, p, count in rows:
            fh.write(f"{lemma}\t{frame}\t{p:.2f}\t{count}\n")
    print(f"{len(rows)} cue frames written to {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
