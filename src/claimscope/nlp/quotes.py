"""Quotation marks: where quotations are in a text (straight, curly, guillemets, `` '' )."""

from __future__ import annotations

from dataclasses import dataclass

OPEN_DOUBLE = "\u201c\u201e\u00ab"
CLOSE_DOUBLE = "\u201d\u00bb"


@dataclass(frozen=True)
class Quote:
    """One quotation: [start, end) is the text inside the marks; open_end when the paragraph ends first."""

    start: int
    end: int
    open_end: bool = False


def quote_spans(text: str) -> list[Quote]:
    """Quotations in text, outermost only. A quotation never crosses a line break: a quote left open at
    the end of a paragraph (the convention for a quotation that goes on in the next one) ends there."""
    spans: list[Quote] = []
    n = len(text)
    i = 0
    opened: int | None = None  # start of the content of the open double quote
    closer = ""
    single: int | None = None
    while i < n:
        c = text[i]
        two = text[i:i + 2]
        if c == "\n":
            if opened is not None and i > opened:
                spans.append(Quote(opened, _rstrip(text, opened, i), open_end=True))
            opened, single = None, None
            i += 1
            continue
        if opened is None:
            if two == "''" and (i == 0 or not text[i - 1].isalnum()):
                opened, closer = i + 2, "''"  # NYT style: ''quoted''
                i += 2
                continue
            if two == "``":
                opened, closer = i + 2, "''"
                i += 2
                continue
            if c in OPEN_DOUBLE:
                opened, closer = i + 1, CLOSE_DOUBLE
            elif c == '"':
                opened, closer = i + 1, '"'
            elif c == "\u2018" and single is None:
                prev = text[i - 1] if i else " "
                nxt = text[i + 1] if i + 1 < n else " "
                if not prev.isalnum() and (nxt.isalnum() or nxt in "$%"):
                    single = i + 1
            elif c == "\u2019" and single is not None:
                nxt = text[i + 1] if i + 1 < n else " "
                if not nxt.isalnum():
                    spans.append(Quote(single, i))
                    single = None
        else:
            if closer == "''" and two == "''":
                spans.append(Quote(opened, i))
                opened = None
                i += 2
                continue
            if (closer == '"' and c == '"') or (closer == CLOSE_DOUBLE and c in CLOSE_DOUBLE):
                spans.append(Quote(opened, i))
                opened = None
        i += 1
    if opened is not None and n > opened:
        spans.append(Quote(opened, _rstrip(text, opened, n), open_end=True))
    return [q for q in spans if q.end > q.start]


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def quote_mask(text: str, quotes: list[Quote]) -> bytearray:
    """1 for every character inside a quotation (the marks themselves count as inside)."""
    mask = bytearray(len(text))
    for q in quotes:
        lo = max(0, q.start - 1)
        hi = min(len(text), q.end + 1)
        mask[lo:hi] = b"\x01" * (hi - lo)
    return mask


def quote_type(text: str, mask: bytearray, spans: list[tuple[int, int]]) -> str:
    """direct when every word of the spans is quoted, indirect when none is, else mixed."""
    inside = outside = 0
    for start, end in spans:
        i = start
        while i < end:
            if text[i].isalnum():
                j = i
                while j < end and (text[j].isalnum() or text[j] in "'’-"):
                    j += 1
                if mask[i]:
                    inside += 1
                else:
                    outside += 1
                i = j
            else:
                i += 1
    if inside and not outside:
        return "direct"
    if inside:
        return "mixed"
    return "indirect"
