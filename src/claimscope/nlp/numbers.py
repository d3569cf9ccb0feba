"""Numbers written in English news: digits ("4,000", "1.5 million", "$5bn") and words ("twenty-five").

The vocabulary comes from nlp/data/amounts/numbers.json; this module only knows how to combine it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from claimscope.config import data_path


@dataclass(frozen=True)
class NumberWords:
    """The number vocabulary and the compiled pattern that finds numbers in text."""

    ones: dict[str, int]
    tens: dict[str, int]
    hundred: dict[str, int]
    scales: dict[str, int]
    abbreviations: dict[str, int]
    indefinite: dict[str, int]
    pattern: re.Pattern[str]


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def number_words() -> NumberWords:
    """Load numbers.json once and compile the number pattern."""
    raw = json.loads(data_path("amounts", "numbers.json").read_text("utf-8"))
    ones, tens, hundred, scales = raw["ones"], raw["tens"], raw["hundred"], raw["scales"]
    abbreviations = {k: int(v) for k, v in raw["scale_abbreviations"].items()}
    indefinite = {k: int(v) for k, v in raw["indefinite"].items()}
    word = _alt([*ones, *tens])
    big = _alt([*hundred, *scales])
    # "twenty-five", "two hundred and fifty thousand", "1.5 million", "4,000", "a dozen"
    word_number = rf"(?:{word}|{big})(?:(?:\s+and\s+|[\s-]+)(?:{word}|{big}))*"
    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    multiword_scale = _alt([w for w in abbreviations if len(w) > 2])
    digit_number = rf"(?:{digits})(?:\s*(?:{multiword_scale})\b|(?:mn|bn|mln|bln|tn|k|m|b)\b)?"
    indef = _alt(list(indefinite))
    pattern = re.compile(
        rf"(?<![\w.,/:-])(?:(?:{indef})(?:\s+(?:{big}))*|{digit_number}|{word_number})(?![\w]|[.,/:]\d)",
        re.IGNORECASE,
    )
    return NumberWords(ones, tens, hundred, scales, abbreviations, indefinite, pattern)


def _parse_words(tokens: list[str], nw: NumberWords) -> float | None:
    total, current, seen = 0, 0, False
    for tok in tokens:
        if tok == "and":
            continue
        if tok in nw.ones:
            current += nw.ones[tok]
        elif tok in nw.tens:
            current += nw.tens[tok]
        elif tok in nw.hundred:
            current = max(current, 1) * nw.hundred[tok]
        elif tok in nw.scales:
            total += max(current, 1) * nw.scales[tok]
            current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def parse_number(text: str) -> float | None:
    """The value of a number as written ("4,000" -> 4000, "1.5 million" -> 1.5e6, "twenty-five" -> 25).

    Returns None for text that is not a definite number (vague plurals such as "hundreds" included).
    """
    nw = number_words()
    low = re.sub(r"\s+", " ", text.strip().lower())
    for phrase, value in sorted(nw.indefinite.items(), key=lambda kv: -len(kv[0])):
        if low == phrase or low.startswith(phrase + " "):
            rest = low[len(phrase):].split()
            scale = 1
            for r in rest:
                if r not in nw.scales and r not in nw.hundred:
                    return None
                scale *= nw.scales.get(r) or nw.hundred[r]
            return float(value * scale)
    m = re.fullmatch(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*([a-z]+)?", low)
    if m:
        number = float(m.group(1).replace(",", ""))
        if m.group(2):
            factor = nw.abbreviations.get(m.group(2))
            if factor is None:
                return None
            number *= factor
        return number
    m = re.fullmatch(r"(\d+(?:\.\d+)?) ([a-z ]+)", low)
    if m:
        word = _parse_words(m.group(2).split(), nw)
        return float(m.group(1)) * word if word is not None else None
    words = re.split(r"[\s-]+", low)
    if words[0] in nw.scales or words[0] in nw.hundred:
        return None  # "thousand" alone is the tail of a vague "several thousand" or "a few hundred"
    return _parse_words(words, nw)
