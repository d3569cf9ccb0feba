"""The attribution lexicons (cue verbs, prepositional cues, hedges, unverified markers, author frames)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from claimscope.config import data_path


@dataclass(frozen=True)
class CueVerb:
    """One cue verb: what it attributes, which complements carry content, the status it implies."""

    lemma: str
    kind: str
    frames: frozenset[str]
    status: str


@dataclass(frozen=True)
class Lexicons:
    """Everything attribution reads from nlp/data/cues."""

    verbs: dict[str, CueVerb]
    phrases: dict[str, tuple[str, str]]  # words -> (kind, status)
    hedges: tuple[str, ...]
    unconfirmed: tuple[str, ...]
    author: tuple[tuple[str, str], ...]  # (frame, status), longest first
    nouns: dict[str, str] = field(default_factory=dict)  # noun -> document | role
    bodies: dict[str, set[str]] = field(default_factory=dict)  # "the agency" -> organisation kinds it can denote
    via: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()
    author_adverbs: frozenset[str] = frozenset()
    answers: frozenset[str] = frozenset()  # "said yes", "said the same of X": the word is the statement
    learned: dict[str, list[tuple[str, float]]] = field(default_factory=dict)  # lemma -> (frame, precision)


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in data_path("cues", name).read_text("utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append([c.strip() for c in line.split("\t")])
    return rows


def _learned() -> dict[str, list[tuple[str, float]]]:
    """Cue frames learned from annotated news (scripts/train_cues.py), most precise first."""
    if not data_path("cues", "learned.tsv").exists():
        return {}
    rows = sorted(_rows("learned.tsv"), key=lambda r: -float(r[2]))
    out: dict[str, list[tuple[str, float]]] = {}
    for lemma, frame, precision, *_ in rows:
        out.setdefault(lemma, []).append((frame, float(precision)))
    return out


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    """Load the cue lexicons once per process."""
    verbs = {}
    for lemma, kind, frames, status in (r[:4] for r in _rows("verbs.tsv")):
        verbs[lemma] = CueVerb(lemma, kind, frozenset(frames.split(",")), status)
    phrases = {r[0].lower(): (r[1], r[2]) for r in _rows("phrases.tsv")}
    author = sorted(((r[0].lower(), r[1]) for r in _rows("author.tsv")), key=lambda x: -len(x[0]))
    return Lexicons(
        verbs=verbs,
        phrases=phrases,
        hedges=tuple(sorted((r[0].lower() for r in _rows("hedges.txt")), key=len, reverse=True)),
        unconfirmed=tuple(r[0].lower() for r in _rows("unconfirmed.txt")),
        author=tuple(author),
        nouns={r[0].lower(): r[1] for r in _rows("nouns.tsv")},
        bodies={r[0].lower(): set(r[1].split("|")) for r in _rows("bodies.tsv")},
        via=frozenset(r[0].lower() for r in _rows("via.txt")),
        abbreviations=frozenset(r[0].lower() for r in _rows("abbreviations.txt")),
        author_adverbs=frozenset(r[0].lower() for r in _rows("author_adverbs.txt")),
        answers=frozenset(r[0].lower() for r in _rows("answers.txt")),
        learned=_learned(),
    )
