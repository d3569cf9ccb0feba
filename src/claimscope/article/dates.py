"""Publication dates as pages print them: "January 21, 2015", "21.01.2015", "2015-01-21", ..."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def month_names() -> dict[str, int]:
    """Month names and abbreviations (case-folded) -> month number, from data/months.tsv."""
    text = resources.files("claimscope.article").joinpath("data", "months.tsv").read_text("utf-8")
    out: dict[str, int] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, number = line.split("\t")
            out[name.strip().casefold()] = int(number)
    return out


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    months = "|".join(sorted((re.escape(m) for m in month_names()), key=len, reverse=True))
    day = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<y>(?:19|20)\d{2})"
    month = rf"(?P<m>{months})\.?"
    flags = re.I
    return [
        (re.compile(rf"(?<!\d){year}-(?P<mm>\d{{1,2}})-(?P<d>\d{{1,2}})(?!\d)", flags), "num"),
        (re.compile(rf"\b{month}\s+{day},?\s+{year}\b", flags), "name"),
        (re.compile(rf"(?<!\d){day}\s+{month},?\s+{year}\b", flags), "name"),
        (re.compile(rf"(?<![\d.]){day}\.(?P<mm>\d{{1,2}})\.{year}(?![\d.]\d)", flags), "num"),
        (re.compile(rf"(?<![\d/]){day}/(?P<mm>\d{{1,2}})/{year}(?!\d)", flags), "slash"),
        (re.compile(rf"(?<!\d){year}/(?P<mm>\d{{1,2}})/(?P<d>\d{{1,2}})(?!\d)", flags), "num"),
    ]


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first full calendar date in `text` as (YYYY-MM-DD, start, end), or None."""
    best: tuple[str, int, int] | None = None
    for pattern, kind in _patterns():
        for m in pattern.finditer(text):
            value = _value(m, kind)
            if value and (best is None or m.start() < best[1]):
                best = (value, m.start(), m.end())
                break
    return best


def _value(m: re.Match[str], kind: str) -> str | None:
    year, day = int(m.group("y")), int(m.group("d"))
    if kind == "name":
        month = month_names()[m.group("m").casefold().rstrip(".")]
    elif kind == "slash":
        # 07/18/2016: slashes are the US habit, month first; 18/07/2016 can only be day first
        first, second = day, int(m.group("mm"))
        month, day = (first, second) if first <= 12 else (second, first)
    else:
        month = int(m.group("mm"))
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """YYYY-MM-DD of the first date in `text`, or None."""
    found = find_date(text)
    return found[0] if found else None


def normalise_date(value: str | None) -> str | None:
    """A date given by a user, a feed or trafilatura as YYYY-MM-DD (or YYYY-MM / YYYY); None if unusable."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        return value
    m = re.match(r"(\d{4}-\d{2}-\d{2})[T ]", value)
    if m:
        return m.group(1)
    return parse_date(value)
