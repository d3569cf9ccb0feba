"""Statements: every attributed claim and every fact an article states in its own voice, one per clause.

Upstream claims (Annotations.claims) are used when the attribution component produced them; otherwise a
small cue-verb reader finds "X said ...", "... , X said", "according to X" in each sentence, so the board
still works (with less precision) on documents annotated without claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from claimscope.analysis.lexicon import lexicon
from claimscope.analysis.origins import is_witness, person_names
from claimscope.analysis.text import Span, clauses, content_tokens, sentences
from claimscope.model import Annotations, Document

AUTHOR = "@author"


@dataclass
class Statement:
    """One statement of one document: who says it, what, where in the text, and what it mentions."""

    id: str
    doc_id: str
    source: str
    start: int
    end: int
    content: str
    speaker: str = AUTHOR
    cue: str = ""
    via: list[str] = field(default_factory=list)
    status: str = "asserted"
    quote: str = "indirect"
    entities: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    amounts: list[dict[str, object]] = field(default_factory=list)
    sentence: str = ""
    tokens: list[str] = field(default_factory=list)
    frames: list[str] = field(default_factory=list)
    named_speaker: str = ""  # the attribution component's named speaker for this span, when it has one
    names: set[str] = field(default_factory=set)  # comparison words that are parts of names (set by the board)

    @property
    def own_voice(self) -> bool:
        """True when the article states it in its own voice."""
        return self.speaker == AUTHOR


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lx = lexicon()
    verbs = "|".join(sorted(lx["cue_verbs"], key=len, reverse=True))
    audience = "|".join(sorted(lx["audience_nouns"], key=len, reverse=True))
    told = (r"told\s+(?:[A-Z][\w./-]*(?:\s+[A-Z][\w./-]*){0,3}|reporters|journalists|the\s+\w+(?:\s+(?!(?:he|she|they|it|we|that)\b)\w+)?"
            rf"|a\s+\w+(?:\s+(?!(?:he|she|they|it|we|that|in|on|at|from|after|before)\b)\w+)?)(?:\s+(?:{audience}))?")
    reported_as = "|".join(lx["reported_as"])
    cue = rf"(?:{reported_as}|{told}|(?:has\s+|have\s+|had\s+)?(?:also\s+|later\s+|earlier\s+|initially\s+|then\s+)?(?:{verbs}))"
    speaker = r"(?P<s>[A-Z\"\u201c][^\"\u201c\u201d]{1,160}?|he|she|they|we|it|officials|authorities|police)"
    when = (r"(?:\s+(?:on|in|late|earlier|later|after|by|at(?!\s+(?:least|most))|during|via|from|last|this|within)\b[^,\"\u201c\u201d]{0,40}?"
            r"|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday))?")
    lead = re.compile(rf"^{speaker}\s+(?<! to )(?P<v>{cue}){when}(?:\s+(?:in|on)\s+(?:a|an|the|his|her|its)\s+[\w\s]{{1,25}}?)?"
                      rf"[,:]?\s+(?:that\s+)?(?P<c>\S.{{8,}})$", re.S)
    trail = re.compile(rf"^(?P<c>.{{8,}}?)[,;:]?[\"\u201d\u2019']?,?\s+(?:(?P<s>[^,\"\u201c\u201d]{{1,120}}?)\s+(?<! to )(?P<v>{cue})"
                       rf"|(?P<v2>said|says|added|reported|reports|claimed|announced)\s+(?P<s2>[^,\"\u201c\u201d]{{2,120}}?))"
                       rf"(?P<tail>(?:\s+to\s+[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){{0,3}})?"  # "confirmed to Shymkent Today"
                       rf"{when}(?:\s+(?:in a statement|in an interview|by telephone|on \w+|last \w+|today|yesterday))?"
                       rf"(?:,\s*(?:citing|quoting|according to|referring to)\s+(?P<via>[^,.]+))?)"
                       rf"[.!?\"\u201d\u2019']*$", re.S)
    according = re.compile(r"^(?:According to|Citing)\s+(?P<s>[^,]{2,120}),\s+(?P<c>\S.{8,})$", re.S)
    according_trail = re.compile(r"^(?P<c>.{8,}?),?\s+(?:according to|citing)\s+(?P<s>[^,]{2,120}?)[.!?\"\u201d]*$", re.S)
    # "A," X says in the video, "B."  -- a quotation interrupted by its cue
    interrupted = re.compile(rf"^[\"\u201c](?P<c>.{{4,}}?)[,.]?[\"\u201d]\s*,?\s+(?P<s>[^,\"\u201c\u201d]{{2,60}}?)\s+"
                             rf"(?P<v>{cue})[^,\"\u201c\u201d]{{0,40}},\s*[\"\u201c](?P<c2>.+)$", re.S)
    return lead, trail, according, according_trail, interrupted


@lru_cache(maxsize=1)
def _cue_setting() -> re.Pattern[str]:
    """ "the footage that", "a video statement that": where the words were said, before what was said."""
    nouns = "|".join(lexicon()["cue_settings"])
    return re.compile(rf"(?:the|a|an|his|her|its|their)\s+(?:[\w'-]+\s+){{0,2}}(?:{nouns})\s+that\s+(?=\S)", re.I)


# the rest of "told a briefing in | Astana that ...": a place name and "that" before what was said
_PLACE_THAT = re.compile(r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2}\s+that\s+(?=\S)")
_ADVERBIAL = re.compile(r"^(?:in|on|at|late|early|earlier|later|meanwhile|during|after|before|also|but|and|however|then|"
                        r"now|since|while|as|with|following|separately)\b", re.I)
_BAD_SPEAKER = re.compile(r"\b(?:was|were|is|are|killed|attacked|has been|have been|had been|will|would|if|when|because|not|"
                          r"who|which|to be|did|does|do|no)\b")
_PERSON = re.compile(r"^(?:[A-Z][a-z]+\.?\s+)*[A-Z][a-z\u00e0-\u024f'-]+(?:\s+[A-Z][a-z\u00e0-\u024f'-]+){1,2}$")
_DATELINE = re.compile(r"^(?:[A-Z][A-Z0-9 .,'-]{2,40}(?:,\s+[\w ,]{3,30})?\s*\([^)]{1,40}\)|[A-Z][A-Z .'-]{2,30},\s+"
                       r"[A-Z][a-z]+ \d{1,2}, \d{4},[^\u2013\u2014]{2,30}?|[A-Z]{3,}(?:[ ,][A-Z]{2,})*)\s*[-\u2013\u2014]+\s*")


def _clean_speaker(raw: str) -> str | None:
    """The speaker phrase of a cue match, or None when it does not look like one."""
    parts = [p.strip() for p in raw.split(",") if p.strip()]
    while len(parts) > 1 and (_ADVERBIAL.match(parts[0]) or len(parts[0].split()) <= 2 and parts[0][0].islower()):
        parts.pop(0)
    if not parts:
        return None
    named = [p for p in parts if _PERSON.match(p.strip(" \"'")) and not _org_word(p)]
    if named and len(parts) > 1:
        parts = named
    s = parts[0].strip(" \"'\u201c\u201d")
    s = re.sub(r"^(?:But|And|Meanwhile|Also)\s+", "", s)
    s = re.sub(r"(?:\s+\w+ly)+$", "", s)  # "Ukraine strongly denied": the adverb is not the speaker
    if not s or len(s.split()) > 14 or re.match(r"(?:that|which|who|what|how|to|and|but|if)\b", s) \
            or re.search(r"\d", s):
        return None
    low = s.lower()
    if low in ("he", "she", "they", "we", "it", "i"):
        return low
    if _BAD_SPEAKER.search(low) and not re.search(r"\b(?:statements?|reports?)\b", low):
        return None
    # a verb in the phrase ("attackers who stormed", "officers died in") makes it a clause, not a speaker; a name
    # ending in -ed ("Ahmed") is no verb
    if any(w.endswith("ed") and len(w) > 4 and w.islower() for w in s.split()[1:]) or _outcome_verb(low):
        return None
    if not (any(w[:1].isupper() for w in s.split()) or any(v in low for v in lexicon()["vague_speakers"])
            or low.split()[-1] in lexicon()["role_words"] or low.split()[-1] in lexicon()["org_heads"]
            or is_witness(s)):
        return None
    return s


def _outcome_verb(low: str) -> bool:
    """An outcome word used as a verb ("officers died in"), not as a noun after "the"/"of" ("families of the dead")."""
    words = low.split()
    return any(w in _outcome_words() and (i == 0 or words[i - 1] not in ("the", "of", "their", "his", "her"))
               for i, w in enumerate(words))


@lru_cache(maxsize=1)
def _outcome_words() -> frozenset[str]:
    return frozenset(w for ws in lexicon()["outcomes"].values() for w in ws if " " not in w)


def _org_word(text: str) -> bool:
    low = text.lower().split()
    return any(w in low for w in lexicon()["org_heads"])


def attribute(text: str) -> tuple[str, str, int, int, list[str]] | None:
    """(speaker, cue, content start, content end, via) of a sentence with an attribution cue, else None."""
    lead, trail, according, according_trail, interrupted = _patterns()
    m = interrupted.match(text)
    if m:
        sp = _clean_speaker(m.group("s"))
        if sp:
            return sp, m.group("v").strip(), 0, len(text), []
    for pat in (according, according_trail):
        m = pat.match(text)
        if m:
            sp = _clean_speaker(m.group("s"))
            if sp:
                return sp, "according to", m.start("c"), m.end("c"), []
    m = lead.match(text)
    if m:
        sp = _clean_speaker(m.group("s"))
        if sp and len(sp.split()) <= 8:
            c_start, c_end = m.start("c"), m.end("c")
            rest_of_cue = _cue_setting().match(text, c_start) or _PLACE_THAT.match(text, c_start)
            if rest_of_cue:
                # "says in the footage that ...", "told a briefing in Astana that ...": where the words were said
                # is not what was said
                c_start = rest_of_cue.end()
            inner = attribute(text[c_start:c_end])
            if inner and re.match(r"(?:reported|reports|report)\b", inner[1]):
                # "X said A, Agency reported": the agency carries X's words
                return sp, m.group("v").strip(), c_start + inner[2], c_start + inner[3], [inner[0]]
            rest = text[c_start:c_end]
            if (inner and re.fullmatch(r"reports?|claims", m.group("v").strip()) and re.match(r"\s*(?:in|from|of)\s", text[m.end("v"):c_start] + rest)
                    and inner[0] in rest):
                # "Media reports in Tajikistan had speculated that ...": the cue word was a noun of the speaker phrase
                full = _clean_speaker(text[m.start("s"):c_start + rest.find(inner[0]) + len(inner[0])])
                if full:
                    return full, inner[1], c_start + inner[2], c_start + inner[3], []
            if inner and inner[0] not in ("he", "she", "they", "it"):
                return inner[0], inner[1], c_start + inner[2], c_start + inner[3], [sp, *inner[4]]
            return sp, m.group("v").strip(), c_start, c_end, []
    m = trail.match(text)
    if m:
        raw = m.group("s") or m.group("s2") or ""
        sp = _clean_speaker(raw)
        if sp and m.group("s2") and len(sp.split()) > 6:
            sp = None
        if sp:
            via = [m.group("via").strip()] if m.group("via") else []
            c_start, c_end = m.start("c"), m.end("c")
            inner = attribute(text[c_start:c_end]) if not via else None
            if inner:
                return inner[0], inner[1], c_start + inner[2], c_start + inner[3], [sp, *inner[4]]
            return sp, (m.group("v") or m.group("v2") or "").strip(), c_start, c_end, via
    return None


def _clause_speaker(text: str) -> tuple[str, str, int, int, list[str]] | None:
    """The attribution a clause makes of its own, after a leading adverbial ("in the video, X claims ...")."""
    found = attribute(text)
    if found is None and _ADVERBIAL.match(text) and ", " in text:
        rest = text.split(", ", 1)[1]
        found = attribute(rest) if rest[:1].isupper() else None
    return found


def _hedged(text: str) -> str:
    low = f" {text.lower()} "
    if any(f" {w} " in low for w in lexicon()["hedges"]):
        return "hedged"
    if any(w in low for w in ("denied", "denies", "no evidence", "did not", "has not", "have not", "never")):
        return "negated"
    return "asserted"


def _mentions(st: Statement, ann: Annotations) -> None:
    """Fill entities, dates and amounts from the annotations that fall inside the statement."""
    for e in ann.entities:
        if any(st.start <= m.start and m.end <= st.end for m in e.mentions) and e.name not in st.entities:
            st.entities.append(e.name)
    for d in ann.dates:
        if st.start <= d.start and d.end <= st.end:
            st.dates.append(d.value)
    for a in ann.amounts:
        if st.start <= a.start and a.end <= st.end:
            st.amounts.append({"text": a.text, "value": a.value, "unit": a.unit, "qualifier": a.qualifier})


def extract_statements(doc: Document, ann: Annotations) -> list[Statement]:
    """Every statement of one document (none when the pipeline skipped it, e.g. not English)."""
    if not doc.is_english or (ann.skipped and "english" in ann.skipped.lower()):
        return []
    out: list[Statement] = []
    sents = [_strip_dateline(s) for s in sentences(doc.text)]
    found_all = [attribute(s.text) for s in sents]
    _carry_quotes(sents, found_all)
    last_speaker: str | None = None
    last_person: str | None = None  # first person named in the latest sentence naming one ("he" refers to him)
    for sent, found in zip(sents, found_all, strict=True):
        if found is None and sent.text.startswith(_OPEN) and last_speaker:
            # a quotation standing alone goes on with the last speaker (SCHEMA: a new claim, same speaker)
            found = (last_speaker, "", 0, len(sent.text), [])
        upstream = found is None
        if found is None:
            found = _upstream(sent, ann)
        named = person_names(sent.text)
        person_here = named[0][2] if named else None
        first = len(out)
        if found:
            speaker, cue, cs, ce, via = found
            if speaker in ("he", "she") and last_person and not last_speaker:
                speaker = last_person
            elif speaker in ("he", "she", "they", "it") and last_speaker:
                speaker = last_speaker
            elif speaker not in ("he", "she", "they", "it", "we"):
                last_speaker = speaker
            content = Span(sent.start + cs, sent.start + ce, sent.text[cs:ce])
            status = next((c.status for c in ann.claims if sent.start <= c.start < sent.end), None)
            parts = clauses(content)
            background = False
            for cl in parts:
                own = _clause_speaker(cl.text) if len(parts) > 1 or upstream else None
                background = background or doc.text[max(0, cl.start - 8):cl.start].endswith(", which ")
                if background:
                    # a non-restrictive relative clause (and what it goes on to list) is the writer's background,
                    # not the cited speaker's words
                    out.append(_make(doc, cl, sent.text, AUTHOR, "", [], _hedged(cl.text), "indirect"))
                    continue
                if own and own[0] not in ("he", "she", "they", "it", "we", "i"):
                    # "it is hard to tell ..., but in the video, X claims ...": the clause names its own speaker
                    out.append(_make(doc, cl, sent.text, own[0], own[1], own[4], status or _hedged(cl.text), "indirect"))
                    continue
                out.append(_make(doc, cl, sent.text, speaker, cue, via, status or _hedged(cl.text), "indirect"))
        else:
            for cl in clauses(sent):
                out.append(_make(doc, cl, sent.text, AUTHOR, "", [], _hedged(cl.text), "indirect"))
        out.extend(_facets(doc, sent, out[first:], found))
        if person_here:
            last_person = person_here
    for st in out:
        _mentions(st, ann)
        if not st.own_voice:
            st.named_speaker = _named_speaker(st, ann)
    return out



# Who someone is, said in passing inside a longer statement: "Suspect Ruslan Kulikbayev, 26, became ...",
# "40-year-old Colonel Khalimov explained ...", "detained the attacker, identified as ...". Each is a statement
# of its own (a sentence that says two things gives two).
_NAME = r"(?:[A-Z][\w'\u2019.-]*\s+){0,3}[A-Z][\w'\u2019-]+"
_IDENTITY = re.compile(
    rf"\b{_NAME},\s+\d{{2}}(?=,)"
    rf"|\b\d{{1,2}}-year-old\s+(?:[a-z]+\s+){{0,2}}{_NAME}"
    rf"|\b(?:identified|named)\s+(?:by\s+[^,]{{2,40}}?\s+)?as\s+(?:an?\s+)?(?:\d{{1,2}}-year-old\s+)?{_NAME}")
# "X, who disappeared in April, says ...": the relative clause in a speaker phrase is the writer's background
_WHO_ASIDE = re.compile(r",\s+(who\s+(?!said\b|says\b|told\b)[^,\"\u201c\u201d]{8,120}?)(?=,)")


def _facets(doc: Document, sent: Span, made: list[Statement],
            found: tuple[str, str, int, int, list[str]] | None) -> list[Statement]:
    """Statements said in passing: identities inside statements, and asides in the speaker phrase."""
    out: list[Statement] = []
    for st in made:
        local = st.start - sent.start
        rest = st.content
        for m in _IDENTITY.finditer(st.content):
            if m.end() - m.start() < 0.8 * len(st.content):
                span = Span(sent.start + local + m.start(), sent.start + local + m.end(), m.group(0))
                out.append(_make(doc, span, sent.text, st.speaker, st.cue, st.via, st.status, st.quote))
                # The statement keeps the name (its subject) but not the identity it now leaves to the facet.
                names = " ".join(w for w in m.group(0).split() if w[:1].isupper())
                rest = rest.replace(m.group(0), names, 1)
        if rest != st.content:
            st.tokens = content_tokens(rest)
    if found is not None:
        _, _, cs, ce = found[:4]
        for lo, hi in ((0, cs), (ce, len(sent.text))):
            outside = sent.text[lo:hi]
            for m in _IDENTITY.finditer(outside):
                span = Span(sent.start + lo + m.start(), sent.start + lo + m.end(), m.group(0))
                out.append(_make(doc, span, sent.text, AUTHOR, "", [], "asserted", "indirect"))
            for m in _WHO_ASIDE.finditer(outside):
                span = Span(sent.start + lo + m.start(1), sent.start + lo + m.end(1), m.group(1))
                out.append(_make(doc, span, sent.text, AUTHOR, "", [], _hedged(m.group(1)), "indirect"))
    return out


def _named_speaker(st: Statement, ann: Annotations) -> str:
    """The speaker the attribution component names (an entity, or the entity a pronoun stands for) for this span."""
    for c in ann.claims:
        if (c.start <= st.start < c.end or st.start <= c.start < st.end) and c.speaker_kind in ("entity", "pronoun"):
            speaker = c.speaker if isinstance(c.speaker, str) else ", ".join(c.speaker)
            if speaker != AUTHOR:
                return speaker
    return ""


def _upstream(sent: Span, ann: Annotations) -> tuple[str, str, int, int, list[str]] | None:
    """The attribution component's claim starting in this sentence, when the cue reader found none.

    Its speaker and cue are kept; the content is the claim's span when it covers most of the sentence,
    else the sentence (so a statement keeps the words around a short claim).
    """
    low = sent.text.lower()
    for c in ann.claims:
        if sent.start <= c.start < sent.end and c.cue and c.cue.lower() in low:
            speaker = c.speaker if isinstance(c.speaker, str) else ", ".join(c.speaker)
            if speaker == AUTHOR or not (any(w[:1].isupper() for w in speaker.split())
                                         or speaker.lower() in lexicon()["vague_speakers"]
                                         or (speaker.lower().split() or [""])[-1] in lexicon()["org_heads"]):
                return None
            cs, ce = c.start - sent.start, min(c.end, sent.end) - sent.start
            if ce - cs < 0.6 * len(sent.text):
                cs, ce = 0, len(sent.text)
            return speaker, c.cue, cs, ce, list(c.via)
    return None


def _strip_dateline(span: Span) -> Span:
    m = _DATELINE.match(span.text)
    if not m:
        return span
    return Span(span.start + m.end(), span.end, span.text[m.end():])


_OPEN = ("\u201c", '"', "?\u20ac?")


def _closes(text: str) -> bool:
    return "\u201d" in text or text.count('"') % 2 == 1


def _carry_quotes(sents: list[Span], found: list[tuple[str, str, int, int, list[str]] | None]) -> None:
    """A quotation over several sentences takes the speaker of the sentence that closes it."""
    i = 0
    while i < len(sents):
        text = sents[i].text
        if found[i] is None and text.startswith(_OPEN) and text.count("\u201c") + text.count('"') < 2:
            j = i + 1
            # Within one paragraph (sentences one space apart) until the quotation closes.
            while (j < len(sents) and j < i + 6 and (found[j] is None or found[j][0] in ("we", "i"))  # type: ignore[index]
                   and sents[j].start - sents[j - 1].end <= 1 and not _closes(sents[j].text)):
                j += 1
            if j < len(sents) and found[j] is not None and sents[j].start - sents[j - 1].end <= 1:
                sp, cue, _, _, via = found[j]  # type: ignore[misc]
                for k in range(i, j):
                    found[k] = (sp, cue, 0, len(sents[k].text), via)
                i = j
        i += 1


def _make(doc: Document, span: Span, sentence: str, speaker: str, cue: str, via: list[str], status: str,
          quote: str) -> Statement:
    return Statement(id=f"{doc.id[:16]}:{span.start}", doc_id=doc.id, source=doc.source, start=span.start,
                     end=span.end, content=span.text, speaker=speaker, cue=cue, via=via, status=status, quote=quote,
                     sentence=sentence, tokens=content_tokens(span.text))
