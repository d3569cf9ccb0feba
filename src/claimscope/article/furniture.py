"""Page-furniture patterns (data/furniture.txt), compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

SECTIONS = ("line", "tail", "credit", "caption", "closing", "footer")


@dataclass(frozen=True)
class Furniture:
    """One compiled alternation per section of data/furniture.txt."""

    line: re.Pattern[str]
    tail: re.Pattern[str]
    credit: re.Pattern[str]
    caption: re.Pattern[str]
    closing: re.Pattern[str]
    footer: re.Pattern[str]


def parse_sections(text: str) -> dict[str, list[str]]:
    """The regexes of each [section] of a furniture file."""
    out: dict[str, list[str]] = {name: [] for name in SECTIONS}
    current: str | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = re.fullmatch(r"\[(\w+)\]", line)
        if m:
            current = m.group(1)
            if current not in out:
                raise ValueError(f"furniture.txt: unknown section [{current}]")
            continue
        if current is None:
            raise ValueError(f"furniture.txt: pattern {line!r} before any [section]")
        re.compile(line)  # fail early, naming the bad pattern
        out[current].append(line)
    return out


@lru_cache(maxsize=1)
def furniture() -> Furniture:
    """The packaged furniture patterns."""
    text = resources.files("claimscope.article").joinpath("data", "furniture.txt").read_text("utf-8")
    sections = parse_sections(text)
    compiled = {name: re.compile("|".join(f"(?:{p})" for p in pats) or r"(?!x)x", re.I)
                for name, pats in sections.items()}
    return Furniture(**compiled)
