"""cs_amounts: sums of money and counts of people or things, with value, unit and qualifier.

- Money: a number with a currency sign, code or word ("$70 million", "500,000 roubles", "KZT 3bn"); the
  unit is the ISO 4217 code (nlp/data/amounts/currencies.tsv).
- Counts greater than one, found from the dependency parse: the number modifies a noun ("six gunmen",
  "4,000 men and women", "seven assault rifles"), or is a partitive ("five of the suspects"), or stands
  for an elided noun ("... and four are Kyrgyz citizens", "four remained in custody"), which then takes
  the unit of the nearest earlier count in the sentence or the one before, or "people" when its verb is
  one people undergo ("five were killed"; nlp/data/amounts/people_verbs.txt).
  The unit is "people" for any noun that denotes persons (a lexicon, agent-noun suffix rules and spaCy's
  NORP demonyms: "two Tajiks"); otherwise the counted noun as written ("rifles").
- Not amounts: durations and ages ("three years", "five-minute video", "aged 30"), identifiers
  ("Article 332"), ordinals, percentages, measures ("100 km"), times of day, years and other parts of a
  date, and vague words ("hundreds", "dozens", "several thousand").
- Qualifier: exact, or approx / max / min from the words around the number (qualifiers.tsv).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimscope.config import data_path
from claimscope.model import Amount
from claimscope.nlp import extensions  # noqa: F401  (declares the Doc extensions)
from claimscope.nlp.components.dates import find_dates
from claimscope.nlp.numbers import number_words, parse_number

_SKIP_ENTS = {"DATE", "TIME", "PERCENT", "ORDINAL", "QUANTITY", "MONEY"}
_ELLIPSIS_DEPS = {"nsubj", "nsubjpass", "dobj", "conj", "ROOT"}
_RATIO = re.compile(r"\b(?:one|1|\d+)\s+(?:in|out of|of every)\s+$", re.IGNORECASE)
_RANGE_GAP = re.compile(r"\s*(?:and|to|or|-|–)\s*")
_YEAR_LIKE = re.compile(r"(?:1[89]|20)\d\d")
_MODIFIER_POS = {"ADJ", "PROPN", "NOUN", "VERB", "PUNCT", "ADV", "NUM", "CCONJ"}


def _lines(*parts: str) -> list[str]:
    text = data_path("amounts", *parts).read_text("utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class Lexicon:
    """Word lists and patterns for amounts, read once from nlp/data/amounts/."""

    money_before: re.Pattern[str]
    money_after: re.Pattern[str]
    currency_codes: dict[str, str]
    currency_surfaces: dict[str, str]
    qualifier_before: re.Pattern[str]
    qualifier_after: re.Pattern[str]
    qualifiers: dict[str, str]
    person_nouns: frozenset[str]
    person_suffixes: tuple[str, ...]
    person_min_length: int
    person_compound: re.Pattern[str]
    not_persons: frozenset[str]
    person_labels: frozenset[str]
    anaphoric_nouns: frozenset[str]
    not_counted: frozenset[str]
    not_after: frozenset[str]
    people_verbs: frozenset[str]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the amounts data files and compile the money and qualifier patterns."""
    import json

    before: dict[str, str] = {}
    after: dict[str, str] = {}
    for line in _lines("currencies.tsv"):
        surface, code, where = line.split("\t")
        if where in ("before", "both"):
            before[surface] = code
        if where in ("after", "both"):
            after[surface] = code
    num = number_words().pattern.pattern
    money_before = re.compile(rf"(?<![\w$])(?P<cur>{_alt(list(before))})\s?(?P<num>{num})", re.IGNORECASE)
    money_after = re.compile(rf"(?P<num>{num})\s+(?P<cur>{_alt(list(after))})(?![\w])", re.IGNORECASE)
    quals_before: dict[str, str] = {}
    quals_after: dict[str, str] = {}
    for line in _lines("qualifiers.tsv"):
        cols = line.split("\t")
        (quals_after if len(cols) > 2 and cols[2] == "after" else quals_before)[cols[0].lower()] = cols[1]
    rules = json.loads(data_path("amounts", "person_rules.json").read_text("utf-8"))
    codes = {k.lower(): v for k, v in {**before, **after}.items()}
    persons = [w.lower() for w in _lines("person_nouns.txt")]
    compound = [w for w in persons if len(w) >= int(rules["compound_min_length"]) and w.isalpha()]
    return Lexicon(
        money_before=money_before,
        money_after=money_after,
        currency_codes=codes,
        currency_surfaces={k.lower(): k for k in {**before, **after}},
        qualifier_before=re.compile(rf"(?:^|[^\w])(?P<q>{_alt(list(quals_before))})\s+$", re.IGNORECASE),
        qualifier_after=re.compile(rf"^\s*(?P<q>{_alt(list(quals_after))})(?![\w])", re.IGNORECASE),
        qualifiers={**quals_before, **quals_after},
        person_nouns=frozenset(persons + [w.lower() for w in _lines("demonyms.txt")]),
        person_suffixes=tuple(rules["suffixes"]),
        person_min_length=int(rules["min_length"]),
        person_compound=re.compile(rf"\w+(?:{_alt(compound)})"),
        not_persons=frozenset(rules["not_persons"]),
        person_labels=frozenset(rules["demonym_entity_labels"]),
        anaphoric_nouns=frozenset(rules["anaphoric_nouns"]),
        not_counted=frozenset(w.lower() for w in _lines("not_counted.txt")),
        not_after=frozenset(w.lower() for w in _lines("not_after.txt")),
        people_verbs=frozenset(w.lower() for w in _lines("people_verbs.txt")),
    )


def _singulars(word: str) -> set[str]:
    """Candidate singulars of an English plural (proper-noun plurals are not lemmatised by spaCy)."""
    out = {word}
    if word.endswith("ies"):
        out.add(word[:-3] + "y")
    if word.endswith("es"):
        out.add(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        out.add(word[:-1])
    if word.endswith("men"):
        out.add(word[:-3] + "man")
    return out


def is_person_noun(token: Token, lex: Lexicon | None = None) -> bool:
    """True when a noun denotes persons: lexicon, demonym entity, or an agent-noun suffix."""
    lex = lex or load_lexicon()
    forms = _singulars(token.lower_) | {token.lemma_.lower()}
    if forms & lex.person_nouns:
        return True
    if token.ent_type_ in lex.person_labels:
        return True
    if forms & lex.not_persons:
        return False
    if any(lex.person_compound.fullmatch(f) for f in forms):
        return True  # "speechwriters", "peacekeepers"
    return any(len(f) >= lex.person_min_length and f.endswith(lex.person_suffixes) for f in forms)


class AmountFinder:
    """Finds the amounts of one parsed Doc."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lex
        self.found: list[tuple[Amount, int]] = []  # amount and the index of its sentence start token
        self.busy: list[tuple[int, int]] = []

    def _overlaps(self, s: int, e: int) -> bool:
        return any(s < be and bs < e for bs, be in self.busy)

    def _qualifier(self, s: int, e: int) -> tuple[str, int, int]:
        """(qualifier, new start, new end) from the words around the characters s..e."""
        qual, start, end = "exact", s, e
        m = self.lex.qualifier_before.search(self.text[max(0, s - 30):s])
        if m:
            qual, start = self.lex.qualifiers[m.group("q").lower()], max(0, s - 30) + m.start("q")
        m2 = self.lex.qualifier_after.match(self.text[e:e + 20])
        if m2 and qual == "exact":
            qual, end = self.lex.qualifiers[m2.group("q").lower()], e + m2.end()
        return qual, start, end

    def _add(self, s: int, e: int, value: float, unit: str, num_start: int, num_end: int) -> None:
        qual, qs, _ = self._qualifier(num_start, num_end)
        s = min(s, qs)
        span = self.doc.char_span(num_start, num_end, alignment_mode="expand")
        sent = span[0].sent.start if span is not None and self.doc.has_annotation("SENT_START") else 0
        self.found.append((Amount(self.text[s:e], value, unit, qual, s, e), sent))
        self.busy.append((num_start, num_end))

    # money ------------------------------------------------------------------------
    def money(self) -> None:
        """Numbers with a currency sign, code or word."""
        for pattern in (self.lex.money_before, self.lex.money_after):
            for m in pattern.finditer(self.text):
                if self._overlaps(m.start(), m.end()):
                    continue
                value = parse_number(m.group("num"))
                code = self.lex.currency_codes.get(m.group("cur").lower())
                if value is None or value <= 0 or code is None:
                    continue
                cur = m.group("cur")
                surface = self.lex.currency_surfaces[cur.lower()]
                if surface.isupper() and cur != surface:
                    continue  # codes count as written ("USD"); "usd" or "Rub" are not codes
                self._add(m.start(), m.end(), value, code, m.start(), m.end())

    # counts -----------------------------------------------------------------------
    def _noun_after(self, root: Token, span: Span) -> Token | None:
        """The noun the number counts, from the parse or, failing that, the next plural noun."""
        head = root.head
        if (root.dep_ in ("nummod", "amod", "quantmod", "compound", "nmod", "npadvmod")
                and head.i >= span.end and head.pos_ in ("NOUN", "PROPN") and head.i - span.end <= 4
                and all(t.pos_ in _MODIFIER_POS for t in self.doc[span.end:head.i])):
            while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN"):
                head = head.head  # "three president debates": the count is of debates
            return head
        for tok in self.doc[span.end:min(span.end + 4, len(self.doc))]:
            if tok.pos_ in ("NOUN", "PROPN") and tok.tag_ in ("NNS", "NNPS"):
                return tok
            if tok.pos_ not in ("ADJ", "PROPN", "NOUN") and tok.tag_ != "VBN":
                break
        return None

    def _partitive(self, root: Token) -> Token | None:
        """"five of the suspects" -> suspects."""
        for child in root.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN") and obj.tag_ in ("NNS", "NNPS"):
                        return obj
        return None

    def _unit(self, noun: Token) -> str | None:
        forms = {noun.lower_, noun.lemma_.lower()}
        if forms & self.lex.not_counted or noun.ent_type_ in ("DATE", "TIME"):
            return None
        if is_person_noun(noun, self.lex):
            return "people"
        if noun.tag_ not in ("NNS", "NNPS"):
            return None  # "2000 election": a singular noun after a number is not a count of it
        return noun.lower_

    def _people_word(self, tok: Token | None) -> bool:
        """True for a verb or adjective people undergo ("killed", "Kills", "injured", "dead")."""
        if tok is None or not tok.is_alpha:
            return False
        low = tok.lower_
        forms = {low, tok.lemma_.lower(), low[:-1], low[:-2], low[:-3] + "y" if low.endswith("ied") else low}
        return bool(forms & self.lex.people_verbs)

    def _elided_unit(self, root: Token) -> str | None:
        if not self.doc.has_annotation("SENT_START"):
            return None
        prev_sent = root.sent.start
        if prev_sent > 0:
            prev_sent = self.doc[prev_sent - 1].sent.start
        money = set(self.lex.currency_codes.values())
        for amount, sent in reversed(self.found):
            if amount.start < root.idx and sent >= prev_sent and amount.unit not in money:
                return amount.unit
        verb = root.head
        for _ in range(2):
            if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in self.lex.people_verbs:
                return "people"
            verb = verb.head
        return None

    def counts(self) -> None:
        """Counts of people and things (numbers not already taken as money or dates)."""
        pending: tuple[int, int, float] | None = None  # a number without a unit, maybe the start of a range
        for m in number_words().pattern.finditer(self.text):
            s, e = m.span()
            if self._overlaps(s, e):
                continue
            raw = m.group()
            if re.search(r"\d[a-zA-Z]+$", raw):
                continue  # "100m" may be metres or millions: only a currency sign decides
            value = parse_number(raw)
            if value is None or value <= 1 or not float(value).is_integer():
                continue
            if self.text[e:e + 1] in ("-", "–", "%") or self.text[s - 1:s] in ("-", "#", "№"):
                continue  # "five-minute", "42-year-old", "10%", "MH-17"
            span = self.doc.char_span(s, e, alignment_mode="expand")
            if span is None or not len(span):
                continue
            if any(t.ent_type_ in _SKIP_ENTS for t in span):
                continue
            if _YEAR_LIKE.fullmatch(raw) and (
                    (span.end < len(self.doc) and self.doc[span.end].tag_ in ("NN", "NNP"))
                    or (span.start > 0 and self.doc[span.start - 1].tag_ in ("POS", "PRP$", "DT"))):
                continue  # "Trump's 1995 state income tax filings": a year used as a modifier
            prev = self.doc[span.start - 1] if span.start > 0 else None
            if prev is not None and prev.lower_ in self.lex.not_after:
                continue  # "aged 30", "Article 332 cases"
            if _RATIO.search(self.text[max(0, s - 20):s]):
                continue  # "one in four residents", "one of every nine voters": a rate, not a count
            root = span.root
            noun = self._noun_after(root, span)
            end = e
            if noun is None:
                noun = self._partitive(root)
            unit: str | None = None
            if noun is not None and noun.lower_ in self.lex.anaphoric_nouns:
                unit = self._elided_unit(root)  # "killed six and wounded 38 others"
                end = noun.idx + len(noun)
            elif noun is not None:
                unit = self._unit(noun)
                end = noun.idx + len(noun)
                if unit is None and noun.tag_ == "NNP":
                    noun = None  # "kill six ASTANA (Reuters)": a name after the number is not what it counts
            if noun is None:
                end = e
                if prev is not None and prev.pos_ in ("NOUN", "PROPN") and prev.is_title \
                        and not self._people_word(prev):
                    continue  # "Article 332", "Resolution 2178": an identifier
                near = self._people_word(prev) or (span.end < len(self.doc) and self._people_word(self.doc[span.end]))
                if any(t.ent_type_ in ("DATE", "TIME") for t in root.conjuncts):
                    continue  # "who were 24, 28 and 42 years old": ages listed together
                if near:
                    unit = "people"
                elif root.pos_ == "NUM" and (root.dep_ in _ELLIPSIS_DEPS or root.head.pos_ == "VERB"):
                    unit = self._elided_unit(root)
            if unit is None:
                pending = (s, e, value)
                continue
            if pending is not None and _RANGE_GAP.fullmatch(self.text[pending[1]:s]):
                # "between 2,000 and 4,000 Central Asians": the first number counts the same noun
                self._add(pending[0], pending[1], pending[2], unit, pending[0], pending[1])
            pending = None
            self._add(s, end, value, unit, s, e)

    def find(self, date_spans: list[tuple[int, int]]) -> list[Amount]:
        """Money first, then counts; date expressions are never amounts."""
        self.busy.extend(date_spans)
        self.money()
        self.counts()
        return sorted((a for a, _ in self.found), key=lambda a: a.start)


def find_amounts(doc: Doc) -> list[Amount]:
    """The amounts of a parsed Doc; dates come from ``doc._.cs_dates`` or are found here."""
    dates = doc._.cs_dates
    if dates is None:
        spans = [(d.start, d.end) for d in find_dates(doc)]
    else:
        spans = [(d["start"], d["end"]) for d in dates]
    return AmountFinder(doc, load_lexicon()).find(spans)


class AmountsComponent:
    """Writes ``doc._.cs_amounts``: a list of ``asdict(Amount)``."""

    def __init__(self) -> None:
        load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        doc._.cs_amounts = [asdict(a) for a in find_amounts(doc)]
        return doc


@Language.factory("cs_amounts")
def make_amounts(nlp: Language, name: str) -> AmountsComponent:
    """The cs_amounts component."""
    return AmountsComponent()
