"""Plain-text helpers for weighing: sentences, clauses, comparison tokens, counts, dates."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from claimscope.analysis.lexicon import lexicon, phrases, stopwords, synonyms
from claimscope.textsim import ngrams

_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u02bc": "'", "\u2032": "'", "\u00ab": '"',
           "\u00bb": '"'}
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|Maj|St|No|Jr|Sr|Prof|Gov|Sen|Rep|U\.S|U\.N|a\.m|p\.m|"
                     r"[A-Z])\.)$")
_SENT_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9\u0400-\u042f])")
# A wire's sign-off after the last sentence of a paragraph ("... day of mourning. REUTERS", "... (AFP)").
_SIGN_OFF = re.compile(r"(?<=[.!?\"\u201d])\s+(?:[A-Z]{3,}(?:[/ ][A-Z]{2,})?|\([A-Z][A-Za-z/ ]{1,30}\))\s*$")
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff0-9]+(?:[-'][A-Za-z\u00c0-\u024f0-9]+)*")


@dataclass(frozen=True)
class Span:
    """A stretch of a document's text."""

    start: int
    end: int
    text: str


def fold(text: str) -> str:
    """NFKC with straight quotes: the form texts are compared in."""
    text = unicodedata.normalize("NFKC", text)
    for a, b in _QUOTES.items():
        text = text.replace(a, b)
    return text


def is_furniture(line: str) -> bool:
    """True for page furniture: headlines, captions, menus (short, title-cased or unpunctuated lines)."""
    words = _WORD.findall(line)
    if len(words) < 5:
        return True
    stripped = _SIGN_OFF.sub("", line.rstrip()).rstrip("*\u2020\u2021 ")  # a footnote mark ends no headline
    if stripped.endswith((".", "!", "?", '"', "\u201d", ":", "\u2019", "'")):
        return False
    # An unpunctuated line is a headline, caption or menu unless it is long prose.
    return len(words) < 25


def sentences(text: str) -> Iterator[Span]:
    """Sentences of the text (paragraphs are lines), furniture left out, with offsets."""
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip() or is_furniture(line):
            continue
        start = 0
        for m in _SENT_END.finditer(line):
            if line[m.start()] == "." and _ABBREV.search(line[max(0, m.start() - 6):m.start() + 1]):
                continue  # "Col. Halimov", "U.S. official": not a sentence end
            end = m.end()
            yield from _trimmed(line, line_start, start, end)
            start = end
        yield from _trimmed(line, line_start, start, len(line))


def _trimmed(line: str, line_start: int, start: int, end: int) -> Iterator[Span]:
    piece = line[start:end]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    if len(_WORD.findall(piece)) >= 3:
        s = line_start + start + lead
        yield Span(s, s + len(piece), piece)


_AND_NUMBER = None
_AND_OUTCOME = re.compile(r" and (?=(?:also |then |later )?(?:wounded|wounding|injured|injuring|killed|killing|detained|"
                          r"arrested|lowered|raised|declared|announced)\b)")
_WHO = re.compile(r"(?<=[a-z]) who (?=(?:had |has |have |was |were )?(?:\w+ed|became|began|joined|fled|took|left|"
                  r"led|went|made|was|had)\b)")
_DASH = re.compile(r" [\u2013\u2014] ")
_CLAUSE_START = re.compile(r"\b(?:\w+ed|were|was|is|are|have|has|had|said|says|\w+ing)\b", re.I)
_VERBISH = re.compile(r"\b(?:\w+ed|were|was|is|are|have|has|had|died|dead|killing|wounding|said|says)\b", re.I)


def clauses(span: Span) -> list[Span]:
    """Split a sentence into statements at clause boundaries ("; ", ", while ", "and <number> ...")."""
    global _AND_NUMBER
    if _AND_NUMBER is None:
        nums = "|".join(sorted((w for w in lexicon()["number_words"] if len(w) > 2), key=len, reverse=True))
        _AND_NUMBER = re.compile(
            r",? and (?=(?:at least |more than |another |some |about |nearly )?(?:\d+|" + nums + r")\b"
            r"(?: (?!and\b)\w+){0,3}? (?:were|was|are|have|had|injured|wounded|hurt)\b)",
            re.I)
    cuts: list[tuple[int, int]] = []
    text = span.text
    quote_depth = _quote_mask(text)
    for conj in lexicon()["split_conjunctions"]:
        for m in re.finditer(re.escape(conj), text):
            if not quote_depth[m.start()]:
                cuts.append((m.start(), m.end()))
    for m in _AND_OUTCOME.finditer(text):
        if not quote_depth[m.start()] and _VERBISH.search(text[:m.start()]):
            cuts.append((m.start(), m.start() + 5))
    for m in _WHO.finditer(text):
        if not quote_depth[m.start()]:
            cuts.append((m.start(), m.end()))
    dashes = [m.start() for m in _DASH.finditer(text)] + [len(text)]
    for i, m in enumerate(_DASH.finditer(text)):
        # a dash sets off a clause ("had died in the attack – making it ...") when a verb stands on each side of it,
        # not a list or an aside of names ("Four officers – Captain A, Sergeant B – were killed")
        before = text[dashes[i - 1] if i else 0:m.start()]
        after = text[m.end():dashes[i + 1]]
        if not quote_depth[m.start()] and _VERBISH.search(before) and _CLAUSE_START.search(after):
            cuts.append((m.start(), m.end()))
    for m in _AND_NUMBER.finditer(text):
        if not quote_depth[m.start()] and _VERBISH.search(text[:m.start()]):
            cuts.append((m.start(), m.end()))
    if not cuts:
        return [span]
    cuts.sort()
    out: list[Span] = []
    start = 0
    for a, b in cuts:
        if a < start:
            continue
        left = text[start:a]
        if len(_WORD.findall(left)) >= 3 and len(_WORD.findall(text[b:])) >= 3:
            out.append(Span(span.start + start, span.start + a, left.strip(" ,;")))
            start = b
    out.append(Span(span.start + start, span.end, text[start:].strip(" ,;")))
    return [s for s in out if s.text]


def _quote_mask(text: str) -> list[bool]:
    """Per character: inside a quotation?"""
    mask = [False] * (len(text) + 1)
    inside = False
    for i, ch in enumerate(text):
        if ch in "\u201c\u201d\"":
            if ch == "\u201c":
                inside = True
            elif ch == "\u201d":
                inside = False
            else:
                inside = not inside
        mask[i] = inside
    return mask


def words(text: str) -> list[str]:
    """Word tokens as written."""
    return _WORD.findall(fold(text))


def _stem(w: str) -> str:
    if len(w) > 5 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def content_tokens(text: str) -> list[str]:
    """Lower-cased content words, synonyms folded and number words as digits: what similarity compares."""
    syn = synonyms()
    stop = stopwords()
    nums = lexicon()["number_words"]
    out: list[str] = []
    expanded: list[str] = []
    for w in words(text):
        expanded.extend(w.split("-") if w[:1].isdigit() else [w])
    for w in _fold_phrases(expanded):
        if w.isupper() and w in syn:  # an acronym listed in capitals ("IS") is read only when written so
            out.append(syn[w])
            continue
        lw = w.lower().replace("'s", "")
        if lw in nums and lw not in ("a", "an", "one"):
            out.append(str(nums[lw]))
            continue
        if lw in stop or len(lw) < 2:
            continue
        lw = syn.get(lw, lw)
        lw = syn.get(_stem(lw), _stem(lw))
        out.append(lw)
    return out


def _fold_phrases(ws: list[str]) -> list[str]:
    """The words with each phrase of a synonym group ("shot dead", "claimed responsibility") as its group word."""
    table = phrases()
    if not table:
        return ws
    longest = max(len(k) for k in table)
    low = [w.lower() for w in ws]
    out: list[str] = []
    i = 0
    while i < len(ws):
        for n in range(min(longest, len(ws) - i), 1, -1):
            hit = table.get(tuple(low[i:i + n]))
            if hit:
                out.append(hit)
                i += n
                break
        else:
            out.append(ws[i])
            i += 1
    return out


def shingles(tokens: list[str], n: int = 2) -> set[str]:
    """Word n-grams (and the single words for short texts)."""
    if len(tokens) < n:
        return set(tokens)
    return {" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def raw_shingles(text: str, n: int = 3) -> set[str]:
    """Lower-cased word n-grams of the text as written (for copied-text detection)."""
    return ngrams([w.lower() for w in words(text)], n)


def quoted_share(text: str) -> float:
    """Share of the characters of text that stand inside quotation marks."""
    mask = _quote_mask(text)
    return sum(mask[:len(text)]) / max(1, len(text))
