"""A line-level cleaner for plain text saved from web pages.

The text is cut into units (lines, or paragraphs when the lines are hard-wrapped). Units that are
page furniture are dropped: patterns from data/furniture.txt (menus, share buttons, notices),
photo captions (credit lines, caption labels, doubled captions), breadcrumbs, later copies of
the headline, short lines before the article starts, and trailing blocks (blog blurbs, related
links, appeals, author boxes). On the way the headline, a byline and a printed publication date
are picked up.

The article starts at its first body paragraph (a sentence of ten words or more); before it only
the headline, a deck (standfirst), a byline and a date are looked for.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from claimscope.article.dates import find_date, month_names
from claimscope.article.furniture import furniture

_CLOSERS = "\"'”’»)]*"
_TERMINAL = (".", "!", "?", "…", ":")
_WORD = re.compile(r"\w+")
_BULLET = re.compile(r"^(?:[•·▪◦‣*]|-\s|\d{1,2}[.)]\s)")
_GLUED = re.compile(r"[a-z]{3,}[A-Z][a-z]{2,}")
_BREADCRUMB_SEP = re.compile(r"\s[|»›>/]\s")
_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]")
_NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ][\w'’./&-]*|al-\w+|el-\w+)$")
_PARTICLES = {"al", "el", "bin", "ibn", "de", "da", "di", "van", "von", "der", "du", "la", "le", "ul"}
_BY = re.compile(r"^(?:by|byline|written by|posted by|words by|author|reporting by|report by)\s*:?\s+"
                 r"(?P<names>.+?)[\s,]*$",
                 re.I)
_BY_PREFIX = re.compile(r"^\s*(?:by|written by|posted by|author)\b\s*:?", re.I)
_DASH = re.compile(r"^(?:--|—|–)\s*(?P<names>.+?)\s*$")
_STAFF = re.compile(r"^(?P<names>(?:[A-Z][\w'’.-]*\s+){1,4}staff)(?:\s*,)?$", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*")
_DATE_LABEL = re.compile(r"^\s*(?:date|published|posted(?: on)?|updated|dated)\s*:?\s*", re.I)
_DATELINE_DASH = re.compile(r"\s(?:--|—|–|-)\s")
# Times, time zones and labels around a date stamp.
_DATE_NOISE = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\b(?:published|updated|posted|"
                         r"last|modified|dated?|on|at|gmt|utc|bst|cet|cest|eet|eest|msk|est|edt|cst|cdt|pst|pdt|am|pm)\b"
                         r"|[|•·:,–—-]", re.I)
# Times and labels only: the separators are kept to cut a byline line into pieces.
_STAMP_NOISE_KEEP_SEP = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\b(?:published|updated|posted|"
                                   r"last|modified|dated?|on|at|gmt|utc|bst|cet|cest|eet|eest|msk|est|edt|cst|"
                                   r"cdt|pst|pdt|am|pm)\b", re.I)
_BYLINE_SEP = re.compile(r"\s*[|•·—–]\s*|\s+-\s+|,\s+|^-\s*|\s*-$")

_RELATIVE_TIME = re.compile(r"(?:about |nearly )?(?:\d+|an?|one) (?:second|minute|min|hour|hr|day|week|month)s? ago"
                            r"|just now|yesterday|today", re.I)

# Title candidates are at most this long; body paragraphs have at least this many words.
MAX_TITLE_CHARS = 250
MIN_BODY_WORDS = 10
MIN_STANDFIRST_WORDS = 8
# After the last body paragraph, a line without sentence punctuation up to this long is furniture
# (a label, an author name); longer ones may be a list item or a sentence closed by a wire tag.
MAX_TRAILING_WORDS = 6
# A trailing-block marker cuts the rest only once this share of the text has gone by.
TAIL_MIN_POSITION = 0.4
# A closing notice is followed by at most this many body-like paragraphs (the site's blurb).
MAX_BODY_AFTER_CLOSING = 3


@dataclass
class CleanText:
    """What the cleaner found in one saved page."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    boilerplate: list[str] = field(default_factory=list)


@dataclass
class _Unit:
    text: str
    key: str  # folded form for comparisons
    words: int
    sentence: bool  # ends like a sentence

    @property
    def body(self) -> bool:
        return (self.sentence and self.words >= MIN_BODY_WORDS) or self.words >= 40

    @property
    def title_case(self) -> bool:
        """Most longer words capitalised, as in "Clinton Wins Missouri Democratic Primary"."""
        long_words = [w for w in _WORD.findall(self.text) if len(w) >= 4 and not w.isdigit()]
        return len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)

    @property
    def bullet(self) -> bool:
        return bool(_BULLET.match(self.text))


def fold(text: str) -> str:
    """Case-folded, NFKC, single-spaced form of a line, for comparing lines."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip()


def _make_unit(text: str) -> _Unit:
    bare = text.rstrip(_CLOSERS)
    return _Unit(text=text, key=fold(text), words=len(_WORD.findall(text)),
                 sentence=bare.endswith(_TERMINAL) and not bare.endswith(("..", "...")) or text.endswith("?"))


def _normalise(raw: str) -> str:
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\t", " ")
    return re.sub("[\u200b\u200c\u200d\u2060\ufeff]", "", raw)


def split_units(raw: str) -> list[str]:
    """Lines of the page; lines of a hard-wrapped paragraph are joined into one."""
    units: list[str] = []
    for block in re.split(r"\n\s*\n", _normalise(raw)):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        if len(lines) >= 3 and _hard_wrapped(lines):
            units.append(" ".join(lines))
        else:
            units.extend(lines)
    return units


def _hard_wrapped(lines: list[str]) -> bool:
    if sum(1 for ln in lines if _BULLET.match(ln)) > 1:
        return False  # a list, one item a line
    inner = lines[:-1]
    long_open = [ln for ln in inner if 40 <= len(ln) <= 100 and not ln.rstrip(_CLOSERS).endswith(_TERMINAL)]
    return len(long_open) >= 0.6 * len(inner) and max(len(ln) for ln in lines) <= 100


def name_like(text: str, min_tokens: int = 2, max_tokens: int = 4) -> bool:
    """True for a short run of capitalised words such as "Joanna Paraszczuk" or "Abu Bakr al-Baghdadi"."""
    tokens = text.split()
    if not min_tokens <= len(tokens) <= max_tokens or any(ch.isdigit() for ch in text):
        return False
    caps = [t for t in tokens if t.casefold() not in _PARTICLES]
    if not caps or not all(_NAME_TOKEN.match(t) for t in caps):
        return False
    return not all(t.isupper() for t in caps if len(t) > 1)


def parse_byline(text: str) -> str | None:
    """The name(s) of a byline line ("By A and B", "-- A", "A Staff"), or None."""
    line = text.strip()
    if len(_WORD.findall(line)) > 12:
        return None
    m = _BY.match(line)
    if m:
        return _names(m.group("names"), min_tokens=1)
    m = _DASH.match(line)
    if m and name_like(m.group("names")):
        return m.group("names").strip()
    m = _STAFF.match(line)
    if m:
        return m.group("names").strip()
    return None


@lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    """Weekday (data/weekdays.txt) and month names, case-folded: words a byline name never holds."""
    text = resources.files("claimscope.article").joinpath("data", "weekdays.txt").read_text("utf-8")
    days = {ln.strip().casefold() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")}
    return frozenset(days | set(month_names()))


def name_beside_date(text: str) -> str | None:
    """The name of a byline printed on one line with its date ("Ainura Bekova Nov 8, 2021"), or None.

    The line is cut at the date and at separators (|, •, ·, dashes); the first piece that is a run
    of capitalised words, once labels and times are stripped, is the name. Weekday and month names
    are not names.
    """
    found = find_date(text)
    if found is None:
        return None
    _, start, end = found
    for side in (text[:start], text[end:]):
        for piece in _BYLINE_SEP.split(_STAMP_NOISE_KEEP_SEP.sub(" ", side)):
            piece = re.sub(r"\s+", " ", _BY_PREFIX.sub("", piece)).strip(" ,:/")
            if (piece and name_like(piece)
                    and not any(t.casefold().strip(".,") in _date_words() for t in piece.split())):
                return piece
    return None


def _date_in(text: str) -> str | None:
    found = find_date(text)
    return found[0] if found else None


def date_line_value(text: str) -> str | None:
    """The date of a line that is a date stamp ("Published 07/18/2016, 01:33 PM"), else None.

    The date must open the line (after a time or a label such as "Published") or be nearly all of
    it, so a headline such as "Attack on June 5, 2016 kills 10" is not taken for a date stamp.
    """
    found = find_date(text)
    if found is None:
        return None
    value, start, end = found
    prefix = _DATE_NOISE.sub(" ", text[:start])
    rest = _DATE_NOISE.sub(" ", text[:start] + " " + text[end:])
    if not _WORD.search(prefix) or len(_WORD.findall(rest)) <= 3:
        return value
    return None


def _overlap(a: str, b: str) -> float:
    """Share of the longer words of `a` that `b` also has (alt text and caption of one photo)."""
    wa = {w for w in _WORD.findall(a.casefold()) if len(w) > 3}
    wb = {w for w in _WORD.findall(b.casefold()) if len(w) > 3}
    return len(wa & wb) / len(wa) if wa else 0.0


def _names(text: str, min_tokens: int) -> str | None:
    # "A and B | Reuters", "A on January 21, 2015", "A - 10:32": the names come first
    text = re.split(r"\s+[|/•·]\s+|\s+[-–—]\s+|\s+(?:on|at|updated|published)\s+|\d", text)[0].strip(" ,")
    parts = [p for p in _NAME_SPLIT.split(text) if p]
    kept: list[str] = []
    for part in parts:
        if not name_like(part, min_tokens=min_tokens):
            break
        kept.append(part)
    if not kept:
        return None
    if len(kept) == len(parts):
        return text.strip(" ,")
    return ", ".join(kept)


class _Cleaner:
    def __init__(self, raw: str) -> None:
        self.units = [_make_unit(t) for t in split_units(raw)]
        self.drop: dict[int, str] = {}
        self.furn = furniture()
        self.title: str | None = None
        self.author: str | None = None
        self.published: str | None = None

    # -- helpers ---------------------------------------------------------------
    def kept(self, start: int = 0, end: int | None = None) -> list[int]:
        end = len(self.units) if end is None else end
        return [i for i in range(start, end) if i not in self.drop]

    def next_kept(self, i: int) -> int | None:
        for j in range(i + 1, len(self.units)):
            if j not in self.drop:
                return j
        return None

    def is_furniture(self, u: _Unit) -> bool:
        if self.is_date_line(u):
            return False  # "21.01.2015" alone on a line is a date, not a counter
        if u.words <= 40 and (self.furn.line.fullmatch(u.text) or self.furn.line.fullmatch(u.text.rstrip(" :"))):
            return True
        return u.words <= 12 and len(_BREADCRUMB_SEP.findall(u.text)) >= 2

    def is_credit(self, u: _Unit) -> bool:
        return (not u.sentence or u.words <= 4) and bool(self.furn.credit.fullmatch(u.text))

    def is_date_line(self, u: _Unit) -> bool:
        return u.words <= 15 and not u.body and date_line_value(u.text) is not None

    # -- passes ----------------------------------------------------------------
    def mark_furniture(self) -> None:
        units = self.units
        for i, u in enumerate(units):
            if i in self.drop:
                continue
            if self.furn.caption.fullmatch(u.text):
                self.drop[i] = "caption"
                if i + 1 < len(units) and not units[i + 1].body:
                    self.drop[i + 1] = "caption"
            elif self.is_furniture(u):
                self.drop[i] = "furniture"
            elif self.is_credit(u):
                self.drop[i] = "credit"
                prev = i - 1
                if (prev >= 0 and prev not in self.drop and not units[prev].body and not units[prev].bullet
                        and (u.words <= 10 or _overlap(units[prev].text, u.text) >= 0.4)):
                    self.drop[prev] = "caption"
        # A line printed twice in a row is a photo's alt text and caption (unless it opens the page:
        # then it is the headline printed twice).
        first_real = next((j for j in range(len(units)) if j not in self.drop), len(units))
        for i in range(1, len(units)):
            if (units[i].key == units[i - 1].key and not units[i].bullet and units[i].words <= 60
                    and i - 1 > first_real):
                self.drop[i - 1] = self.drop.get(i - 1, "caption")
                self.drop[i] = self.drop.get(i, "caption")

    def cut_tail(self) -> None:
        total = sum(len(u.text) for u in self.units) or 1
        start = len(self.units)
        seen = 0
        for i, u in enumerate(self.units):
            if seen >= TAIL_MIN_POSITION * total:
                start = i
                break
            seen += len(u.text)
        cut = self.closing_cut(start)
        for i in range(start, cut):
            u = self.units[i]
            ends_sentence = u.text.rstrip(_CLOSERS).endswith((".", "!", "?"))
            if u.words <= 12 and not ends_sentence and self.furn.tail.fullmatch(u.text):
                cut = i
                break
        for j in range(cut, len(self.units)):
            self.drop.setdefault(j, "tail")

    def closing_cut(self, start: int) -> int:
        """The first closing notice (wire credit, rights, standards) at or after `start`.

        A closing notice ends the article: what follows is the page's footer, however it is
        written, so at most MAX_BODY_AFTER_CLOSING body-like paragraphs (site blurbs) may follow it.
        """
        cut = len(self.units)
        body_after = 0
        for i in range(len(self.units) - 1, start - 1, -1):
            u = self.units[i]
            if self.is_closing(u):
                cut = i
            elif u.body:
                body_after += 1
                if body_after > MAX_BODY_AFTER_CLOSING:
                    break
        return cut

    def find_anchor(self) -> int:
        """The first body paragraph (or the first kept unit when there is none)."""
        kept = self.kept()
        first = next((i for i in kept if self.units[i].body), kept[0] if kept else len(self.units))
        if kept and first == kept[0] and self.headline_first(first):
            # A title-case first line of a sentence's length is the headline, even with a full stop.
            return next((i for i in kept[1:] if self.units[i].body), first)
        return first

    def headline_first(self, i: int) -> bool:
        u = self.units[i]
        return u.title_case and u.words <= 20 and not u.text.rstrip(_CLOSERS).endswith(":")

    def headline_like(self, u: _Unit) -> bool:
        bare = u.text.rstrip(_CLOSERS)
        if not 2 <= u.words <= 30 or len(u.text) > MAX_TITLE_CHARS:
            return False
        if bare.endswith((":", ",")) or bare.endswith("...") or (bare.endswith((".", ";")) and u.body
                                                                  and not u.title_case):
            return False
        return not (parse_byline(u.text) or self.is_date_line(u) or u.bullet)

    def title_score(self, i: int, counts: dict[str, int]) -> int:
        u = self.units[i]
        score = 0
        if counts.get(u.key, 0) > 1:
            score += 3  # headline printed again (page title, share box, article header)
        j = self.next_kept(i)
        if j is not None:
            nxt = self.units[j]
            after = self.next_kept(j)
            if self.is_date_line(nxt) or parse_byline(nxt.text):
                score += 2
            elif after is not None and (self.is_date_line(self.units[after]) or self.relative_stamp(j + 1)) and (
                    name_like(nxt.text)
                    or (self.headline_like(nxt) and nxt.words > u.words and u.words >= 4)):
                score += 2  # a bare byline name, or a longer deck, then the date stamp
            elif nxt.body or (nxt.sentence and nxt.words >= 4):
                score += 1  # followed by the body, a deck or a second headline line
        if u.words <= 8 and any(u.key in self.units[k].key for k, why in self.drop.items()
                                if why == "furniture" and self.furn.closing.fullmatch(self.units[k].text)):
            score -= 3  # the site's name, printed again in the copyright notice: a masthead
        if i + 1 < len(self.units) and self.drop.get(i + 1) == "credit":
            score -= 2  # alt text of a photo
        if _GLUED.search(u.text) or _EMOJI.search(u.text):
            score -= 2  # words glued across page elements: a masthead or a promotion
        if u.words <= 2:
            score -= 2
        if u.text.isupper() and u.words <= 4:
            score -= 3
        return score

    def relative_stamp(self, i: int) -> bool:
        """True when unit `i` is a relative time stamp ("2 hours ago")."""
        return 0 <= i < len(self.units) and bool(_RELATIVE_TIME.fullmatch(self.units[i].text))

    def pick_title(self, anchor: int) -> None:
        counts: dict[str, int] = {}
        for i, u in enumerate(self.units):
            prev = self.units[i - 1] if i else None
            if prev is not None and prev.words <= 4 and prev.text.endswith(":"):
                continue  # the value of a "Source:" field in a metadata block, not a headline copy
            counts[u.key] = counts.get(u.key, 0) + 1
        candidates = [i for i in self.kept(0, anchor) if self.headline_like(self.units[i])]
        if not candidates:
            return
        best = max(candidates, key=lambda i: (self.title_score(i, counts), -i))
        self.title = self.units[best].text.rstrip(";").strip()
        for i, u in enumerate(self.units):
            if u.key == self.units[best].key:
                self.drop[i] = "title"

    def header(self, anchor: int) -> None:
        for i in self.kept(0, anchor):
            u = self.units[i]
            if self.is_date_line(u):
                self.published = self.published or date_line_value(u.text)
                self.author = self.author or name_beside_date(u.text)
                self.drop[i] = "date"
            elif (name := parse_byline(u.text)) is not None:
                self.author = self.author or name
                self.published = self.published or _date_in(u.text)
                self.drop[i] = "byline"
            elif not (u.sentence and u.words >= MIN_STANDFIRST_WORDS):
                if self.author is None and name_like(u.text) and self.next_to_date_stamp(i):
                    self.author = u.text  # a bare name printed beside the date: the byline
                elif self.author is None and u.words <= 15 and (name := name_beside_date(u.text)):
                    # "Ainura Bekova · 8 November 2021 · 3 min read": name, date and reading time
                    self.author = name
                    self.published = self.published or _date_in(u.text)
                self.drop[i] = "header"

    def next_to_date_stamp(self, i: int) -> bool:
        """True when the unit just before or after `i` is a date stamp (or a relative one: "2 hours ago")."""
        return any(0 <= j < len(self.units) and (self.is_date_line(self.units[j]) or self.relative_stamp(j))
                   for j in (i - 1, i + 1))

    def dateline(self, anchor: int) -> None:
        if anchor >= len(self.units) or anchor in self.drop:
            return
        u = self.units[anchor]
        label = _DATE_LABEL.match(u.text)
        found = find_date(u.text[:80])
        if found is None:
            return
        value, start, end = found
        if label and start <= label.end() + 1:
            # "date 2024-03-23 Russian dictator ...": the stamp is glued to the first paragraph; the
            # line is kept whole (it is the article's first line as saved) and the date read from it.
            self.published = self.published or value
        elif start < 40 and _DATELINE_DASH.search(u.text[end:end + 40]):
            self.published = self.published or value

    def body(self, anchor: int) -> None:
        seen: set[str] = set()
        for i in self.kept(0, anchor):
            seen.add(self.units[i].key)
        for i in self.kept(anchor):
            u = self.units[i]
            if u.key in seen and u.words >= 4:
                self.drop[i] = "repeat"
                continue
            seen.add(u.key)
            name = parse_byline(u.text)
            if name is not None:
                self.author = self.author or name
                self.drop[i] = "byline"
            elif self.is_date_line(u) and u.words <= 8:
                self.published = self.published or date_line_value(u.text)
                self.drop[i] = "date"

    def author_box(self, anchor: int) -> None:
        kept = self.kept(anchor)
        if not kept:
            return
        start = kept[len(kept) // 2] if len(kept) > 3 else kept[0]
        for pos, i in enumerate(kept):
            u = self.units[i]
            if i < start or u.sentence or not name_like(u.text):
                continue
            for j in kept[pos + 1: pos + 4]:
                if self.units[j].text.startswith(u.text + " "):
                    self.author = self.author or u.text
                    for k in self.kept(i):
                        if k <= j or not self.units[k].body:
                            self.drop[k] = "author box"
                    return

    def is_closing(self, u: _Unit) -> bool:
        """A notice that closes an article: support credit, wire credit, rights or standards notice."""
        return u.words <= 60 and bool(self.furn.closing.fullmatch(u.text))

    def is_footer(self, u: _Unit) -> bool:
        """A closing notice or an appeal (sign up, follow us, read more)."""
        return self.is_closing(u) or (u.words <= 60 and bool(self.furn.footer.fullmatch(u.text)))

    def trailing(self, anchor: int) -> None:
        kept = self.kept(anchor)
        # From the end back to the last body paragraph that is not itself a notice or an appeal.
        last, notices = None, []
        for i in reversed(kept):
            u = self.units[i]
            if self.is_footer(u):
                notices.append(i)
            elif u.body:
                last = i
                break
        if last is None:
            return
        for i in notices:
            self.drop[i] = "footer"
        for i in kept:
            u = self.units[i]
            if i <= last or i in self.drop or u.sentence or u.bullet or u.words > MAX_TRAILING_WORDS:
                continue
            if self.author is None and name_like(u.text):
                self.author = u.text
            self.drop[i] = "tail"

    def run(self) -> CleanText:
        if not self.units:
            return CleanText(text="")
        self.mark_furniture()
        self.cut_tail()
        anchor = self.find_anchor()
        self.pick_title(anchor)
        self.header(anchor)
        self.dateline(anchor)
        self.body(anchor)
        self.author_box(anchor)
        self.trailing(anchor)
        text = "\n\n".join(self.units[i].text for i in self.kept())
        boilerplate = [self.units[i].text for i in sorted(self.drop) if self.drop[i] != "title"]
        return CleanText(text=text, title=self.title, author=self.author, published=self.published,
                         boilerplate=boilerplate)


def clean_text(raw: str) -> CleanText:
    """Clean plain text saved from a web page: body text, title, byline, date, dropped lines."""
    return _Cleaner(raw).run()
