"""cs_dates: every calendar expression in a document, resolved to ISO 8601 against its publication date.

What counts is a calendar expression: a day, month, year, ISO week or weekday that can be placed on the
calendar ("January 20", "in October", "21.01.2015", "since 2017", "last week", "yesterday", "on Friday").
Durations, ages and vague spans ("three years", "in recent years", "the last few years") are not dates.

Resolution, with ``doc._.cs_published`` (YYYY-MM-DD, or shorter) as the reference:
- a day or month without a year takes the nearest sensible year: the year of publication, the one before
  or the one after, whichever is closest, a future date costing ``future_weight`` times as much as a
  past one (news mostly reports what happened). A clause in the past tense takes the latest candidate
  not after publication; one in the future tense ("will", "shall") the earliest not before it.
- a weekday ("on Friday") is the most recent such day on or before publication in a past-tense clause,
  the next one on or after it in a future-tense clause, and otherwise the nearer of the two with the same
  ``future_weight`` (so in practice the most recent one, unless it is the day after publication);
  "last Friday" is strictly before, "next Friday" strictly after. A date that is the subject or object
  of its verb ("declared Sunday a day of mourning") takes no tense from it.
- "yesterday", "today", "N days ago" give a day; "last week", "this week" an ISO week (2015-W03);
  "last month", "earlier this month" a month (2015-01); "this year", "last year" a year.
Without a publication date a day or month keeps its year unknown ("--01-20", "--10"), and expressions that
only make sense relative to publication (weekdays, "yesterday", "last week", "this year") are omitted: no
value could be given that is not a guess.

The vocabulary (month, weekday and relative words, cue words) is in nlp/data/dates/calendar.json.
spaCy's DATE entities serve as evidence for bare years and months; the patterns below find the rest.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimscope.config import data_path
from claimscope.model import DateMention
from claimscope.nlp import extensions  # noqa: F401  (declares the Doc extensions)
from claimscope.nlp.numbers import parse_number

_NON_DATE_ENTS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "NORP",
                  "MONEY", "CARDINAL", "QUANTITY", "PERCENT"}
_DATE_ENTS = {"DATE", "TIME"}
_ARGUMENT_DEPS = {"dobj", "nsubj", "nsubjpass", "attr", "oprd", "appos", "dative"}


@dataclass(frozen=True)
class Calendar:
    """The calendar vocabulary and the patterns compiled from it (built once per process)."""

    months: dict[str, int]
    weekdays: dict[str, int]
    weekday_abbreviations: frozenset[str]
    bare_month_cues: re.Pattern[str]
    bare_year_cues: re.Pattern[str]
    relative_days: dict[str, int]
    relative_shift: dict[str, int]
    ago_units: dict[str, str]
    future_words: frozenset[str]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]


def _alt(words: list[str] | set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _cased(words: list[str]) -> list[str]:
    """Capitalised and all-capital spellings: month and weekday names are proper nouns in English."""
    return sorted({v for w in words for v in (w.capitalize(), w.upper())})


def _cue_pattern(cues: list[str]) -> re.Pattern[str]:
    # The cue must end right before the expression, as a whole word.
    return re.compile(rf"(?:^|[^\w-])(?:{_alt(cues)})[\s-]*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def load_calendar() -> Calendar:
    """Read calendar.json and compile the date patterns."""
    raw = json.loads(data_path("dates", "calendar.json").read_text("utf-8"))
    months: dict[str, int] = raw["months"]
    weekdays: dict[str, int] = raw["weekdays"]
    wd_abbr = set(raw["weekday_abbreviations"])
    mon_abbr = set(raw["month_abbreviations"])
    mon = rf"(?:{_alt(_cased([m for m in months if m not in mon_abbr]))}|(?:{_alt(_cased(list(mon_abbr)))})\.?)"
    wd_full = _alt(_cased([w for w in weekdays if w not in wd_abbr]))
    wd_any = rf"(?:{wd_full}|(?:{_alt(_cased(list(wd_abbr)))})\.?)"
    day = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    year = r"(?:1[89]\d\d|20\d\d)"
    parts = _alt(raw["day_parts"])
    mods = _alt(raw["part_modifiers"])
    shift = raw["relative_shift"]
    units = _alt(list(raw["relative_units"]))
    pre = r"(?<![\w.])"
    yrel = r",?\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b"  # "June 16 of last year"
    patterns = (
        ("iso", re.compile(rf"{pre}(?P<y>{year})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d])")),
        ("numeric", re.compile(
            rf"{pre}(?P<a>0?[1-9]|[12]\d|3[01])(?P<sep>[./])(?P<b>0?[1-9]|[12]\d|3[01])(?P=sep)(?P<y>{year})(?!\d)")),
        ("mdy", re.compile(
            rf"{pre}(?:(?P<wd>{wd_any}),?\s+)?(?:(?P<mod>{mods})\s+)?(?P<m>{mon})\s+(?P<d>{day})"
            rf"(?:\s*[-–]\s*(?P<d2>{day}))?(?![\d:])(?:(?:,\s*|\s+)(?P<y>{year})(?!\d)|{yrel})?", re.UNICODE)),
        ("dmy", re.compile(
            rf"{pre}(?:(?P<wd>{wd_any}),?\s+)?(?P<d>{day})(?:\s*[-–]\s*(?P<d2>{day}))?\s+(?:of\s+)?(?P<m>{mon})"
            rf"(?![\w])(?:,?\s+(?P<y>{year})(?!\d)|{yrel})?")),
        ("my", re.compile(
            rf"{pre}(?:(?P<mod>{mods})\s+)?(?P<m>{mon}),?\s+(?:of\s+)?(?P<y>{year})(?!\d)")),
        ("month_rel", re.compile(
            rf"{pre}(?:(?P<mod>{mods})\s+)?(?P<m>{mon}){yrel}")),
        ("rel_month", re.compile(rf"\b(?P<rel>last|next|this)\s+(?P<m>{mon})(?![\w])")),
        ("month", re.compile(rf"{pre}(?:(?P<mod>{mods})[\s-]+)?(?P<m>{mon})(?![\w])")),
        ("rel_day", re.compile(rf"\b(?P<rel>{_alt(list(raw['relative_days']))})\b", re.IGNORECASE)),
        ("rel_unit", re.compile(rf"\b(?P<rel>{_alt(list(shift))})\s+(?P<u>{units})\b", re.IGNORECASE)),
        ("ago", re.compile(
            rf"\b(?P<n>an?|\d+|[a-z]+(?:-[a-z]+)?)\s+(?P<u>{_alt(list(raw['ago_units']))})\s+ago\b",
            re.IGNORECASE)),
        ("weekday", re.compile(
            rf"(?:\b(?P<rel>last|next|this|on|early|late|since|by|until)\s+)?(?P<wd>{wd_full})(?:'s)?"
            rf"(?:\s+(?P<part>{parts}))?\b")),
        ("year", re.compile(rf"(?<![\w.,$£€/:-])(?:(?P<mod>mid|early|late)-)?(?P<y>{year})(?:\s*[-–]\s*(?P<y2>{year}|\d\d))?(?![\w%]|[.,:/]\d)")),
    )
    return Calendar(
        months=months,
        weekdays=weekdays,
        weekday_abbreviations=frozenset(wd_abbr),
        bare_month_cues=_cue_pattern(raw["bare_month_cues"]),
        bare_year_cues=_cue_pattern(raw["bare_year_cues"]),
        relative_days={k.lower(): int(v) for k, v in raw["relative_days"].items()},
        relative_shift={k.lower(): int(v) for k, v in shift.items()},
        ago_units=raw["ago_units"],
        future_words=frozenset(raw["future_auxiliaries"]),
        patterns=patterns,
    )


# --- publication date -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reference:
    """The publication date as far as it is known: precision is 'day', 'month' or 'year'."""

    day: date
    precision: str


def parse_published(value: str | None) -> Reference | None:
    """Read ``doc._.cs_published`` (YYYY-MM-DD, YYYY-MM, YYYY, or an ISO timestamp)."""
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not m:
        return None
    try:
        y = int(m.group(1))
        if m.group(3):
            return Reference(date(y, int(m.group(2)), int(m.group(3))), "day")
        if m.group(2):
            return Reference(date(y, int(m.group(2)), 15), "month")
        return Reference(date(y, 7, 1), "year")
    except ValueError:
        return None


# --- tense ------------------------------------------------------------------------------------------


def clause_tense(span: Span, future_words: frozenset[str]) -> str | None:
    """'past', 'future' or None (present, or not known) for the clause that holds `span`."""
    tok = span.root
    if tok.dep_ in _ARGUMENT_DEPS:
        # "declared Sunday a day of mourning": the date is what the verb is about, not when it happened
        return None
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in auxes}
    if words & future_words or tok.lower_ in future_words:
        return "future"
    head = tok.head
    if tok.dep_ == "xcomp" and head.lower_ in future_words:
        return "future"
    if tok.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes):
        return "past"
    if tok.tag_ == "VBN" and any(c.lemma_ == "have" for c in auxes):
        return "past"
    return None


# --- resolution -------------------------------------------------------------------------------------


def _month_bounds(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def choose_year(month: int, day: int | None, ref: date, tense: str | None, future_weight: float) -> int | None:
    """The year that puts month (and day) nearest to the reference date, as described in the module doc."""
    scored: list[tuple[float, int]] = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            first, last = (date(y, month, day), date(y, month, day)) if day else _month_bounds(y, month)
        except ValueError:
            continue
        if last < ref:
            if tense == "future":
                continue
            cost = float((ref - last).days)
        elif first > ref:
            if tense == "past":
                continue
            cost = (first - ref).days * (1.0 if tense == "future" else future_weight)
        else:
            cost = 0.0
        scored.append((cost, y))
    return min(scored)[1] if scored else None


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _shift_month(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _day_value(y: int | None, m: int, d: int) -> str | None:
    try:
        if y is None:
            date(2000, m, d)  # a leap year: 29 February is a valid partial date
            return f"--{m:02d}-{d:02d}"
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


class DateFinder:
    """Finds and resolves the calendar expressions of one Doc."""

    def __init__(self, doc: Doc, future_weight: float) -> None:
        self.doc = doc
        self.text = doc.text
        self.cal = load_calendar()
        self.ref = parse_published(doc._.cs_published)
        self.future_weight = future_weight

    # helpers ---------------------------------------------------------------
    def _span(self, start: int, end: int) -> Span | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def _tense(self, start: int, end: int) -> str | None:
        span = self._span(start, end)
        return clause_tense(span, self.cal.future_words) if span is not None and len(span) else None

    def _ent_labels(self, start: int, end: int) -> set[str]:
        span = self._span(start, end)
        return {t.ent_type_ for t in span if t.ent_type_} if span is not None else set()

    def _month(self, word: str) -> int:
        return self.cal.months[word.rstrip(".").lower()]

    def _year_for(self, month: int, day: int | None, start: int, end: int) -> int | None:
        if self.ref is None:
            return None
        if self.ref.precision == "year":
            return self.ref.day.year
        return choose_year(month, day, self.ref.day, self._tense(start, end), self.future_weight)

    def _full(self, y: int | None, m: int, d: int, start: int, end: int) -> str | None:
        if y is None:
            y = self._year_for(m, d, start, end)
        return _day_value(y, m, d)

    # handlers ---------------------------------------------------------------
    def handle(self, kind: str, mt: re.Match[str]) -> list[str] | None:
        """The ISO values of one pattern match, or None when it is not a date."""
        g = mt.groupdict()
        s, e = mt.span()
        if kind == "iso":
            v = _day_value(int(g["y"]), int(g["m"]), int(g["d"]))
            return [v] if v else None
        if kind == "numeric":
            a, b = int(g["a"]), int(g["b"])
            d, m = (b, a) if g["sep"] == "/" and b > 12 else (a, b)  # day first unless impossible
            if m > 12:
                return None
            v = _day_value(int(g["y"]), m, d)
            return [v] if v else None
        if kind in ("mdy", "dmy"):
            m = self._month(g["m"])
            y = int(g["y"]) if g.get("y") else None
            if g.get("rel") and self.ref is not None:
                y = self.ref.day.year + {"this": 0, "last": -1, "next": 1}[g["rel"].lower()]
            out = [self._full(y, m, _day_number(g["d"]), s, e)]
            if g.get("d2"):
                out.append(self._full(y, m, _day_number(g["d2"]), s, e))
            values = [v for v in out if v]
            return values or None
        if kind == "my":
            return [f"{int(g['y'])}-{self._month(g['m']):02d}"]
        if kind == "month_rel":
            m = self._month(g["m"])
            if self.ref is None:
                return [f"--{m:02d}"]
            y = self.ref.day.year + {"this": 0, "last": -1, "next": 1}[g["rel"].lower()]
            return [f"{y}-{m:02d}"]
        if kind == "rel_month":
            m = self._month(g["m"])
            if self.ref is None:
                return [f"--{m:02d}"]
            ry, rm = self.ref.day.year, self.ref.day.month
            rel = g["rel"].lower()
            if rel == "last":
                y = ry if m < rm else ry - 1
            elif rel == "next":
                y = ry if m > rm else ry + 1
            else:
                y = ry
            return [f"{y}-{m:02d}"]
        if kind == "month":
            return self._bare_month(g, s, e)
        if kind == "year":
            return self._bare_year(g, s, e)
        return self._relative(kind, g, s, e)

    def _bare_month(self, g: dict[str, Any], s: int, e: int) -> list[str] | None:
        word = g["m"]
        prefix = self.text[max(0, s - 30):s]
        labels = self._ent_labels(s, e)
        if labels & _NON_DATE_ENTS:
            return None
        if not (g.get("mod") or self.cal.bare_month_cues.search(prefix) or labels & _DATE_ENTS):
            return None
        if word.rstrip(".").lower() == "may" and not (g.get("mod") or self.cal.bare_month_cues.search(prefix)):
            return None
        m = self._month(word)
        y = self._year_for(m, None, s, e)
        return [f"{y}-{m:02d}" if y is not None else f"--{m:02d}"]

    def _bare_year(self, g: dict[str, Any], s: int, e: int) -> list[str] | None:
        span = self._span(s, e)
        if span is None:
            return None
        labels = {t.ent_type_ for t in span if t.ent_type_}
        prefix = self.text[max(0, s - 30):s]
        if not (g.get("mod") or labels & _DATE_ENTS or self.cal.bare_year_cues.search(prefix)):
            return None
        if labels & (_NON_DATE_ENTS - {"EVENT", "LAW", "WORK_OF_ART", "ORG"}):
            return None
        last = span[-1]
        # "2000 people" is a count: a bare number modifying a plural noun outside any date entity
        if not labels & _DATE_ENTS and last.dep_ == "nummod" and last.head.tag_ in ("NNS", "NNPS"):
            return None
        out = [g["y"]]
        if g.get("y2"):
            y2 = g["y2"] if len(g["y2"]) == 4 else g["y"][:2] + g["y2"]
            if int(y2) > int(g["y"]):
                out.append(y2)
        return out

    def _relative(self, kind: str, g: dict[str, Any], s: int, e: int) -> list[str] | None:
        ref = self.ref
        if ref is None:
            return None
        day = ref.day
        if kind == "rel_day":
            if ref.precision != "day" or self._ent_labels(s, e) & _NON_DATE_ENTS:
                return None
            return [(day + timedelta(days=self.cal.relative_days[g["rel"].lower()])).isoformat()]
        if kind == "rel_unit":
            n = self.cal.relative_shift[re.sub(r"\s+", " ", g["rel"].lower())]
            unit = g["u"].lower()
            if unit == "week":
                return [_iso_week(day + timedelta(weeks=n))] if ref.precision == "day" else None
            if unit == "month":
                if ref.precision == "year":
                    return None
                y, m = _shift_month(day.year, day.month, n)
                return [f"{y}-{m:02d}"]
            return [str(day.year + n)]
        if kind == "ago":
            n_text = g["n"].lower()
            count = 1.0 if n_text in ("a", "an") else parse_number(n_text)
            if count is None or not count.is_integer():
                return None
            k = int(count)
            unit = self.cal.ago_units[g["u"].lower()]
            if unit == "day":
                return [(day - timedelta(days=k)).isoformat()] if ref.precision == "day" else None
            if unit == "week":
                return [_iso_week(day - timedelta(weeks=k))] if ref.precision == "day" else None
            if unit == "month":
                y, m = _shift_month(day.year, day.month, -k)
                return [f"{y}-{m:02d}"] if ref.precision != "year" else None
            return [str(day.year - k)]
        if kind == "weekday":
            if ref.precision != "day" or self._ent_labels(s, e) & _NON_DATE_ENTS:
                return None
            target = self.cal.weekdays[g["wd"].lower()]
            rel = (g.get("rel") or "").lower()
            back = (day.weekday() - target) % 7
            ahead = (target - day.weekday()) % 7
            if rel == "last":
                d = day - timedelta(days=back or 7)
            elif rel == "next":
                d = day + timedelta(days=ahead or 7)
            else:
                tense = self._tense(s, e)
                if tense == "future":
                    d = day + timedelta(days=ahead)
                elif tense == "past" or back <= ahead * self.future_weight:
                    d = day - timedelta(days=back)
                else:
                    d = day + timedelta(days=ahead)
            return [d.isoformat()]
        return None

    def find(self) -> list[DateMention]:
        """All date mentions, left to right, the longest expression winning where two overlap."""
        cands: list[tuple[int, int, int, str, re.Match[str]]] = []
        for rank, (kind, pattern) in enumerate(self.cal.patterns):
            for mt in pattern.finditer(self.text):
                cands.append((-(mt.end() - mt.start()), mt.start(), rank, kind, mt))
        cands.sort(key=lambda c: (c[0], c[1], c[2]))
        out: list[DateMention] = []
        taken: list[tuple[int, int]] = []
        for _, start, _, kind, mt in cands:
            end = mt.end()
            if any(start < te and ts < end for ts, te in taken):
                continue
            values = self.handle(kind, mt)
            if not values:
                continue
            taken.append((start, end))
            text = mt.group()
            if kind == "weekday" and (mt.group("rel") or "").lower() in ("on", "since", "by", "until"):
                start, text = mt.start("wd"), self.text[mt.start("wd"):end]
            out.extend(DateMention(text=text, value=v, start=start, end=end) for v in values)
        out.sort(key=lambda d: d.start)
        return out


def find_dates(doc: Doc, future_weight: float = 4.0) -> list[DateMention]:
    """The resolved date mentions of a parsed Doc (``doc._.cs_published`` is the reference date)."""
    return DateFinder(doc, future_weight).find()


class DatesComponent:
    """Writes ``doc._.cs_dates``: a list of ``asdict(DateMention)``."""

    def __init__(self, future_weight: float) -> None:
        self.future_weight = future_weight
        load_calendar()

    def __call__(self, doc: Doc) -> Doc:
        doc._.cs_dates = [asdict(d) for d in find_dates(doc, self.future_weight)]
        return doc


@Language.factory("cs_dates", default_config={"future_weight": 4.0})
def make_dates(nlp: Language, name: str, future_weight: float) -> DatesComponent:
    """The cs_dates component; ``future_weight`` is how much more a future date costs than a past one."""
    return DatesComponent(future_weight)
