"""The cs_attribution component: who said what, with which cue, citing whom, how sure.

Claims are found three ways, all from the parse and the quotation marks rather than from fixed
sentences: a cue verb with its subject and complement ("X said (that) S", "S, X said", "X told
reporters that S", "The report, which found that S"); a prepositional cue ("According to X, S");
and quotations attached to a nearby cue ("'Q,' said X"; 'X said: "Q"'; a quote interrupted by its cue;
a quote going on in the next paragraph). Sentences in the article's own voice that deny or hedge
("There is no evidence that S", "It is likely that S") are claims by "@author".
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimscope.model import Claim
from claimscope.nlp.components.certainty import StatusView, base_status, qualify, unverified_markers
from claimscope.nlp.cues import CueVerb, lexicons
from claimscope.nlp.headlines import headline_claim
from claimscope.nlp.quotes import Quote, quote_mask, quote_spans, quote_type
from claimscope.nlp.speakers import FIRST_PERSON, RELATIVE, EntityIndex, Resolved, SpeakerResolver

AUTHOR = "@author"
# Verbs whose object names the addressee, which belongs to the cue as written ("told reporters").
ADDRESSEE_VERBS = {"tell", "inform", "assure", "remind", "warn", "ask"}
CLIMB_DEPS = {"conj", "advcl", "xcomp", "pcomp", "ccomp"}


@dataclass
class Draft:
    """A claim being assembled."""

    cue: str
    cue_start: int
    cue_end: int
    parts: list[tuple[int, int]]
    resolved: Resolved
    cue_status: str = "asserted"
    negated: bool = False
    hedge_context: str = ""
    via: list[str] = field(default_factory=list)
    origin: str = "verb"  # verb | according | quote | continuation | author
    kind: str = "speech"  # the cue's kind (speech, report, cognition, evidence, stance)
    status: str | None = None  # fixed by the finder (author frames), else computed

    @property
    def start(self) -> int:
        """Start of the content."""
        return self.parts[0][0]

    @property
    def end(self) -> int:
        """End of the content."""
        return self.parts[-1][1]


def _speaker_key(speaker: str | list[str]) -> str:
    return json.dumps(speaker, sort_keys=True)


def _is_content_token(tok: Token) -> bool:
    return not (tok.is_punct or tok.is_space)


def _runs(doc: Doc, indices: set[int]) -> list[tuple[int, int]]:
    """Contiguous character spans of a token set, trimmed of punctuation, a leading "that" and spaces.
    Tokens separated only by punctuation stay in one run."""
    order = sorted(indices)
    runs: list[list[int]] = []
    for i in order:
        if runs and all(j in indices or not _is_content_token(doc[j]) for j in range(runs[-1][-1] + 1, i)):
            runs[-1].append(i)
        else:
            runs.append([i])
    spans = []
    for run in runs:
        toks = [doc[i] for i in run]
        while toks and (not _is_content_token(toks[0]) or (toks[0].dep_ == "mark" and toks[0].lower_ == "that")):
            toks = toks[1:]
        while toks and not _is_content_token(toks[-1]):
            toks = toks[:-1]
        if toks:
            spans.append((toks[0].idx, toks[-1].idx + len(toks[-1].text)))
    return spans


def _closing_cue(tok: Token) -> bool:
    """"..., X said" hanging off a clause: a speech verb after a comma, with its own subject and no
    complement (the parser sometimes makes it a ccomp of the clause it attributes)."""
    cue = lexicons().verbs.get(tok.lemma_.lower())
    if cue is None or cue.kind not in ("speech", "report") or tok.i == 0:
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.i > tok.i or any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in tok.children):
        return False
    before = tok.doc[subj.left_edge.i - 1] if subj.left_edge.i > 0 else None
    return before is not None and (before.text in (",", "--", "—", "–") or before.is_quote)


def frame_contents(tok: Token) -> dict[str, set[int]]:
    """The complements of a verb that could be an attribution's content, by frame: clause ("said that
    S"), infinitive ("vowed to S"), object ("endorsed X", "called X Y", "accused X of Y"), prep_<word>
    ("called for X", "talked about X")."""
    out: dict[str, set[int]] = {}
    comps = [c for c in tok.children if c.dep_ == "ccomp" and not _closing_cue(c)]
    if comps:
        out["clause"] = {t.i for c in comps for t in c.subtree}
    else:
        # "told reporters at a conference that S" parsed with S as a relative clause of "conference"
        for t in tok.subtree:
            if t.i > tok.i and t.dep_ in ("relcl", "acl") and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in t.children) and not any(
                    a.pos_ in ("VERB", "AUX") for a in t.ancestors if a.i != tok.i and tok.is_ancestor(a)):
                out["clause"] = {x.i for x in t.subtree}
                break
    for c in tok.children:
        if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            out["infinitive"] = {t.i for t in c.subtree}
            # "urged the party to ax ...", "asked the campaign to cease": whom it asks belongs to it
            for o in tok.children:
                if o.dep_ == "dobj" and tok.i < o.i < c.i:
                    out["infinitive"].update(t.i for t in o.subtree)
            break
    if any(c.dep_ == "dobj" or (c.dep_ == "oprd" and c.i > tok.i) for c in tok.children):
        obj: set[int] = set()
        for c in tok.children:
            if c.i > tok.i and (c.dep_ in ("dobj", "oprd", "ccomp") or (
                    c.dep_ == "prep" and c.lower_ in ("of", "as", "for"))):
                obj.update(t.i for t in c.subtree)
        if obj:
            out["object"] = obj
    for c in tok.children:
        if c.dep_ == "prep" and c.i > tok.i and any(g.dep_ in ("pobj", "pcomp") for g in c.children):
            out.setdefault(f"prep_{c.lower_}", {t.i for t in c.subtree if t.i != c.i})
        elif c.dep_ == "advcl" and c.i > tok.i:
            # "is calling for his rivals to drop out" parsed with "for" marking a clause
            mark = next((m for m in c.children if m.dep_ == "mark" and m.i < c.i), None)
            if mark is not None and mark.pos_ == "SCONJ" and mark.lower_ in ("for", "on"):
                out.setdefault(f"prep_{mark.lower_}", {t.i for t in c.subtree if t.i != mark.i})
    return out


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _trim_parenthetical(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop a long parenthetical aside that closes a content ("... Mawarannahr (an Arabic term ...)")."""
    out = []
    for s, e in parts:
        seg = text[s:e]
        cut = seg.rfind("(")
        if cut > 0 and ")" not in seg[cut:-1] and _words(seg[cut:]) >= 4 and _words(seg[:cut]) >= 3:
            e = s + len(seg[:cut].rstrip(" ,;—–-"))
        out.append((s, e))
    return out


def _trim_comment(text: str, parts: list[tuple[int, int]], nouns: dict[str, str]) -> list[tuple[int, int]]:
    """Drop the article's comment closing a content (", a figure the authors were unable to verify"):
    an apposition headed by a noun of class comment (nouns.tsv) describes the claim, it is not part of it."""
    out = []
    for s, e in parts:
        seg = text[s:e]
        m = re.search(r",\s+(?:a|an|the|this|that)\s+(?:[\w-]+\s+){0,2}?([\w-]+)\b[^,]*$", seg)
        if m and nouns.get(m.group(1).lower()) == "comment" and _words(seg[:m.start()]) >= 3:
            e = s + m.start()
        out.append((s, e))
    return out


class Finder:
    """Finds the claims of one parsed document."""

    def __init__(self, doc: Doc, min_words: int = 2, author_claims: bool = True,
                 learned_min_precision: float = 0.4) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lexicons()
        self.quotes = quote_spans(self.text)
        self.mask = quote_mask(self.text, self.quotes)
        self.index = EntityIndex.from_doc(doc)
        self.resolver = SpeakerResolver(doc, self.index)
        self.min_words = min_words
        self.author_claims = author_claims
        self.learned = {lemma: frozenset(f for f, p in frames if p >= learned_min_precision)
                        for lemma, frames in self.lex.learned.items()}
        self.drafts: list[Draft] = []
        self.bare: list[tuple[Token, Resolved, CueVerb]] = []  # cues whose content is a nearby quote
        self.author_zones: list[tuple[int, int]] = []
        # sentences whose author frame ("there is no evidence that") a closing "X said" gives to X
        self.framed: dict[int, str] = {}

    # ------------------------------------------------------------------ helpers
    def _paragraph(self, pos: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        return start, len(self.text) if end < 0 else end

    def _quote_at(self, pos: int) -> Quote | None:
        for q in self.quotes:
            if q.start <= pos < q.end:
                return q
        return None

    def _extend_to_quotes(self, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """A content that starts or ends inside a quotation takes the whole quotation."""
        out = []
        for s, e in parts:
            q = self._quote_at(s)
            if q is not None and q.start < s and self._trusted(q):
                s = q.start
            q = self._quote_at(max(s, e - 1))
            if q is not None and q.end > e and self._trusted(q):
                e = q.end
            out.append((s, e))
        return out

    def _boundaries(self, start: int, end: int) -> list[int]:
        """Sentence ends in [start, end) outside quotations (the parser misses many before quotes)."""
        out = []
        for m in re.finditer(r"[.!?]+([\"”’'»)\]]*)\s+(?=[\"“‘'`«(]*[A-Z0-9])", self.text[start:end]):
            i = start + m.start()
            closes = bool(m.group(1))
            if self.mask[i] and not closes:
                continue
            word = re.search(r"([\w.]+)$", self.text[max(0, i - 12):i])
            if word and (word.group(1).lower() in self.lex.abbreviations or len(word.group(1)) == 1
                         or "." in word.group(1)):
                continue
            out.append(start + m.end())
        return out

    def _clip(self, parts: list[tuple[int, int]], cue_pos: int) -> list[tuple[int, int]]:
        """Keep, of a content the parse ran over a sentence end, the sentence next to the cue."""
        out = []
        for s, e in parts:
            cuts = self._boundaries(s, e)
            if cuts and e <= cue_pos:
                s = cuts[-1]
            elif cuts and s >= cue_pos:
                e = cuts[0]
                while e > s and (self.text[e - 1].isspace() or self.text[e - 1] in ".!?"):
                    e -= 1
            while s < e and self.text[s].isspace():
                s += 1
            if e > s:
                out.append((s, e))
        return out

    def _trusted(self, q: Quote) -> bool:
        """A closed quotation, or one left open by a paragraph that is a quotation from its start."""
        if not q.open_end:
            return True
        p_start, _ = self._paragraph(q.start)
        return not self.text[p_start:q.start].strip(" \t\"“«'‘`")

    def _cue_text(self, tok: Token, content: set[int] | None = None) -> tuple[str, int, int]:
        toks = [tok]
        for c in tok.children:
            if c.dep_ in ("aux", "auxpass", "neg") and c.i < tok.i and tok.i - c.i <= 3 or c.dep_ == "prt":
                toks.append(c)
            elif (c.dep_ in ("dobj", "dative") and tok.lemma_.lower() in ADDRESSEE_VERBS and c.i > tok.i
                  and not (content and c.i in content)):
                toks.extend(t for t in c.subtree if c.left_edge.i <= t.i <= c.i)
        toks.sort(key=lambda t: t.i)
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        return self.text[start:end], start, end

    def _subject(self, tok: Token) -> Token | None:
        """The subject that speaks through a cue verb, climbing coordination and participles."""
        seen = 0
        cur = tok
        while seen < 4:
            for c in cur.children:
                if c.dep_ == "nsubj":
                    if self.mask[c.idx] and not self.mask[tok.idx]:
                        continue  # '"Meh," wrote a supporter': the quotation is not the speaker
                    if c.lower_ in RELATIVE and cur.dep_ == "relcl":
                        return cur.head
                    return c
            if cur.dep_ == "relcl":
                return cur.head
            if cur.dep_ == "acl" and cur.tag_ == "VBG" and cur.head.pos_ in ("NOUN", "PROPN"):
                # "a statement saying that ...", but not "videos calling on Muslims to ..."
                return cur.head if any(c.dep_ == "ccomp" for c in cur.children) else None
            if cur.dep_ in CLIMB_DEPS and (cur.dep_ == "conj" or cur.tag_ in ("VBG", "VB", "VBN")):
                cur = cur.head
                if cur.pos_ == "ADP":
                    cur = cur.head
                seen += 1
                continue
            return None
        return None

    def _via_phrases(self, sent: Span) -> list[tuple[int, int]]:
        """Spans of "citing Y" / "quoting Y" phrases in a sentence (the parse often mangles them)."""
        forms = "|".join(v[:-1] + "ing" if v.endswith("e") else v + "ing" for v in sorted(self.lex.via))
        out = []
        for m in re.finditer(rf"\b(?:{forms})\s+([^,;:.\n]+)", sent.text, re.I):
            out.append((sent.start_char + m.start(1), sent.start_char + m.end(1)))
        return out

    def _via(self, tok: Token, sent: Span) -> list[str]:
        """Who the speaker cites: the objects of "citing"/"quoting" in the cue's sentence."""
        out: list[str] = []
        for start, end in self._via_phrases(sent):
            if start <= tok.idx < end:
                continue
            text = self.text[start:end].strip()
            m = self.index.covering(start, end)
            if m is None:
                inside = self.index.overlapping(start, end)
                if len(inside) == 1 and inside[0].start == start and inside[0].type != "PLACE":
                    m = inside[0]
            out.append(m.name if m is not None else text)
        return out

    def _in_author_zone(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.author_zones)

    # ------------------------------------------------------------------ finders
    def author(self) -> None:
        """Sentences in the article's own voice that deny or hedge a clause."""
        for sent in self.doc.sents:
            low = sent.text.lower()
            found = False
            for frame, status in self.lex.author:
                pos = low.find(frame)
                if pos < 0 or (pos > 0 and low[pos - 1].isalnum()) or len(low[:pos].split()) > 3:
                    continue
                cstart = sent.start_char + pos + len(frame)
                if self._closing_speaker(sent):
                    self.framed[sent.start_char] = status
                else:
                    self._author_claim(sent, sent.start_char + pos, cstart, status)
                found = True
                break
            if found:
                continue
            for tok in sent:
                if self.lex.nouns.get(tok.lower_) != "evidence" or not self._negated_noun(tok, sent):
                    continue
                clause = next((c for c in tok.children if c.dep_ in ("acl", "relcl", "ccomp")), None)
                if clause is None:
                    continue
                inner = next((c for c in clause.children if c.dep_ == "ccomp"), None)
                if clause.lemma_.lower() in self.lex.verbs and inner is not None:
                    clause = inner
                toks = [t for t in clause.subtree]
                while toks and (toks[0].dep_ == "mark" or toks[0].lower_ in ("that",)):
                    toks = toks[1:]
                if not toks:
                    continue
                if self._closing_speaker(sent):
                    self.framed[sent.start_char] = "negated"
                else:
                    self._author_claim(sent, sent.start_char, toks[0].idx, "negated")
                break

    def _closing_speaker(self, sent: Span) -> bool:
        """The sentence ends with "..., X said": its frame is X's, not the article's."""
        words = [t for t in sent if not t.is_punct and not t.is_space]
        for tok in reversed(words[-6:]):
            cue = self.lex.verbs.get(tok.lemma_.lower())
            if cue is None or cue.kind not in ("speech", "report") or tok.pos_ != "VERB":
                continue
            left = self._cue_left(tok) - 1
            after = [t for t in words if t.i > tok.i]
            return (left > sent.start and self.doc[left].text == ","
                    and not any(t.pos_ in ("VERB", "AUX") for t in after))
        return False

    def _negated_noun(self, tok: Token, sent: Span) -> bool:
        if tok.head.dep_ != "ROOT" and sent[0].lower_ not in ("there", "neither", "nor"):
            return False  # "despite there being no evidence": not the article's own assessment
        if any(c.lower_ == "no" for c in tok.children):
            return True
        first = sent[0].lower_
        if first in ("neither", "nor"):
            return True
        return any(c.dep_ == "neg" for c in tok.head.children)

    def _author_claim(self, sent: Span, cue_start: int, content_start: int, status: str) -> None:
        end = sent.end_char
        while end > content_start and (self.text[end - 1] in " \n\t.!?\"”’'" or self.text[end - 1].isspace()):
            end -= 1
        while content_start < end and self.text[content_start].isspace():
            content_start += 1
        if _words(self.text[content_start:end]) < self.min_words:
            return
        cue = self.text[cue_start:content_start].strip()
        self.author_zones.append((sent.start_char, sent.end_char))
        if not self.author_claims:
            return
        self.drafts.append(Draft(cue, cue_start, cue_start + len(cue), [(content_start, end)],
                                 Resolved(AUTHOR, "author", AUTHOR), origin="author", status=status))

    def colon_lines(self) -> None:
        """A line that opens with a name and a colon: "Kerry: 'By law, ...'", "NY Daily News: Paris ..."."""
        for m in re.finditer(r"(?m)^([A-Z][^\n:]{1,40}?):[ \t]+(\S[^\n]*)$", self.text):
            name_start, name_end = m.span(1)
            if _words(m.group(1)) > 5:
                continue
            name = m.group(1).strip()
            if self.lex.nouns.get(name.split()[0].lower()) == "label" or _words(name) > 4:
                continue
            mentions = [x for x in self.index.overlapping(name_start, name_end) if x.type in ("PERSON", "ORG")]
            span = self.doc.char_span(name_start, name_end, alignment_mode="expand")
            if span is None or not (mentions or name.isupper()):
                continue  # a named entity, or a transcript's capitalised speaker ("TAPPER:", "Q:")
            resolved = self.resolver.resolve(span.root)
            if resolved is None:
                continue
            c_start, c_end = m.span(2)
            c_start += len(self.text[c_start:c_end]) - len(self.text[c_start:c_end].lstrip("\"“«‘'"))
            c_end = c_start + len(self.text[c_start:c_end].rstrip("\"”»’' "))
            if _words(self.text[c_start:c_end]) < self.min_words:
                continue
            self._add(Draft(":", name_end, name_end + 1, [(c_start, c_end)], resolved, origin="quote"), name_start)

    def dash_lines(self) -> None:
        """A paragraph that is a quotation (or a post) signed after a dash: '"Q" ― Nell Grey',
        'Q pic.twitter.com/x — Paul Ryan (@SpeakerRyan) July 5, 2016'."""
        for m in re.finditer(r"(?m)^(?:<[^>\n]*>)?([^\n]{8,}?)\s*[―—–]\s*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4})"
                             r"[ \t]*(\(@\w+\))?[ \t]*(?:[A-Z][a-z]+\.? \d{1,2}, \d{4})?[ \t]*(?:</[^>\n]*>)?\.?[ \t]*$",
                             self.text):
            c_start, c_end = m.span(1)
            body = self.text[c_start:c_end]
            quoted = body[:1] in "\"“”«" and body.rstrip()[-1:] in "\"”»"
            if not (quoted or m.group(3)):
                continue  # an aside closing a sentence, not a signature
            body = re.sub(r"\s*(?:https?://\S+|pic\.twitter\.com/\S+)\s*$", "", body)
            c_end = c_start + len(body)
            c_start += len(body) - len(body.lstrip("\"“”«‘' "))
            c_end -= len(body) - len(body.rstrip("\"“”»’' "))
            if c_end <= c_start or _words(self.text[c_start:c_end]) < self.min_words:
                continue
            span = self.doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
            if span is None:
                continue
            resolved = self.resolver.resolve(span.root)
            if resolved is None:
                continue
            cue_at = next(i for i in range(c_end, m.start(2)) if self.text[i] in "―—–")
            self._add(Draft(self.text[cue_at], cue_at, cue_at + 1, [(c_start, c_end)], resolved, origin="quote"),
                      m.start(2))

    def cues(self) -> None:
        """Cue verbs and prepositional cues, in text order."""
        for tok in self.doc:
            if self._in_author_zone(tok.idx):
                continue
            if tok.lower_ == "according" and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "to":
                self._according(tok)
                continue
            lemma = tok.lemma_.lower()
            if lemma in self.lex.via:
                continue  # "citing Y" names the speaker's source, not a claim
            cue = self.lex.verbs.get(lemma)
            if cue is None and self.learned.get(lemma):
                cue = CueVerb(lemma, "learned", self.learned[lemma], "asserted")
            # "That X would refuse Y is not surprising": a clause used as a subject reports no one
            if cue is not None and tok.pos_ in ("VERB", "AUX") and tok.dep_ not in (
                    "amod", "compound", "csubj", "csubjpass"):
                self._verb(tok, cue)

    def _as_clause(self, tok: Token) -> set[int] | None:
        """'As the Times noted, S' / 'S, as X reported': the clause the "as" cue modifies is its content."""
        if tok.dep_ != "advcl" or tok.head.pos_ not in ("VERB", "AUX"):
            return None
        if not any(c.dep_ == "mark" and c.lower_ == "as" and c.i < tok.i for c in tok.children):
            return None
        if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in tok.children):
            return None
        sent = tok.sent
        own = {t.i for t in tok.subtree}
        return {t.i for t in tok.head.subtree if t.i not in own and sent.start <= t.i < sent.end}

    def _content_of(self, tok: Token, cue: CueVerb) -> set[int] | None:
        frames = frame_contents(tok)
        if "clause" in cue.frames and cue.kind in ("speech", "report"):
            as_clause = self._as_clause(tok)
            if as_clause:
                return as_clause
        if "clause" in cue.frames:
            if "clause" in frames:
                return frames["clause"] | self._fronted_part(tok, frames["clause"])
            if self._closes_clause(tok, cue):
                return self._closing_content(tok)
            if cue.kind in ("speech", "report"):
                zero_that = self._zero_that_conj(tok)
                if zero_that:
                    return zero_that
                rest = self._clause_after(tok)
                if rest:
                    return rest
        for frame in ("infinitive", "object"):
            if frame in cue.frames and frame in frames:
                if frame == "object" and (self._act_object(tok) or self._says_why(tok, cue)):
                    return None
                return frames[frame]
        for frame in sorted(cue.frames):
            for key in (frame, f"prep_{frame}"):
                if key.startswith("prep_") and key in frames:
                    return frames[key]
        return None

    def _zero_that_conj(self, tok: Token) -> set[int] | None:
        """"told Asia-Plus the man had watched videos": a clause without "that" after the addressee,
        misparsed as a verb coordinated with the cue (no conjunction or comma before its subject)."""
        if not any(c.dep_ == "dobj" for c in tok.children):
            return None
        for c in tok.children:
            subj = [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
            if c.dep_ != "conj" or c.i < tok.i or not subj:
                continue
            left = min(g.left_edge.i for g in subj)
            between = self.doc[tok.i + 1:left]
            if any(t.lower_ in ("and", "but", "or", "while", ",", ";", "who", "which") for t in between):
                return None
            return {t.i for t in c.subtree if t.i >= left}
        return None

    def _says_why(self, tok: Token, cue: CueVerb) -> bool:
        """"criticised the prosecutions, arguing that S": the stance's object is no statement when a
        speech cue of the same subject goes on to say what was said."""
        if cue.kind != "stance":
            return False
        for c in tok.children:
            if c.dep_ in ("advcl", "xcomp", "conj") and c.i > tok.i and c.tag_ == "VBG":
                inner = self.lex.verbs.get(c.lemma_.lower())
                if inner is not None and inner.kind in ("speech", "report") and "clause" in frame_contents(c):
                    return True
        return False

    def _act_object(self, tok: Token) -> bool:
        """"claimed responsibility", "claimed the lives of": an object that names an act, not a statement
        (nouns.tsv class act)."""
        return any(c.dep_ == "dobj" and self.lex.nouns.get(c.lemma_.lower()) == "act" for c in tok.children)

    def _fronted_part(self, tok: Token, clause: set[int]) -> set[int]:
        """'To win the state, X said, the party must ...': the cue set off by commas inside its content;
        what comes before it belongs to the content too."""
        left = self._cue_left(tok)
        after = tok.i + 1
        while after < len(self.doc) and self.doc[after].dep_ in ("prt", "advmod", "npadvmod") and after not in clause:
            after += 1
        if left < 2 or self.doc[left - 1].text != "," or after >= len(self.doc) or self.doc[after].text != ",":
            return set()
        if not clause or min(clause) <= tok.i:
            return set()
        start = tok.sent.start
        while start < left - 1 and self.doc[start].dep_ in ("cc", "punct"):
            start += 1
        return {i for i in range(start, left - 1) if self.doc[i].head.i == tok.i or
                any(a.i == tok.i for a in self.doc[i].ancestors)}

    def _clause_after(self, tok: Token) -> set[int] | None:
        """'Aides say the more delegates he takes, the more ...' parsed with the clause as an object: the
        words after a speech cue, when they hold a verb with its own subject."""
        right = [c for c in tok.children if c.i > tok.i and (c.dep_ in ("dobj", "attr", "npadvmod", "nsubj") or (
            c.dep_ == "xcomp" and c.tag_ == "VBG"))]
        out = {t.i for c in right for t in c.subtree}
        if any(self.doc[i].pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in self.doc[i].children) for i in out):
            return out
        return None

    def _cue_left(self, tok: Token) -> int:
        """First token of the cue clause "X said" (its subject when that comes first)."""
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.i > tok.i:
            return tok.i
        # "S ... each, prosecutor X told Y" parsed with the content's last word in the subject
        commas = [k for k in range(subj.left_edge.i, subj.i) if self.doc[k].text == ","]
        return commas[-1] + 1 if commas else subj.left_edge.i

    def _closes_clause(self, tok: Token, cue: CueVerb) -> bool:
        """'S, X said' parsed with the cue hanging off S: a speech cue after a comma or quotation mark,
        with no complement of its own."""
        if tok.dep_ not in ("parataxis", "advcl", "conj", "ccomp"):
            return False
        if tok.i < tok.head.i:  # "To win, participants said, the party must ...": commas on both sides
            right = tok.right_edge.i
            while right > tok.i and self.doc[right].is_punct:
                right -= 1  # the comma after the cue is often its own child
            right += 1
            if right >= len(self.doc) or self.doc[right].text != ",":
                return False
        if cue.kind not in ("speech", "report") or tok.head.pos_ not in ("VERB", "AUX"):
            return False
        if any(c.dep_ in ("ccomp", "xcomp", "attr", "acomp") for c in tok.children):
            return False
        # "..., prosecutor X told AKIpress": the object of a verb with no object frame is whom it was told
        if any(c.dep_ == "dobj" and ("object" in cue.frames or c.pos_ not in ("PROPN", "PRON"))
               for c in tok.children):
            return False
        left = self._cue_left(tok) - 1
        return left >= 0 and (self.doc[left].text in (",", ";", "--", "—", "–") or self.doc[left].is_quote)

    def _closing_content(self, tok: Token) -> set[int]:
        """The content of 'S, X said': the clause the cue hangs off, without the cue clause."""
        sent = tok.sent
        own = set(range(self._cue_left(tok), tok.i + 1))
        for c in tok.children:
            if c.i > tok.i:
                own.update(t.i for t in c.subtree)
        tokens = {t.i for t in tok.head.subtree} | {t.i for t in tok.subtree}
        return {i for i in tokens if i not in own and sent.start <= i < sent.end}

    def _sibling_cues(self, content: set[int]) -> set[int]:
        """Tokens of cue clauses coordinated into a content ("insisted S while adding T", "said S and
        one in four said T"): they are claims of their own."""
        out: set[int] = set()
        for i in sorted(content):
            t = self.doc[i]
            lemma = t.lemma_.lower()
            coordinated = t.dep_ == "ccomp" and t.left_edge.i > 0 and self.doc[t.left_edge.i - 1].dep_ == "cc"
            if t.pos_ != "VERB" or (t.head.i not in content and not coordinated):
                continue
            if not (t.dep_ in ("conj", "parataxis") or (t.dep_ == "advcl" and t.tag_ == "VBG") or coordinated):
                continue  # "and said", "..., X said", "adding that"; not a purpose ("to ask")
            known = self.lex.verbs.get(lemma)
            if known is None or known.kind not in ("speech", "report"):
                continue
            if not frame_contents(t) and not (coordinated and self._answer(t)):
                continue
            sub = {x.i for x in t.subtree}
            lo = min(sub) - 1
            while lo >= 0 and lo in content and (self.doc[lo].dep_ in ("cc", "mark", "punct")):
                sub.add(lo)
                lo -= 1
            out |= sub
        return out

    def _subject_after_quote(self, tok: Token) -> Token | None:
        """'"Q," Gene Sperling, an adviser, said' with the name parsed into the quotation: the first noun
        phrase between the closing quotation mark and the cue."""
        q = next((q for q in reversed(self.quotes) if q.end <= tok.idx), None)
        if q is None or not self._runs_on(q.end, tok.idx):
            return None
        span = [t for t in tok.sent if q.end < t.idx < tok.idx]
        inside = {t.i for t in span}
        for t in span:
            if t.pos_ in ("PROPN", "NOUN", "PRON") and (t.head.i not in inside or t.head.i == tok.i):
                return t
        # '"Q," said retired neurosurgeon Ben Carson, asked about ...': the name after the cue
        after: list[Token] = []
        for t in self.doc[tok.i + 1:min(tok.i + 10, tok.sent.end)]:
            if t.is_punct or t.pos_ in ("VERB", "AUX", "ADP") and after:
                break
            after.append(t)
        nouns = {t.i for t in after}
        for t in after:
            if t.pos_ in ("PROPN", "NOUN") and t.head.i not in nouns:
                return t
        return None

    def _leading_name(self, tok: Token) -> Token | None:
        """A main speech verb the parser left without a subject ("Neil Sroka, director of X - which ... -
        said S"): the named entity that opens its sentence."""
        if tok.dep_ != "ROOT":
            return None
        for t in tok.sent:
            if t.i >= tok.i or t.is_punct or self.mask[t.idx]:
                break
            m = self.index.covering(t.idx, t.idx + len(t.text))
            if m is not None and m.type in ("PERSON", "ORG"):
                last = t
                while last.i + 1 < tok.i and self.index.covering(self.doc[last.i + 1].idx, self.doc[last.i + 1].idx + 1) == m:
                    last = self.doc[last.i + 1]
                return last
            if t.pos_ not in ("DET", "PROPN", "ADJ", "NOUN", "CCONJ"):
                return None
        return None

    def _request(self, tok: Token) -> set[int] | None:
        """'X did not respond to a request for comment': what a reply answers is its content."""
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "to" and c.i > tok.i:
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and self.lex.nouns.get(obj.lower_) == "request":
                    return {t.i for t in obj.subtree}
        return None

    def _answer(self, tok: Token) -> tuple[int, int] | None:
        """'75 percent said yes', 'half said so', 'a third said the same of Cruz': a word standing for a
        whole statement right after the cue is its content (however short)."""
        if tok.i + 1 >= tok.sent.end:
            return None
        nxt = self.doc[tok.i + 1]
        if nxt.i + 1 < len(self.doc) and nxt.lower_ == "the":
            nxt = self.doc[nxt.i + 1]
        if nxt.lower_ not in self.lex.answers or nxt.head.i != tok.i or self.mask[nxt.idx]:
            return None
        if nxt.lower_ == "that" and nxt.dep_ != "dobj":
            return None
        toks = [t for t in nxt.subtree] + [self.doc[tok.i + 1]]
        after = self.doc[nxt.i + 1] if nxt.i + 1 < len(self.doc) else None
        if after is not None and after.lower_ in ("of", "about") and after.head.i in (tok.i, nxt.i):
            toks += list(after.subtree)
        start = min(t.idx for t in toks)
        end = max(t.idx + len(t.text) for t in toks)
        return start, end

    def _word_before(self, tok: Token) -> Token | None:
        """A main speech verb the parser left without a subject ("..., former president Bill Clinton
        said S" with the name as an apposition; "About 4 in 10 say S"): the noun right before it,
        past adverbs and a parenthetical ("Sen. Elizabeth Warren (D-MA) said")."""
        if tok.dep_ not in ("ROOT", "conj") or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return None
        i = tok.i - 1
        while i >= tok.sent.start and self.doc[i].dep_ in ("advmod", "aux", "neg") and self.doc[i].head.i == tok.i:
            i -= 1
        if i >= tok.sent.start and self.doc[i].text == ")":
            while i >= tok.sent.start and self.doc[i].text != "(":
                i -= 1
            i -= 1
        if i < tok.sent.start:
            return None
        prev = self.doc[i]
        if prev.pos_ not in ("PROPN", "NOUN", "NUM") or self.mask[prev.idx] or prev.dep_ in ("pobj", "dobj"):
            return None
        return prev

    def _impersonal(self, tok: Token, cue: CueVerb) -> bool:
        """"It was reported that S", "it is believed that S": no one is named, the article passes S on
        (a hedged claim by "@author"). True when handled."""
        if not any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in tok.children):
            return False
        if not any(c.dep_ == "auxpass" for c in tok.children):
            return False
        frames = frame_contents(tok)
        if "clause" not in frames or not self.author_claims:
            return True
        parts = self._clip(_runs(self.doc, frames["clause"]), tok.idx)
        if parts and _words(self.text[parts[0][0]:parts[-1][1]]) >= self.min_words:
            start = min(c.idx for c in tok.children if c.dep_ == "nsubjpass")
            cue_end = tok.idx + len(tok.text)
            self.drafts.append(Draft(self.text[start:cue_end], start, cue_end, parts,
                                     Resolved(AUTHOR, "author", AUTHOR), origin="author", status="hedged"))
        return True

    def reported_clauses(self) -> None:
        """"The suspects reportedly possessed ...": a clause hedged by a reporting adverb that no claim
        holds is passed on by the article itself."""
        if not self.author_claims:
            return
        for tok in self.doc:
            if tok.lower_ not in self.lex.author_adverbs or tok.dep_ != "advmod":
                continue
            head = tok.head
            if any(d.origin != "author" and d.start <= head.idx < d.end for d in self.drafts):
                continue
            sent = tok.sent
            parts = _runs(self.doc, {t.i for t in head.subtree if sent.start <= t.i < sent.end})
            if parts and _words(self.text[parts[0][0]:parts[-1][1]]) >= 3:
                self.drafts.append(Draft(tok.text, tok.idx, tok.idx + len(tok.text), parts,
                                         Resolved(AUTHOR, "author", AUTHOR), origin="author", status="hedged"))

    def _verb(self, tok: Token, cue: CueVerb) -> None:
        if cue.kind != "learned" and self._impersonal(tok, cue):
            return
        if cue.kind == "learned" and self.mask[tok.idx]:
            return  # a frame inside a quotation is part of what the quoted speaker says
        subject = self._subject(tok)
        if subject is None and cue.kind in ("speech", "report"):
            subject = self._subject_after_quote(tok) or self._leading_name(tok) or self._word_before(tok)
        if subject is None:
            return
        for start, end in self._via_phrases(tok.sent):
            if start <= subject.idx < end:  # "Citing Y, X reported" parsed with Y as the subject
                subject = next((c for c in subject.children if c.dep_ == "appos"), None)
                if subject is None:
                    return
        if subject.lower_ == "it" and any(c.dep_ == "auxpass" for c in tok.children):
            return  # "it was reported that": no speaker named
        quote = self._quote_at(tok.idx)
        resolved = self.resolver.resolve(subject, self._quote_speaker(quote))
        if resolved is None:
            if subject.lower_ in FIRST_PERSON or subject.lower_ == "you":
                return  # "we know ..." inside a quotation is part of it
            resolved = Resolved(subject.text, "pronoun", subject.text)  # no antecedent in reach
        content = self._content_of(tok, cue)
        # frames the lexicon does not list but annotated news uses ("asked X to Y"), unless a quotation
        # in the sentence is the likelier content
        if (content is None and cue.kind != "learned" and self.learned.get(cue.lemma)
                and not any(self.mask[t.idx] for t in tok.sent)):
            content = self._content_of(tok, CueVerb(cue.lemma, cue.kind, self.learned[cue.lemma], cue.status))
        cue_text, cs, ce = self._cue_text(tok, content)
        subj_toks = {t.i for t in subject.subtree} if subject.i != tok.head.i else set()
        if content is not None:
            content -= subj_toks
            content.discard(tok.i)
            content -= self._sibling_cues(content)
        if not content and cue.kind == "speech":
            content = self._request(tok)
        if not content:
            answer = self._answer(tok) if cue.kind in ("speech", "report") else None
            if answer is not None:
                s, e = answer
                self._add(Draft(cue_text, cs, ce, [(s, e)], resolved, cue.status,
                                any(c.dep_ == "neg" for c in tok.children), kind=cue.kind), tok.idx)
            elif "clause" in cue.frames:
                self.bare.append((tok, resolved, cue))
            return
        first = self.doc[min(content)]
        if first.lower_ in ("whether", "if") and any(c.dep_ == "neg" for c in tok.children):
            return  # "did not say whether S": nothing was said
        runs = _runs(self.doc, content)
        left = min(subject.left_edge.idx, cs)
        if (any(e <= left for _, e in runs) and any(s >= ce for s, _ in runs)
                and not (tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].text == ",")):
            # "Fueled by frustration, Trump explained S": an opening phrase is not what was said
            runs = [(s, e) for s, e in runs if e > left]
        runs = self._extend_to_quotes(runs)
        parts = self._clip(_trim_comment(self.text, _trim_parenthetical(self.text, runs), self.lex.nouns), cs)
        if not parts or _words(" ".join(self.text[s:e] for s, e in parts)) < self.min_words:
            return
        negated = any(c.dep_ == "neg" for c in tok.children)
        context = " ".join(c.text for c in tok.children if c.dep_ in ("advmod", "aux"))
        draft = Draft(cue_text, cs, ce, parts, resolved, cue.status, negated, context,
                      self._via(tok, tok.sent), kind=cue.kind)
        self._add(draft, tok.idx)

    def _according(self, tok: Token) -> None:
        to = self.doc[tok.i + 1]
        pobj = next((c for c in list(to.children) + list(tok.children) if c.dep_ == "pobj"), None)
        if pobj is None:
            return
        resolved = self.resolver.resolve(pobj)
        if resolved is None:
            return
        head = tok.head
        while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT" and head.head.i != head.i:
            head = head.head
        while head.dep_ == "conj" and tok.i > head.i and head.head.pos_ in ("VERB", "AUX"):
            head = head.head  # "A, B and C, according to X": the whole coordination
        own = {t.i for t in tok.subtree} | {t.i for t in to.subtree}
        sent = tok.sent
        content = {t.i for t in head.subtree if t.i not in own and sent.start <= t.i < sent.end}
        parts = self._clip(_trim_parenthetical(self.text, self._extend_to_quotes(_runs(self.doc, content))),
                           tok.idx)
        if not parts or _words(" ".join(self.text[s:e] for s, e in parts)) < self.min_words:
            return
        cue_text = self.text[tok.idx:to.idx + len(to.text)]
        kind_status = self.lex.phrases.get(cue_text.lower(), ("report", "asserted"))
        draft = Draft(cue_text, tok.idx, to.idx + len(to.text), parts, resolved, kind_status[1],
                      via=self._via(tok, sent), origin="according")
        self._add(draft, tok.idx)

    def _quote_speaker(self, quote: Quote | None) -> Resolved | None:
        """Who speaks a quotation (for "I" and "we" inside it): the claim whose content holds it."""
        if quote is None:
            return None
        for d in self.drafts:
            if d.origin != "author" and d.start <= quote.start < d.end + 2:
                return d.resolved
        return None

    def _add(self, draft: Draft, pos: int) -> None:
        for i, d in enumerate(self.drafts):
            if d.parts == draft.parts:
                if draft.kind in ("speech", "report") and d.kind not in ("speech", "report"):
                    self.drafts[i] = draft  # the statement, not a thought inside it
                return
        self.drafts.append(draft)
        self.resolver.remember(pos, draft.resolved)

    def attach_quotes(self) -> None:
        """Quotations no claim holds yet: give them to a bare cue, to the claim they continue, or to
        the speaker of the quotation they go on from (a new paragraph)."""
        used_bare: set[int] = set()
        for q in self.quotes:
            if _words(self.text[q.start:q.end]) < 3 or self._in_author_zone(q.start):
                continue
            if self._covered(q):
                continue
            p_start, p_end = self._paragraph(q.start)
            # 1. a cue in the same sentence or the sentence just before that has no content of its own
            best: tuple[int, Token, Resolved, CueVerb] | None = None
            for tok, resolved, cue in self.bare:
                if tok.i in used_bare or not (p_start <= tok.idx < p_end) or self.mask[tok.idx]:
                    continue
                if tok.idx >= q.end:
                    if not self._runs_on(q.end, tok.idx):
                        continue
                    dist = tok.idx - q.end
                else:
                    between = self.text[tok.idx:q.start]
                    if re.search(r"[.!?][\"”’']?\s", between) and not between.rstrip().endswith(":"):
                        continue
                    dist = q.start - tok.idx
                if dist > 200:
                    continue
                if best is None or dist < best[0]:
                    best = (dist, tok, resolved, cue)
            if best is not None:
                _, tok, resolved, cue = best
                used_bare.add(tok.i)
                cue_text, cs, ce = self._cue_text(tok)
                negated = any(c.dep_ == "neg" for c in tok.children)
                self._add(Draft(cue_text, cs, ce, [(q.start, q.end)], resolved, cue.status, negated,
                                via=self._via(tok, tok.sent), origin="quote"), tok.idx)
                continue
            # 2. the rest of a quotation interrupted by its cue, in the same paragraph
            prev = [d for d in self.drafts if d.origin != "author" and p_start <= d.start and d.end <= q.start]
            if prev:
                last = max(prev, key=lambda d: d.end)
                if quote_type(self.text, self.mask, last.parts) != "indirect" and self._nothing_between(last, q):
                    last.parts.append((q.start, q.end))
                    continue
            # 3. a quotation going on in a new paragraph
            if not self.text[p_start:q.start].strip(" \t\"“«'‘`"):
                before = [d for d in self.drafts if d.origin != "author" and d.end < p_start]
                if before:
                    last = max(before, key=lambda d: d.end)
                    lp_start, _ = self._paragraph(last.start)
                    gap = self.text[last.end:p_start]
                    if (quote_type(self.text, self.mask, last.parts) != "indirect" and "\n" not in gap.strip()
                            and self._prev_paragraph(p_start) == lp_start):
                        self._add(Draft("", q.start, q.start, [(q.start, q.end)], last.resolved,
                                        last.cue_status, origin="continuation", via=list(last.via)), q.start)

    def _runs_on(self, q_end: int, cue_pos: int) -> bool:
        """The sentence goes on after the quotation to its cue: '"Q," said X' or '"Q?" he asked'."""
        end = q_end
        while end > 1 and self.text[end - 1] in "\"”’'»":
            end -= 1  # a quotation closing inside another: "... 'What can I do?'" Weaver said
        tail = self.text[end - 1:end]
        after = self.text[q_end:cue_pos].lstrip(" \"”’'»")
        mark = tail if tail in ",.!?—–-:;" else after[:1]
        rest = after.lstrip(",.!?:;—–- ")
        if mark in (",", "—", "–", "-"):
            return _words(rest) <= 12
        if mark in ("!", "?", "."):
            if (rest[:1] or self.text[cue_pos:cue_pos + 1]).islower() and _words(rest) <= 3:
                return True
            # '"Q?" the 43-year-old asked', '"Q." Trump said.': only a short subject before the bare cue
            return _words(rest) <= (12 if mark != "." else 6) and not self._sentence_break(rest)
        return False

    def _sentence_break(self, text: str) -> bool:
        """Punctuation that ends or splits a sentence, not counting abbreviations ("Mrs. Clinton")."""
        if re.search(r"[!?;:\"“”]", text):
            return True
        for m in re.finditer(r"([\w.]+)\.(?=\s|$)", text):
            word = m.group(1)
            if word.lower() not in self.lex.abbreviations and len(word) > 1 and "." not in word:
                return True
        return False

    def _prev_paragraph(self, p_start: int) -> int:
        pos = p_start - 1
        while pos > 0 and self.text[pos - 1] in "\n \t":
            pos -= 1
        return self._paragraph(max(0, pos - 1))[0]

    def _nothing_between(self, draft: Draft, q: Quote) -> bool:
        """No other quotation between the claim and q (only its cue and speaker)."""
        return not any(draft.end < o.start and o.end < q.start - 1 for o in self.quotes if _words(
            self.text[o.start:o.end]) >= 3)

    def _covered(self, q: Quote) -> bool:
        size = q.end - q.start
        for d in self.drafts:
            if d.origin == "author":
                continue
            inter = sum(max(0, min(e, q.end) - max(s, q.start)) for s, e in d.parts)
            if inter >= 0.5 * size:
                return True
        return False

    # ------------------------------------------------------------------ output
    def claims(self) -> list[Claim]:
        """Run every finder and return the claims in text order."""
        self.author()
        self.colon_lines()
        self.dash_lines()
        self.cues()
        self.attach_quotes()
        self.reported_clauses()
        self.drafts = [d for d in self.drafts if not self._nested_stance(d)]
        self._forward_references()
        views = []
        for d in self.drafts:
            content = " ... ".join(self.text[s:e] for s, e in d.parts)
            status = d.status or base_status(d.cue_status, d.negated, d.hedge_context, content)
            s_start, s_end = self._sentence_bounds(min(d.start, d.cue_start or d.start),
                                                   max(d.end, d.cue_end))
            framed = [st for pos, st in self.framed.items() if d.start <= pos + 6 < d.end or pos == s_start]
            if framed and status == "asserted":
                status = framed[0]
            views.append(StatusView(_speaker_key(d.resolved.speaker), d.cue_status, content, d.start,
                                    d.end, s_start, s_end, status))
        qualify(self.text, views, self._marker_speakers(views))
        out = []
        for d, v in sorted(zip(self.drafts, views, strict=True), key=lambda x: x[0].start):
            names = []
            for s, e in d.parts:
                names += [m.name for m in self.index.overlapping(s, e)]
            out.append(Claim(
                speaker=d.resolved.speaker, cue=d.cue, content=v.content, start=d.start, end=d.end,
                quote=quote_type(self.text, self.mask, d.parts), via=d.via, status=v.status,
                sentence_start=v.sentence_start, sentence_end=v.sentence_end,
                speaker_kind=d.resolved.kind, entities=list(dict.fromkeys(names)),
            ))
        title = self.doc._.cs_title if Doc.has_extension("cs_title") else None
        head = headline_claim(title, self.index.mentions, self.lex, self.min_words)
        if head is not None and not any(c.content == head.content for c in out):
            # the headline is not in the text: its claim has no offsets there
            out.insert(0, Claim(speaker=head.speaker, cue=head.cue, content=head.content, start=0, end=0,
                                quote=head.quote, status=head.status, speaker_kind=head.kind))
        return out

    def _forward_references(self) -> None:
        """A lead that names a role before the person ("the director of a think tank has claimed ...;
        Kadyr Malikov, who leads ..., told reporters ...") refers to the next person who speaks."""
        ordered = sorted(self.drafts, key=lambda d: d.cue_start)
        for i, d in enumerate(ordered):
            r = d.resolved
            if r.kind != "description" or not r.definite or r.plural or self.lex.nouns.get(r.head) != "person":
                continue
            later = [o for o in ordered[i + 1:i + 3] if o.resolved.type == "PERSON" and o.cue_start - d.end < 600]
            if not later:
                continue
            nxt = later[0].resolved
            earlier = [m for m in self.index.mentions if m.name == nxt.speaker and m.start < d.cue_start]
            if not earlier:
                d.resolved = Resolved(nxt.speaker, "entity", r.text, "PERSON")

    def _nested_stance(self, draft: Draft) -> bool:
        """A claim reported inside someone else's statement ("according to X, the suspects had planned to
        ...", "X said Y told him that S") belongs to that statement, not to a claim of its own."""
        if draft.origin != "verb":
            return False
        if draft.kind in ("speech", "report"):
            # "X said that Y told him S": S is part of X's statement
            return any(o is not draft and o.origin != "author" and o.start <= draft.cue_start < o.end
                       and o.start <= draft.start and draft.end <= o.end for o in self.drafts)
        return any(o is not draft and o.origin != "author" and o.start <= draft.cue_start < o.end
                   for o in self.drafts)

    def _sentence_bounds(self, start: int, end: int) -> tuple[int, int]:
        s_start, s_end = start, end
        for sent in self.doc.sents:
            if sent.end_char > start and sent.start_char < end:
                s_start = min(s_start, sent.start_char)
                s_end = max(s_end, sent.end_char)
        return s_start, s_end

    def _marker_speakers(self, views: list[StatusView]) -> dict[tuple[int, int], str]:
        """Sentences with an unverified marker, and the speaker each names ("" when none)."""
        out: dict[tuple[int, int], str] = {}
        keys = {v.speaker_key for v in views}
        for sent in self.doc.sents:
            if not unverified_markers(sent.text):
                continue
            key = ""
            here = [v for v in views if sent.start_char <= v.start < sent.end_char or
                    (v.sentence_start <= sent.start_char < v.sentence_end)]
            if here:
                key = here[0].speaker_key
            else:
                for m in self.index.overlapping(sent.start_char, sent.end_char):
                    if _speaker_key(m.name) in keys:
                        key = _speaker_key(m.name)
                        break
            out[(sent.start_char, sent.end_char)] = key
        return out


def extract_claims(doc: Doc, min_words: int = 2, author_claims: bool = True,
                   learned_min_precision: float = 0.4) -> list[Claim]:
    """The claims of a parsed document (entities from doc._.cs_entities when present).

    learned_min_precision: use the cue frames learned from annotated news (nlp/data/cues/learned.tsv)
    that were cues at least this often in training (above 1 turns them off).
    """
    return Finder(doc, min_words, author_claims, learned_min_precision).claims()


class Attribution:
    """spaCy component writing doc._.cs_claims."""

    def __init__(self, min_content_words: int, author_claims: bool, learned_min_precision: float) -> None:
        self.min_words = min_content_words
        self.author_claims = author_claims
        self.learned_min_precision = learned_min_precision

    def __call__(self, doc: Doc) -> Doc:
        """Attach the claims as plain dicts."""
        doc._.cs_claims = [dataclasses.asdict(c) for c in extract_claims(doc, self.min_words, self.author_claims,
                                                                            self.learned_min_precision)]
        return doc


@Language.factory(
    "cs_attribution",
    default_config={"min_content_words": 2, "author_claims": True, "learned_min_precision": 0.4},
    requires=["token.dep", "token.lemma", "doc.sents"],
    assigns=["doc._.cs_claims"],
)
def make_attribution(nlp: Language, name: str, min_content_words: int, author_claims: bool,
                     learned_min_precision: float) -> Any:
    """Factory of the cs_attribution component."""
    return Attribution(min_content_words, author_claims, learned_min_precision)
