"""Conflicts: statements that cannot all be true as worded.

Counts: the same outcome (killed, injured, detained) of the same people (victims, by group) given as
numbers that cannot both hold ("at least five" and "six" can; "five" and "seven" cannot); background
figures of other events and conditional figures ("may be as high as") are left out; tallies of attackers
in a continuing operation are not compared unless one side says there was only one. Dates: the same
proposition dated on days that do not overlap. Denials: a statement that denies or calls fake what
another asserts. Responsibility: one actor claiming an attack, or held responsible for it, against another
actor held responsible for the same attack (an armed group's claim against a government blaming another
group); a group denying involvement against a statement that pins the attack on it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from claimscope.analysis.lexicon import lexicon
from claimscope.analysis.origins import bare_name, is_vague

if TYPE_CHECKING:
    from claimscope.analysis.board import Board
    from claimscope.analysis.statements import Statement


@dataclass(frozen=True)
class Conflict:
    """Two statements that cannot both hold, and why (with the conflicting words when narrower)."""

    a: str
    b: str
    kind: str  # count | date | denial | title | responsibility
    why: str
    a_text: str | None = None
    b_text: str | None = None


@dataclass(frozen=True)
class Count:
    """One count in a statement: how many of which people, with which outcome."""

    outcome: str
    group: str  # officers | civilians | people | perpetrators
    value: int
    qualifier: str  # exact | min | max | approx


@lru_cache(maxsize=1)
def _res() -> dict[str, re.Pattern[str]]:
    lx = lexicon()
    nums = sorted(lx["number_words"], key=len, reverse=True)
    num = r"(?:\d[\d,]*|" + "|".join(nums) + r")"
    quals = "|".join(re.escape(q) for q in sorted(lx["min_qualifiers"] + lx["max_qualifiers"] + lx["approx_qualifiers"],
                                                 key=len, reverse=True))
    nouns = sorted({n for g in lx["victim_groups"].values() for n in g} | set(lx["perpetrator_nouns"]), key=len,
                   reverse=True)
    noun = "|".join(re.escape(n) for n in nouns)
    outcome_words = sorted({w for ws in lx["outcomes"].values() for w in ws}, key=len, reverse=True)
    return {
        "count": re.compile(rf"\b(?:(?P<q>{quals})\s+)?(?P<n>{num})\s+(?:more\s+|other\s+|of\s+the\s+)?"
                            rf"(?:[\w-]+\s+){{0,2}}?\[?(?P<noun>{noun})\]?\b", re.I),
        "bare": re.compile(rf"\b(?:(?P<q>{quals})\s+)?(?P<n>{num})\s+(?:were\s+|people\s+were\s+)?(?P<o>"
                           rf"{'|'.join(re.escape(w) for w in outcome_words)})\b", re.I),
        "measure": re.compile(rf"\b(?:(?P<q>over|more than|at least)\s+)?(?P<n>{num})[- ]minutes?(?:[- ]long)?\s+"
                              rf"(?:[\w-]+\s+){{0,2}}?(?:{'|'.join(lx['measures']['video'])})\b|\b(?:video|clip|recording|footage)"
                              rf"\s+of\s+(?P<q2>over|more than|at least)?\s*(?P<n2>{num})\s+minutes", re.I),
        "outcome": re.compile(rf"\b({'|'.join(re.escape(w) for w in outcome_words)})\b", re.I),
        "month": re.compile(r"\b(?:(?P<rel>late|early|mid|end of|beginning of)[\s-]+)?(?P<m>January|February|March|April|"
                            r"May|June|July|August|September|October|November|December)(?:\s+(?P<d>\d{1,2})\b)?", re.I),
        "day_month": re.compile(r"\b(?P<d>\d{1,2})\s+(?P<m>January|February|March|April|May|June|July|August|September|"
                                r"October|November|December)\b", re.I),
    }


def _number(text: str) -> int | None:
    words = lexicon()["number_words"]
    low = text.lower().replace(",", "")
    if low.isdigit():
        return int(low)
    return int(words[low]) if low in words else None


def _group_of(noun: str) -> str:
    lx = lexicon()
    low = noun.lower()
    if low in lx["perpetrator_nouns"]:
        return "perpetrators"
    for group, ns in lx["victim_groups"].items():
        if low in ns:
            return group
    return "people"


def _outcome_of(word: str) -> str | None:
    low = word.lower()
    for name, ws in lexicon()["outcomes"].items():
        if low in ws:
            return name
    return None


def _qualifier(q: str | None) -> str:
    if not q:
        return "exact"
    lx = lexicon()
    low = q.lower()
    if low in lx["min_qualifiers"]:
        return "min"
    if low in lx["max_qualifiers"]:
        return "max"
    return "approx"


def counts(text: str) -> list[Count]:
    """Counts of people in a statement, each tied to the outcome word nearest after (or before) it."""
    res = _res()
    outcomes = [(m.start(), _outcome_of(m.group(1))) for m in res["outcome"].finditer(text)]
    outcomes = [(p, o) for p, o in outcomes if o]
    out: list[Count] = []
    for m in res["measure"].finditer(text):
        n = _number(m.group("n") or m.group("n2"))
        if n is not None:
            out.append(Count("duration", "video", n, "min" if (m.group("q") or m.group("q2")) else "exact"))
    if not outcomes:
        return out
    taken: list[tuple[int, int]] = []
    heads = tuple(lexicon()["modifier_heads"])
    for m in res["count"].finditer(text):
        n = _number(m.group("n"))
        if n is None or n > 100000 or _after_month(text, m.start("n")):
            continue
        if text[m.end():].lstrip().lower().startswith(heads):
            continue  # "a national guard base": the noun modifies another
        if m.group("n").lower() in ("a", "an", "one") and _group_of(m.group("noun")) == "perpetrators":
            continue  # "a gunman who killed ...": the agent, not a count of the dead
        after = [o for p, o in outcomes if p >= m.start() and p - m.end() < 60] or \
            [o for p, o in outcomes if p >= m.start() and p - m.end() < 300 and ";" not in text[m.end():p]][:1]
        near = [(p, o) for p, o in outcomes if p < m.start() and m.start() - p < 45]
        gap = text[near[-1][0]:m.start()] if near else ""
        active = bool(near) and not re.search(r"[;.]|, while|\bwhile\b|\bwere\b|\bwas\b", gap)
        outcome = near[-1][1] if active else after[0] if after else (near[-1][1] if near else None)
        if outcome is None and _group_of(m.group("noun")) == "perpetrators" and len({o for _, o in outcomes}) == 1:
            outcome = outcomes[0][1]  # "18 people had died ..., including 12 suspected assailants"
        if outcome:
            out.append(Count(outcome, _group_of(m.group("noun")), n, _qualifier(m.group("q"))))
            taken.append((m.start(), m.end()))
            if m.group("n").lower() in ("a", "an", "one"):
                out[-1] = Count(outcome, out[-1].group, 1, "exact")
    for m in res["bare"].finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        n = _number(m.group("n"))
        o = _outcome_of(m.group("o"))
        if _after_month(text, m.start("n")):
            continue
        if n is not None and o and m.group("n").lower() not in ("a", "an"):
            # "12 [perpetrators] killed and six injured": a bare count beside attackers counts attackers
            group = "perpetrators" if any(c.group == "perpetrators" for c in out) else "people"
            out.append(Count(o, group, n, _qualifier(m.group("q"))))
    # "a visitor" counts only beside other numbers ("three policemen and a member of the public").
    singles = [c for c in out if c.value == 1]
    if singles and all(c.value == 1 for c in out):
        return []
    return out


_MONTH_BEFORE = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|"
                           r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s*$", re.I)


def _after_month(text: str, pos: int) -> bool:
    return bool(_MONTH_BEFORE.search(text[max(0, pos - 12):pos]))


def _groups(cs: list[Count], outcome: str) -> set[str]:
    return {c.group for c in cs if c.outcome == outcome and c.group != "perpetrators"}


def frames(text: str) -> list[str]:
    """What a statement counts, as comparison tokens: "#killed:victims", "#detained:perpetrators"."""
    low = f" {text.lower()}"
    if any(m in low for m in lexicon()["partial_markers"]):
        return []
    return sorted({f"#{c.outcome}:{'perpetrators' if c.group == 'perpetrators' else 'victims'}" for c in counts(text)})


def _totals(cs: list[Count], outcome: str) -> tuple[int, str] | None:
    victims = [c for c in cs if c.outcome == outcome and c.group != "perpetrators"]
    if not victims or any(c.outcome == outcome and c.group == "perpetrators" and c.value > 1 for c in cs):
        return None
    quals = {c.qualifier for c in victims}
    return sum(c.value for c in victims), ("min" if "min" in quals else "approx" if "approx" in quals else
                                           "max" if "max" in quals else "exact")


def _compatible(a: tuple[int, str], b: tuple[int, str]) -> bool:
    (va, qa), (vb, qb) = a, b
    if "approx" in (qa, qb):
        return abs(va - vb) <= max(1, 0.2 * max(va, vb))
    if qa == "min" and qb == "min":
        return True
    if qa == "min":
        return vb >= va if qb != "max" else vb >= va
    if qb == "min":
        return va >= vb
    if qa == "max" or qb == "max":
        return True
    return va == vb


def _skip(st: Statement) -> bool:
    low = st.content.lower()
    lx = lexicon()
    content = f" {st.content.lower()}"
    if any(m in st.sentence.lower() for m in lx["superseded_markers"]):
        return True  # a figure the page itself says was superseded
    return (any(m in low for m in lx["background_markers"]) or any(m in content for m in lx["conditional_markers"])
            or any(m in content for m in lx["partial_markers"]))


def _count_conflict(a: Statement, b: Statement, perpetrators: int = 0, later: int = 0) -> str | None:
    """Why two statements' counts cannot both hold, or None.

    ``perpetrators``: attackers the two pages report killed; a total of "people" killed may include them
    ("at least 10 killed" beside "six killed" on a page that also reports four attackers dead). ``later``:
    1 when b's page was published after a's, -1 when before, 0 when unknown; a larger toll published
    later is the toll of a continuing event rising, not a rival figure.
    """
    if _skip(a) or _skip(b):
        return None
    ca, cb = counts(a.content), counts(b.content)
    one_a, one_b = _only_one(a), _only_one(b)
    if one_a != one_b:
        other = cb if one_a else ca
        det = [c for c in other if c.outcome == "detained" and c.value > 1]
        if det:
            return f"detained: only one against {det[0].value}"
    if not ca or not cb:
        return None
    for outcome in ("killed", "injured"):
        if outcome == "injured" and any(c.outcome == "duration" for c in ca + cb):
            break
        ta, tb = _totals(ca, outcome), _totals(cb, outcome)
        ga_, gb_ = _groups(ca, outcome), _groups(cb, outcome)
        comparable = ga_ == gb_ or "people" in ga_ or "people" in gb_
        if ta and tb and comparable and {frozenset(ga_), frozenset(gb_)} & {frozenset({"people"})} and \
                min(len(ga_), len(gb_)) == 1 and max(len(ga_), len(gb_)) == 1 and ga_ != gb_:
            # one specific group beside a total: a part, not a rival figure, unless it is larger
            part, whole = (ta, tb) if "people" in gb_ else (tb, ta)
            comparable = part[0] > whole[0] and whole[1] == "exact"
        if ta and tb and comparable and not _compatible(ta, tb):
            if outcome == "killed" and perpetrators and _with_perpetrators(ta, tb, ga_, gb_, perpetrators):
                continue
            if _rising(ta[0], tb[0], later):
                continue
            return f"{outcome}: {_say(ta)} against {_say(tb)}"
        ga = {c.group: c for c in ca if c.outcome == outcome and c.group in ("officers", "civilians", "servicemen")}
        gb = {c.group: c for c in cb if c.outcome == outcome and c.group in ("officers", "civilians", "servicemen")}
        for g in ga.keys() & gb.keys():
            x, y = ga[g], gb[g]
            if not _compatible((x.value, x.qualifier), (y.value, y.qualifier)) and not _rising(x.value, y.value, later):
                return f"{g} {outcome}: {_say((x.value, x.qualifier))} against {_say((y.value, y.qualifier))}"
    da = [c for c in ca if c.outcome == "duration"]
    db = [c for c in cb if c.outcome == "duration"]
    if da and db and not _compatible((da[0].value, da[0].qualifier), (db[0].value, db[0].qualifier)):
        return f"video length: {_say((da[0].value, da[0].qualifier))} minutes against {db[0].value}"
    return None


def _rising(a: int, b: int, later: int) -> bool:
    """True when the page published later gives the larger figure (a toll rising as the wounded die)."""
    return (later > 0 and b > a) or (later < 0 and a > b)


def _with_perpetrators(ta: tuple[int, str], tb: tuple[int, str], ga: set[str], gb: set[str], perpetrators: int) -> bool:
    """True when the larger total, of "people" in general, holds once the attackers killed are added to the other."""
    (small, small_groups), (large, large_groups) = sorted(((ta, ga), (tb, gb)), key=lambda x: x[0][0])
    if large_groups != {"people"} or perpetrators >= large[0]:
        return False  # (a total smaller than the attackers killed does not count them)
    return _compatible((small[0] + perpetrators, small[1]), large)


def _perpetrators_killed(board: Board, doc_id: str) -> int:
    """The most attackers one statement of the page reports killed."""
    best = 0
    for sid in board.by_doc.get(doc_id, []):
        if _skip(board.statements[sid]):
            continue  # background (another attack, last month) and superseded figures
        for c in counts(board.statements[sid].content):
            if c.outcome == "killed" and c.group == "perpetrators":
                best = max(best, c.value)
    return best


def _only_one(st: Statement) -> bool:
    low = st.content.lower()
    return any(m in low for m in lexicon()["exact_one"]) and bool(
        re.search(r"detain|captur|arrest|caught", low))


def _say(t: tuple[int, str]) -> str:
    v, q = t
    return {"min": f"at least {v}", "max": f"up to {v}", "approx": f"about {v}"}.get(q, str(v))


_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]


def day_ranges(text: str) -> list[tuple[int, int]]:
    """Days of the year (month*40+day ranges) that explicit dates in the text cover: "late April", "May 6"."""
    out = []
    res = _res()
    for m in res["month"].finditer(text):
        if m.group("m").lower() == "may" and not (m.group("d") or m.group("rel")) and not m.group("m")[0].isupper():
            continue
        if m.group("m") == "May" and not (m.group("d") or m.group("rel")):
            continue  # "May" alone is too often the verb
        month = _MONTHS.index(m.group("m").lower()) + 1
        if m.group("d"):
            d = int(m.group("d"))
            out.append((month * 40 + d, month * 40 + d))
        elif m.group("rel"):
            rel = m.group("rel").lower()
            lo, hi = {"late": (20, 31), "end of": (24, 31), "early": (1, 10), "beginning of": (1, 7)}.get(rel, (10, 20))
            out.append((month * 40 + lo, month * 40 + hi))
    for m in res["day_month"].finditer(text):
        month = _MONTHS.index(m.group("m").lower()) + 1
        d = int(m.group("d"))
        out.append((month * 40 + d, month * 40 + d))
    return out


_AFTER = re.compile(r"\bafter\s+(?:a|an|the)?\s*(?:\w+\s+){0,2}?(?:January|February|March|April|May|June|July|August|"
                    r"September|October|November|December)\b")


def _event(st: Statement) -> str | None:
    """The event a dated statement dates: its class ("attack": stormed = raid) or, for classes whose words are
    steps of their own ("departure": disappeared, left), the word as written."""
    lx = lexicon()
    for name, ws in lx["event_classes"].items():
        for w in ws:
            if re.search(rf"\b{w}\b", st.content, re.I):
                return w if name in lx["event_steps"] else name
    return None


# "the ministry said on June 6 that ...": the day of the saying, not of the event
_DAY = (r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}"
        r"|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December))\b")
_SAID_ON = r"\b(?:said|says|announced|reported|stated|confirmed|added|told\s+\w+)\s+(?:late\s+)?(?:on\s+)?"
_SPEECH_DATE = re.compile(_SAID_ON + _DAY + r"|^" + _DAY + r",?\s+that\b")
_SPEECH_WEEKDAY = re.compile(_SAID_ON + r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\b")


def _days(st: Statement) -> list[tuple[int, int]]:
    """The days a statement dates its event to: dates written out ("May 6", "late April"), else the one full
    date its words resolve to against the publication date ("on Thursday" -> 2015-07-16)."""
    written = day_ranges(st.content)
    if written:
        unsaid = _SPEECH_DATE.sub(" ", st.content)
        return written if unsaid == st.content else day_ranges(unsaid)
    if _SPEECH_WEEKDAY.search(st.content):
        return []  # "said on Tuesday that ...": the one date it resolves is the saying's
    full = {d for d in st.dates if re.fullmatch(r"\d{4}-\d\d-\d\d", d)}
    if len(full) != 1:
        return []
    _, month, day = (int(x) for x in next(iter(full)).split("-"))
    return [(month * 40 + day, month * 40 + day)]


def _date_conflict(a: Statement, b: Statement, ra: list[tuple[int, int]], rb: list[tuple[int, int]]) -> str | None:
    """Why two statements date one event on days that cannot both hold (their days from ``_days``), or None."""
    if not ra or not rb or len(ra) > 1 or len(rb) > 1:
        return None
    (a0, a1), (b0, b1) = ra[0], rb[0]
    after_a, after_b = bool(_AFTER.search(a.content)), bool(_AFTER.search(b.content))
    # "after May 6": on that day or later
    a1 = 10_000 if after_a else a1
    b1 = 10_000 if after_b else b1
    # "late April" and "May 1" are a day apart, not a contradiction; two single days are ("July 17" and Thursday 16)
    tolerance = 0 if a0 == a1 and b0 == b1 else 2
    disjoint = a1 + tolerance < b0 or b1 + tolerance < a0
    if not disjoint:
        return None
    if _event(a) != _event(b) and not (after_a or after_b):
        return None  # different events on different days ("disappeared April 23", "left May 1") can both hold
    return "dated differently: " + f"{_fmt(ra[0])}{' or later' if after_a else ''} against {_fmt(rb[0])}" + (
        " or later" if after_b else "")


def _fmt(r: tuple[int, int]) -> str:
    m, d0, d1 = r[0] // 40, r[0] % 40, r[1] % 40
    name = _MONTHS[m - 1].title()
    return f"{name} {d0}" if d0 == d1 else f"{name} {d0}-{d1}"


_DENY = re.compile(r"\b(?:denied|denies|deny|rejected|rejects|dismissed|dismisses|refuted)\s+(?:any|all|that|the|"
                   r"reports|claims|suggestions|allegations|involvement|responsibility)\b|\b(?:fake|baseless|untrue|"
                   r"groundless|fabricated|disinformation)\b|\bnot\s+(?:been\s+)?confirmed\b", re.I)


_DENIED_OBJECT = re.compile(r"(?:any|all|that|the|reports?|claims?|suggestions?|allegations?|involvement|"
                            r"responsibility|information)\b", re.I)


def is_denial(st: Statement) -> bool:
    """True when the statement denies, rejects or calls false what others state."""
    return _denies(st.sentence, st.cue, st.content)


@lru_cache(maxsize=65536)
def _denies(sentence: str, cue: str, content: str) -> bool:
    if re.search(r"\bneither\s+(?:denied|confirmed)", sentence, re.I):
        return False
    cue_denies = re.search(r"\b(?:denied|denies|deny|rejected|rejects|dismissed|not confirmed)\b", cue.lower())
    return bool(cue_denies and _DENIED_OBJECT.match(content)) or bool(_DENY.search(content))


def _linked_docs(board: Board) -> set[tuple[str, str]]:
    """Pairs of documents that share propositions: reports of one event (the blocking for conflicts)."""
    shared: Counter[tuple[str, str]] = Counter()
    props_of: Counter[str] = Counter()  # shared propositions each page takes part in
    for prop in board.props.values():
        docs = sorted({board.statements[m].doc_id for m in prop.members})
        if len(docs) > MAX_EVENT_DOCS or len(docs) < 2:
            continue  # a statement carried by very many pages (boilerplate, background) does not define an event
        props_of.update(docs)
        for i, a in enumerate(docs):
            for b in docs[i + 1:]:
                shared[(a, b)] += 1
    # One shared statement links two short pages; longer pages must share two (one may be background).
    return {(a, b) for (a, b), n in shared.items() if n >= MIN_SHARED or 2 * n >= min(props_of[a], props_of[b])}


MAX_EVENT_DOCS = 40
MIN_SHARED = 2

_TITLE = re.compile(r"\b(?:(?P<p1>Interior|Internal Affairs|Defen[cs]e|Foreign|Justice|Emergency Situations|Health|Finance)"
                    r"\s+Minister|Minister\s+of\s+(?:the\s+)?(?P<p2>Interior|Internal Affairs|Defen[cs]e|Foreign Affairs|"
                    r"Foreign|Justice|Emergency Situations|Health|Finance))\s+(?P<name>(?:[A-Z][\w'-]+\s+){0,2}[A-Z][\w'-]+)")


def _portfolio_of(word: str) -> str:
    low = word.lower()
    for name, ws in lexicon()["portfolios"].items():
        if low in ws:
            return name
    return low


def _title_conflicts(board: Board, add: Any) -> None:
    seen: dict[str, list[tuple[str, str, str]]] = {}
    done: set[tuple[str, int]] = set()
    for sid, st in board.statements.items():
        key = (st.doc_id, hash(st.sentence))
        if key in done:
            continue
        done.add(key)
        for m in _TITLE.finditer(st.sentence):
            person = board.resolver.person(m.group("name").split()[-1].lower())
            port = _portfolio_of(m.group("p1") or m.group("p2"))
            for other_sid, other_port, other_text in seen.get(person, []):
                if other_port != port and board.statements[other_sid].doc_id != st.doc_id:
                    add(other_sid, sid, "title", f"{m.group('name')} called {other_port} and {port} minister",
                        other_text, m.group(0))
            seen.setdefault(person, []).append((sid, port, m.group(0)))


_ANAPHORIC_OBJECT = re.compile(r"(?:the|this|that|these|those|such)\s+(?:claims?|reports?|allegations?|accusations?|"
                               r"suggestions?|statements?|assertions?)\b(?!\s+(?:that|of|by)\b)", re.I)


def _denied_before(board: Board, st: Statement) -> str | None:
    """The statement a denial of "the claim" refers to: the last one its page makes before the denial's sentence."""
    earlier = [board.statements[x] for x in board.by_doc.get(st.doc_id, [])]
    earlier = [x for x in earlier if x.end <= st.start and x.sentence != st.sentence and not is_denial(x)]
    return max(earlier, key=lambda x: x.end).id if earlier else None


# a name: capitalised words, hyphens inside words only (no separator a hyphen could also match: no backtracking)
_NAME = r"(?:the\s+)?(?P<x>[A-Z][\w'\u2019-]*(?:\s+(?:al-|el-|of\s+|the\s+)?[A-Z][\w'\u2019-]*){0,5})"
_BLAMED = [
    # "organised from abroad by the Ansar al-Fajr movement", "carried out by members of IS"
    re.compile(r"\b(?:organi[sz]ed|carried out|staged|masterminded|perpetrated|committed)\s+"
               r"(?:\w+\s+){0,2}?by\s+(?:members\s+of\s+|militants\s+(?:of|from)\s+)?" + _NAME),
    re.compile(_NAME + r"\s+(?:group\s+|movement\s+|militants\s+)?(?:was|were|is|are)\s+(?:\w+\s+)?behind\b"),
    re.compile(r"\bblam(?:ed|es|ing)\s+" + _NAME + r"\s+(?:group\s+|movement\s+|militants\s+)?for\b"),
]
# what the speaker itself claims: "claimed responsibility for", "said it carried out the bombing"
_SELF_CLAIM = re.compile(r"^(?:full\s+)?responsibility\b|^(?:it|they)\s+(?:had\s+)?(?:carried out|was behind|were behind|"
                         r"staged|conducted|committed)\b", re.I)
_CLAIM_CUES = re.compile(r"\b(?:claim(?:ed|s|ing)?|said|says|announced|accepted|admitted|took)\b", re.I)
_GENERIC_TAIL = re.compile(r"(?:\s+(?:group|movement|organi[sz]ation|militants|network|fighters))+$", re.I)
_NOT_AN_ACTOR = re.compile(r"(?:President|Prime|Minister|Mr|Mrs|Ms|Dr|General|Colonel|Monday|Tuesday|Wednesday|Thursday|"
                           r"Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|"
                           r"October|November|December|Police|Authorities|Officials)\b")


def _actor(name: str) -> str:
    """One spelling of an actor's name for comparing who is held responsible ("the Ansar al-Fajr movement")."""
    return _GENERIC_TAIL.sub("", bare_name(name)).casefold()


def _held(st: Statement) -> str | None:
    """The name, as written, of the actor a statement holds responsible for an attack: a named claimant (its
    speaker) or the actor it blames."""
    if _SELF_CLAIM.match(st.content):
        name = bare_name(st.speaker)
        # only a named claimant claims for itself ("The group", "officials", "they" name no one)
        if (st.cue and _CLAIM_CUES.search(st.cue) and not st.own_voice and _GENERIC_TAIL.sub("", name)[:1].isupper()
                and not is_vague(name) and not _NOT_AN_ACTOR.match(name)):
            return name
        return None
    if not _attack_word(st.content):
        return None
    for pattern in _BLAMED:
        m = pattern.search(st.content)
        if m and not _NOT_AN_ACTOR.match(m.group("x")):
            return m.group("x")
    return None


def _attack_word(text: str) -> bool:
    return bool(_attack_words().search(text))


@lru_cache(maxsize=1)
def _attack_words() -> re.Pattern[str]:
    words = lexicon()["event_classes"]["attack"]
    return re.compile(r"\b(?:attacks?|" + "|".join(map(re.escape, words)) + r")\b", re.I)


def _same_actor(a: str, b: str) -> bool:
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


def _denier_stem(speaker: str) -> str | None:
    """The stem of the name of who denies ("Ukraine" -> "ukrai"): what the denied statement must be about."""
    names = re.findall(r"[A-Z][a-z\u00e0-\u024f]{3,}", speaker)
    return names[0][:5].lower() if names else None


def _later(board: Board, a: str, b: str) -> int:
    """1 when page b was published on a later day than page a, -1 when earlier, 0 when not known or the same."""
    pa, pb = (board.docs[a].published or "")[:10], (board.docs[b].published or "")[:10]
    if len(pa) < 10 or len(pb) < 10 or pa == pb:
        return 0
    return 1 if pb > pa else -1


def _responsibility_conflicts(board: Board, sids: list[str], neighbours: dict[str, set[str]], add: Any) -> None:
    """Different actors claimed by or blamed for one event; a group denying what another page pins on it."""
    # per page: (statement, actor held responsible as compared, as written)
    by_doc: dict[str, list[tuple[str, str, str]]] = {}
    for sid in sids:
        held = _held(board.statements[sid])
        if held is not None:
            by_doc.setdefault(board.statements[sid].doc_id, []).append((sid, _actor(held), held))

    def nearby(doc: str) -> list[tuple[str, str, str]]:
        """Statements holding someone responsible on this page and the pages reporting the same event."""
        return [x for d in (doc, *neighbours.get(doc, ())) for x in by_doc.get(d, [])]

    pairs_done: set[tuple[str, str, str, str]] = set()
    for da, held_here in by_doc.items():
        for a, ra, name_a in held_here:
            for b, rb, name_b in nearby(da):
                db = board.statements[b].doc_id
                if b <= a or _same_actor(ra, rb):
                    continue
                key = (min(da, db), max(da, db), min(ra, rb), max(ra, rb))
                if key not in pairs_done:  # one conflict per two pages and two actors
                    pairs_done.add(key)
                    add(a, b, "responsibility", f"held responsible: {name_a} against {name_b}")
    for a in sids:
        sa = board.statements[a]
        if not is_denial(sa) or sa.own_voice:
            continue
        denier = _actor(sa.speaker)
        for b, rb, _ in nearby(sa.doc_id):
            sb = board.statements[b]
            if b != a and _same_actor(denier, rb) and not _SELF_CLAIM.match(sb.content):
                add(a, b, "denial", f"{sa.speaker} denies what {sb.speaker} pins on it")
                break


def _most_specific(found: list[Conflict], board: Board) -> list[Conflict]:
    """One count conflict per pair of documents and outcome: the pair of statements that says most."""
    best: dict[tuple[str, str, str], tuple[int, Conflict]] = {}  # (docs, what and the two figures)
    out: list[Conflict] = []
    for c in found:
        if c.kind != "count":
            out.append(c)
            continue
        da, db = board.statements[c.a].doc_id, board.statements[c.b].doc_id
        what, _, values = c.why.partition(": ")
        key = (min(da, db), max(da, db), what + ":" + "|".join(sorted(values.split(" against "))))
        score = len(counts(board.statements[c.a].content)) + len(counts(board.statements[c.b].content))
        if key not in best or score > best[key][0]:
            best[key] = (score, c)
    return out + [c for _, c in best.values()]


def find_conflicts(board: Board, *, min_similarity: float = 0.12) -> list[Conflict]:
    """Every conflict on the board; counts and dates compared only between reports of one event."""
    found: list[Conflict] = []
    seen: set[tuple[str, str]] = set()
    sids = list(board.statements)
    counted = [s for s in sids if counts(board.statements[s].content) or _only_one(board.statements[s])]
    days = {s: d for s in sids if (d := _days(board.statements[s]))}  # read once, compared pairwise below
    dated = list(days)
    if board.one_event and len(board.docs) <= MAX_EVENT_DOCS:
        pages = sorted(board.docs)
        linked = {(a, b) for i, a in enumerate(pages) for b in pages[i + 1:]}
    else:
        linked = _linked_docs(board)

    def same_event(a: Statement, b: Statement) -> bool:
        return a.doc_id == b.doc_id or (min(a.doc_id, b.doc_id), max(a.doc_id, b.doc_id)) in linked

    def add(a: str, b: str, kind: str, why: str, a_text: str | None = None, b_text: str | None = None) -> None:
        key = (min(a, b), max(a, b))
        if key not in seen:
            seen.add(key)
            found.append(Conflict(a, b, kind, why, a_text, b_text))

    classes = lexicon()["event_classes"]

    def event_classes(st: Statement) -> set[str]:
        low = f" {st.content.lower()} "
        return {name for name, ws in classes.items() if any(f" {w} " in low for w in ws)}

    by_doc: dict[str, dict[str, list[str]]] = {"count": {}, "date": {}}
    for kind, group in (("count", counted), ("date", dated)):
        for sid in group:
            by_doc[kind].setdefault(board.statements[sid].doc_id, []).append(sid)
    neighbours: dict[str, set[str]] = {}
    for da, db in linked:
        neighbours.setdefault(da, set()).add(db)
        neighbours.setdefault(db, set()).add(da)
    perpetrators = {d: _perpetrators_killed(board, d) for d in by_doc["count"]}
    for kind in ("count", "date"):
        docs = by_doc[kind]
        for doc_a, sids_a in docs.items():
            others = [d for d in neighbours.get(doc_a, ()) if d > doc_a and d in docs] + [doc_a]
            for doc_b in others:
                for a in sids_a:
                    sa = board.statements[a]
                    for b in docs[doc_b]:
                        if doc_b == doc_a and b <= a:
                            continue
                        sb = board.statements[b]
                        if sa.doc_id == sb.doc_id and (kind == "count" or sa.speaker == sb.speaker):
                            continue
                        if kind == "date":
                            same = board.prop_of.get(a) == board.prop_of.get(b)
                            if not (same or event_classes(sa) & event_classes(sb)):
                                continue
                        why = (_count_conflict(sa, sb, max(perpetrators[doc_a], perpetrators[doc_b]),
                                               _later(board, doc_a, doc_b)) if kind == "count"
                               else _date_conflict(sa, sb, days[a], days[b]))
                        if why:
                            add(a, b, kind, why)
    _title_conflicts(board, add)
    _responsibility_conflicts(board, sids, neighbours, add)
    for a in sids:
        sa = board.statements[a]
        if not is_denial(sa):
            continue
        best, score = None, 0.0
        origin_a = board.origin(a)[0]
        before = _denied_before(board, sa) if _ANAPHORIC_OBJECT.match(sa.content) else None
        if before is not None and board.origin(before)[0] != origin_a:
            # "X rejected the claim": the claim is what the page reported just before
            add(a, before, "denial", f"{sa.speaker} denies what {board.statements[before].speaker} states")
            continue
        stem = _denier_stem(sa.speaker)
        near = [sa.doc_id, *neighbours.get(sa.doc_id, ())]
        for b in (x for d in near for x in board.by_doc.get(d, [])):
            sb = board.statements[b]
            if b == a or is_denial(sb) or sb.status == "negated":
                continue
            if re.search(r"\bnot\b|\bno\b", sb.content.lower()) or board.origin(b)[0] == origin_a:
                continue
            if stem and stem not in sb.sentence.lower():
                continue
            s = board.similarity(sa, sb)
            if s > score:
                best, score = b, s
        if best and score >= min_similarity:
            add(a, best, "denial", f"{sa.speaker} denies what {board.statements[best].speaker} states")
    return _most_specific(found, board)
