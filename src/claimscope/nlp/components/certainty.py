"""How sure a claim is presented: asserted, hedged, unconfirmed or negated.

A claim's status comes from its cue (deny -> negated, suggest -> hedged), from hedges in its clause
("an alleged member", "reportedly"), from unverified markers in its own sentence, and from
qualifications elsewhere in the article about the same speaker's information ("Malikov did admit that
the information has not been confirmed").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from claimscope.nlp.cues import lexicons

NUMBER = re.compile(r"\d")


@lru_cache(maxsize=1)
def _pattern(kind: str) -> re.Pattern[str]:
    lex = lexicons()
    words = lex.hedges if kind == "hedge" else lex.unconfirmed
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.I)


def has_hedge(text: str) -> bool:
    """True when the text holds a hedge word or phrase."""
    return bool(_pattern("hedge").search(text))


def unverified_markers(text: str) -> list[tuple[int, int]]:
    """Spans of phrases saying information is unverified or unsourced."""
    return [m.span() for m in _pattern("unconfirmed").finditer(text)]


def base_status(cue_status: str, negated_cue: bool, hedged_context: str, content: str) -> str:
    """The status a claim takes from its own sentence."""
    if cue_status == "negated" or negated_cue:
        return "negated"
    if cue_status == "hedged" or has_hedge(hedged_context) or has_hedge(content):
        return "hedged"
    return "asserted"


@dataclass
class StatusView:
    """What qualification needs to know about a claim."""

    speaker_key: str
    cue_status: str
    content: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    status: str


def qualify(text: str, claims: Sequence[StatusView],
            speaker_at: dict[tuple[int, int], str]) -> None:
    """Mark claims unconfirmed where the article says their information is unverified.

    `speaker_at` maps the span of each sentence holding a marker to the speaker key it names
    (empty when it names none: then the marker bears on the claims right before it).
    """
    for (s_start, s_end), key in speaker_at.items():
        for m_start, m_end in unverified_markers(text[s_start:s_end]):
            m_start += s_start
            m_end += s_start
            if not key:
                before = [c for c in claims if c.start < m_start]
                if not before:
                    continue
                nearest = max(before, key=lambda c: c.start)
                key = nearest.speaker_key
                if nearest.status != "negated" and not unverified_markers(nearest.content):
                    nearest.status = "unconfirmed"  # "Reuters could not verify the claim": the one just made
            for c in claims:
                if c.speaker_key != key or c.status == "negated":
                    continue
                if unverified_markers(c.content):
                    continue  # the claim that states the caveat is not itself unconfirmed
                if c.sentence_start <= m_start < c.sentence_end:
                    c.status = "unconfirmed"  # "X claimed, without providing evidence, that ..."
                elif c.cue_status == "contested" or NUMBER.search(c.content):
                    c.status = "unconfirmed"
