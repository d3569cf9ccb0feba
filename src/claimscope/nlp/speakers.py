"""Who is speaking: resolve a subject phrase to a canonical entity, a group, a pronoun's antecedent, or
keep it as the description it is written as."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from claimscope.nlp.cues import lexicons

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SPACY_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "them"}
THING_PRONOUNS = {"it"}
FIRST_PERSON = {"i", "we", "me", "us"}
TIME_NOUNS = {"time", "moment", "period", "day", "days", "year", "years", "week", "month"}
RELATIVE = {"who", "which", "that", "whom"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"}
# Dependencies whose subtrees are not part of a speaker's name ("X, who leads Y," / "X, the director,").
NOT_NAME = {"relcl", "appos", "acl", "punct", "advcl", "parataxis", "cc", "conj", "prep_skip"}


@dataclass(frozen=True)
class Mention:
    """A stretch of text naming an entity, with that entity's canonical name and type."""

    start: int
    end: int
    name: str
    type: str


@dataclass
class Resolved:
    """A speaker as claimscope reports it."""

    speaker: str | list[str]
    kind: str  # entity | description | pronoun | author
    text: str
    type: str | None = None  # PERSON | ORG | PLACE for entities
    plural: bool = False
    head: str = ""  # the head noun of a description, lower case
    definite: bool = False  # a description opening with "the"


def _clean_name(text: str) -> str:
    text = re.sub(r"^(the|The)\s+", "", text.strip())
    return re.sub(r"['’]s$", "", text).strip()


@dataclass
class EntityIndex:
    """Entity mentions of one document: from cs_entities when present, else from spaCy's ents."""

    mentions: list[Mention] = field(default_factory=list)
    roles: dict[str, list[str]] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_doc(cls, doc: Doc) -> EntityIndex:
        """Build the index from doc._.cs_entities, falling back to doc.ents."""
        index = cls()
        ents: list[dict[str, Any]] = doc._.cs_entities or []
        for e in ents:
            name = str(e.get("name") or "")
            etype = str(e.get("type") or "")
            if not name:
                continue
            index.types[name] = etype
            if e.get("kind"):
                index.kinds[name] = str(e["kind"])
            index.roles[name] = [str(r) for r in e.get("roles") or []]
            for m in e.get("mentions") or []:
                if isinstance(m, dict):
                    start, end = int(m["start"]), int(m["end"])
                else:
                    start, end = int(m[0]), int(m[1])
                index.mentions.append(Mention(start, end, name, etype))
        if not index.mentions:
            index._from_spacy(doc)
        index.mentions.sort(key=lambda m: (m.start, -m.end))
        return index

    def _from_spacy(self, doc: Doc) -> None:
        persons: list[str] = []
        doc_text = doc.text
        acronyms: dict[str, str] = {}
        for ent in doc.ents:
            etype = SPACY_TYPES.get(ent.label_)
            if not etype:
                continue
            name = _clean_name(re.sub(r"\s*\(.*$", "", ent.text))
            if not name:
                continue
            name = acronyms.get(name, name)
            after = doc_text[ent.end_char:ent.end_char + 12]
            abbr = re.match(r"\s*\(([A-Z][A-Z.]{1,9})\)", after) or re.search(r"\(([A-Z][A-Z.]{1,9})\)?$", ent.text)
            if abbr and abbr.group(1) != name:
                acronyms[abbr.group(1)] = name
            # A surname alone names the person mentioned in full before (whatever spaCy took it for).
            full = next((p for p in reversed(persons) if p != name and p.split()[-1] == name), None)
            if full:
                name, etype = full, "PERSON"
            elif etype == "PERSON":
                persons.append(name)
            self.types.setdefault(name, etype)
            self.mentions.append(Mention(ent.start_char, ent.end_char, name, etype))
        for name, roles in _roles_from_parse(doc, self).items():
            self.roles.setdefault(name, []).extend(roles)

    def covering(self, start: int, end: int) -> Mention | None:
        """The longest mention that contains [start, end)."""
        best = None
        for m in self.mentions:
            if m.start <= start and end <= m.end and (best is None or m.end - m.start > best.end - best.start):
                best = m
        return best

    def overlapping(self, start: int, end: int) -> list[Mention]:
        """Mentions overlapping [start, end), in text order."""
        return [m for m in self.mentions if m.start < end and start < m.end]

    def last_before(self, pos: int, types: set[str]) -> Mention | None:
        """The last mention of one of these types that ends before pos."""
        best = None
        for m in self.mentions:
            if m.end <= pos and m.type in types:
                best = m
        return best


def _roles_from_parse(doc: Doc, index: EntityIndex) -> dict[str, list[str]]:
    """Roles from appositions ("X, the director of Y,") and copulas ("X is the director of Y")."""
    out: dict[str, list[str]] = {}
    doc_text = doc.text
    for tok in doc:
        mention = index.covering(tok.idx, tok.idx + len(tok.text))
        if mention is None or mention.type != "PERSON" or tok.dep_ in ("compound", "flat"):
            continue
        phrases = [c for c in tok.children if c.dep_ == "appos"]
        if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            phrases += [c for c in tok.head.children if c.dep_ == "attr"]
        if tok.dep_ == "appos":
            phrases.append(tok.head)
        for p in phrases:
            if index.covering(p.idx, p.idx + len(p.text)):
                continue
            words = [t for t in p.subtree if t.dep_ not in ("punct", "relcl") and not t.is_space]
            if words:
                text = doc_text[words[0].idx:words[-1].idx + len(words[-1].text)]
                out.setdefault(mention.name, []).append(_strip_det(text))
    return out


def _strip_det(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[\w'-]+", text.lower()) if w not in DETERMINERS}


def name_span(head: Token) -> Span:
    """The phrase that names a speaker: the head's subtree without clauses, appositions and
    coordination, as one contiguous span around the head."""
    excluded: set[int] = set()
    for child in head.children:
        # "former recruits quoted in the report": a short participle phrase is part of a description
        participle = (child.dep_ == "acl" and child.tag_ == "VBN" and child.i > head.i and head.pos_ == "NOUN"
                      and len(list(child.subtree)) <= 5 and not any(t.is_punct for t in child.subtree))
        # "officials at the time": when they spoke is not who they are
        when = child.dep_ == "prep" and any(g.dep_ == "pobj" and (g.ent_type_ in ("DATE", "TIME") or g.lemma_.lower()
                                            in TIME_NOUNS) for g in child.children)
        if (child.dep_ in NOT_NAME and not participle) or when:
            excluded.update(t.i for t in child.subtree)
    kept = {t.i for t in head.subtree} - excluded
    lo = hi = head.i
    while lo - 1 in kept:
        lo -= 1
    while hi + 1 in kept:
        hi += 1
    doc = head.doc
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    return doc[lo:hi + 1]


@dataclass
class SpeakerResolver:
    """Resolves speakers in text order, remembering earlier speakers for pronouns and references."""

    doc: Doc
    index: EntityIndex
    history: list[tuple[int, Resolved]] = field(default_factory=list)
    # Doc.text joins every token on each access: read it once.
    text: str = ""

    def __post_init__(self) -> None:
        self.text = self.doc.text

    def remember(self, pos: int, resolved: Resolved) -> None:
        """Record a resolved speaker at a text position (pronouns later refer back to it)."""
        self.history.append((pos, resolved))

    def _recent(self, pos: int, want: str) -> Resolved | None:
        for hpos, r in reversed(self.history):
            if hpos >= pos or r.kind == "author":
                continue
            if want == "person" and r.type == "PERSON" and isinstance(r.speaker, str):
                return r
            if want == "group" and (r.plural or isinstance(r.speaker, list) or r.type == "ORG"):
                return r
            if want == "thing" and (r.type == "ORG" or (r.kind == "description" and not r.plural)):
                return r
        return None

    def resolve(self, head: Token, quote_speaker: Resolved | None = None) -> Resolved | None:
        """The speaker named by the phrase headed by `head` (None when it names no one usable)."""
        lower = head.lower_
        pos = head.idx
        if lower in FIRST_PERSON:
            return quote_speaker
        if lower in PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS:
            want = "person" if lower in PERSON_PRONOUNS else "group" if lower in GROUP_PRONOUNS else "thing"
            found = self._recent(pos, want)
            if found is None and want == "person":
                m = self.index.last_before(pos, {"PERSON"})
                if m:
                    found = Resolved(m.name, "entity", m.name, "PERSON")
            if found is None and want in ("group", "thing"):
                m = self.index.last_before(pos, {"ORG"})
                if m:
                    found = Resolved(m.name, "entity", m.name, "ORG")
            if found is None:
                return None
            return Resolved(found.speaker, "pronoun", head.text, found.type, found.plural)
        conjuncts = [head] + [t for t in head.conjuncts if t.i > head.i]
        if len(conjuncts) > 1:
            parts = [self._resolve_one(c) for c in conjuncts]
            names = [p.speaker for p in parts if isinstance(p.speaker, str)]
            if all(p.kind == "entity" for p in parts) and len(set(names)) > 1:
                text = self.text[head.left_edge.idx:conjuncts[-1].idx + len(conjuncts[-1].text)]
                return Resolved(list(dict.fromkeys(names)), "entity", text, parts[0].type, True)
        return self._resolve_one(head)

    def _resolve_one(self, head: Token) -> Resolved:
        span = name_span(head)
        text = span.text.strip()
        plural = head.tag_ in ("NNS", "NNPS")
        lex = lexicons()
        mention = self.index.covering(head.idx, head.idx + len(head.text))
        if mention is not None:
            siblings = self._textual_coordination(mention)
            if siblings:
                return Resolved(siblings, "entity", text, mention.type, True)
            return Resolved(mention.name, "entity", text, mention.type)
        noun_class = lex.nouns.get(head.lower_) or lex.nouns.get(head.lemma_.lower())
        if noun_class == "role":
            org = self._modifier_org(head)
            if org is not None:
                return Resolved(org.name, "entity", text, org.type)
        if noun_class == "document":
            owner = self._document_owner(head)
            if owner is not None:
                return Resolved(owner.speaker, "entity", text, owner.type, owner.plural)
        named = self._named_by(head)
        if named is not None:
            return Resolved(named.name, "entity", text, named.type)
        org = self._definite_org(head) or self._body_ref(head)
        if org is not None:
            return Resolved(org.name, "entity", text, org.type)
        by_role = self._by_role(text, head)
        if by_role is not None:
            return by_role
        is_definite = any(c.lower_ == "the" and c.dep_ == "det" for c in head.children)
        if is_definite:
            earlier = self._same_head(head, noun_class)
            if earlier is not None:
                return Resolved(earlier.speaker, earlier.kind, text, earlier.type, earlier.plural,
                                earlier.head, earlier.definite)
        return Resolved(text, "description", text, None, plural, head.lower_, is_definite)

    def _definite_org(self, head: Token) -> Mention | None:
        """"The committee" after "the State Committee for National Security": the last organisation
        mentioned whose name holds the noun."""
        if head.pos_ != "NOUN" or not any(c.lower_ == "the" for c in head.children):
            return None
        if len(list(head.children)) > 1:
            return None
        noun = head.lower_
        best = None
        for m in self.index.mentions:
            if m.end <= head.idx and m.type == "ORG" and noun in m.name.lower().split():
                best = m
        return best

    def _same_head(self, head: Token, noun_class: str | None) -> Resolved | None:
        """"The source said" after "a source in the police told X": the nearest earlier speaker written
        with the same head noun; "the speaker" (noun class speaker) is the person who spoke last."""
        if any(c.dep_ in ("prep", "poss", "compound", "amod", "relcl", "acl") for c in head.children):
            return None
        lemma = head.lemma_.lower()
        for hpos, r in reversed(self.history):
            if hpos >= head.idx or r.kind == "author":
                continue
            if r.kind == "description" and r.head in (head.lower_, lemma):
                return r
        if noun_class == "speaker":
            return self._recent(head.idx, "person")
        return None

    def _body_ref(self, head: Token) -> Mention | None:
        """"The agency" / "the ministry" written after the organisation is named: the last organisation
        of a kind the noun can denote (bodies.tsv)."""
        kinds = lexicons().bodies.get(head.lower_)
        if not kinds or head.pos_ != "NOUN" or not any(c.lower_ == "the" for c in head.children):
            return None
        best = None
        for m in self.index.mentions:
            if m.end <= head.idx and m.type == "ORG" and self.index.kinds.get(m.name) in kinds:
                best = m
        return best

    def _named_by(self, head: Token) -> Mention | None:
        """The name a description goes on to give: "a Tajik militant named X", "the spokesman, X,",
        "one of them, who gives his name as X"."""
        for child in head.children:
            targets = [child] if child.dep_ == "appos" else []
            if child.dep_ == "prep" and (child.lower_ in ("including", "like") or (
                    child.lower_ == "as" and child.i > 0 and child.nbor(-1).lower_ == "such")):
                targets = [t for t in child.subtree if t.i != child.i]  # "rights groups such as X"
            if child.dep_ in ("acl", "relcl"):
                sub = list(child.subtree)
                at = next((i for i, t in enumerate(sub) if t.lemma_.lower() in ("name", "call", "identify")), None)
                if at is not None and (child.dep_ == "acl" or any(t.lower_ == "as" for t in sub[at:])):
                    targets = sub[at + 1:]
            for t in targets:
                m = self.index.covering(t.idx, t.idx + len(t.text))
                if m is not None and m.type in ("PERSON", "ORG"):
                    return m
        return None

    def _textual_coordination(self, mention: Mention) -> list[str] | None:
        """'A and B, who said ...': the mention right before "and" is a co-speaker of the same type."""
        before = self.text[max(0, mention.start - 6):mention.start]
        if not re.search(r"\band\s+$", before):
            return None
        cut = mention.start - len(before) + before.rfind("and")
        prev = [m for m in self.index.mentions if m.end <= cut and cut - m.end <= 2 and m.type == mention.type]
        if prev and prev[-1].name != mention.name:
            return [prev[-1].name, mention.name]
        return None

    def _modifier_org(self, head: Token) -> Mention | None:
        """The organisation a role noun speaks for: "UKMK officials", "a spokesman for the ministry"."""
        for child in head.children:
            toks: list[Token] = []
            if child.dep_ == "poss" and child.pos_ == "NOUN":
                body = self._definite_org(child) or self._body_ref(child)
                if body is not None:
                    return body
            if child.dep_ in ("compound", "poss", "nmod", "amod"):
                toks = list(child.subtree)
            elif child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "from", "with"):
                toks = [t for t in child.subtree if t.i != child.i]
            for t in toks:
                m = self.index.covering(t.idx, t.idx + len(t.text))
                if m is not None and m.type == "ORG":
                    return m
        return None

    def _document_owner(self, head: Token) -> Resolved | None:
        """Whose report or statement this is: its own "by X"/"X's", an earlier mention of the same
        document with its author, or the organisation that spoke last."""
        owner = self._owner_in_phrase(head)
        if owner is not None:
            return owner
        for tok in reversed(self.doc[:head.i]):
            if tok.lemma_.lower() == head.lemma_.lower():
                owner = self._owner_in_phrase(tok)
                if owner is not None:
                    return owner
                verb = tok.head
                if tok.dep_ in ("dobj", "pobj") and verb.pos_ in ("VERB", "NOUN"):
                    for c in verb.children:
                        if c.dep_ in ("nsubj", "poss") or (c.dep_ == "prep" and c.lower_ == "by"):
                            m = self._mention_in(c)
                            if m is not None:
                                return Resolved(m.name, "entity", m.name, m.type)
        if head.lemma_.lower() in ("statement", "report", "release", "communique", "communiqué"):
            recent = self._recent(head.idx, "thing")
            if recent is not None and recent.type == "ORG":
                return recent
        return None

    def _owner_in_phrase(self, noun: Token) -> Resolved | None:
        # "a report released on Monday by X": the agent of a participle on the noun is its owner.
        agents = [a for c in noun.children if c.dep_ == "acl" for a in c.children
                  if a.dep_ == "agent" or (a.dep_ == "prep" and a.lower_ == "by")]
        for c in list(noun.children) + agents:
            if c.dep_ == "agent" or (c in agents):
                m = self._mention_in(c)
                if m is not None and m.type in ("ORG", "PERSON"):
                    return Resolved(m.name, "entity", m.name, m.type)
                continue
            if c.dep_ in ("poss", "compound") or (c.dep_ == "prep" and c.lower_ in ("by", "of", "from")):
                m = self._mention_in(c)
                if m is not None and m.type in ("ORG", "PERSON"):
                    return Resolved(m.name, "entity", m.name, m.type)
        return None

    def _mention_in(self, tok: Token) -> Mention | None:
        for t in tok.subtree:
            m = self.index.covering(t.idx, t.idx + len(t.text))
            if m is not None:
                return m
        return None

    def _by_role(self, text: str, head: Token) -> Resolved | None:
        """A description that repeats an entity's role ("the director of a Bishkek-based think tank")."""
        words = _words(text)
        if not words or head.lower_ not in words:
            return None
        best: tuple[int, str] | None = None
        for name, roles in self.index.roles.items():
            for role in roles:
                rw = _words(role)
                if head.lower_ in rw and words <= rw:
                    first = min((m.start for m in self.index.mentions if m.name == name), default=0)
                    if best is None or first > best[0]:
                        best = (first, name)
        if best is None:
            return None
        return Resolved(best[1], "entity", text, self.index.types.get(best[1]))
