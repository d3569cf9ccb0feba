"""The `cs_entities` component: PERSON / ORG / PLACE entities with aliases, roles and mentions.

One entity per actor in a document, named as the document writes it in full; its other wordings and the
gazetteer's canonical name are its aliases (the store files the actor under the canonical name).

Candidates come from four places, best first: the actor gazetteer, rules on structure ("Kazakhstan's
state press service", "the Chui region", "the Religion, Law and Politics analytical center"), the place
gazetteer, and the statistical model's entities (cleaned of page furniture, leading verbs, possessives,
nationalities). Overlaps are resolved longest first; mentions are then linked into one cluster per actor
(claimscope.nlp.linking) and people get the roles the sentence gives them (claimscope.nlp.roles).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimscope.model import Entity, EntityMention
from claimscope.nlp.gazetteer import (
    Actor,
    ActorIndex,
    Place,
    PlaceIndex,
    is_acronym,
    load_actors,
    load_lexicon,
    load_places,
    load_rows,
    load_words,
    norm_key,
    spelling_key,
)
from claimscope.nlp.layout import Lines
from claimscope.nlp.linking import Cluster, Linker, Mention, base_key, same_person_variant, surname
from claimscope.nlp.roles import doc_roles

MODEL_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
PRIORITY = {"actor": 4, "rule": 3, "place": 2, "model": 1}
# Lower-case words allowed inside a proper name ("Islamic Movement of Uzbekistan", "Abu Bakr al-Baghdadi").
NAME_PARTICLES = {"of", "for", "and", "the", "al", "el", "bin", "ibn", "de", "del", "la", "le", "du", "van",
                  "von", "ul", "ud", "e", "i", "wal", "fi", "ash", "as", "ad", "an", "at", "on", "in", "-", "&",
                  "'s", "\u2019s", "da", "der", "y", "ar", "az", "abu", "bint", "ben"}
# Generic heads that a group's name takes in running text ("the Imam Bukhori group"): part of the mention,
# and the name without them is an alias too.
GROUP_HEADS = {"group", "faction", "organization", "organisation", "movement", "jamaat"}
PLACE_HEADS = {"region", "district", "province", "oblast", "valley", "governorate", "county", "raion",
               "prefecture", "gorge", "municipality", "rayon"}
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9/&.\-]{1,9}$")
_QUOTE_KEYS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'",
                             "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-"})
_POSSESSOR = re.compile(r"^[\w.\-]+(?:\s[\w.\-]+)?['\u2019]s\s+(.+)$")
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'"})
_INITIALS = re.compile(r"^(?:[A-Z]\.){2,4}$")
# "A.Kh." (the tokenizer leaves "A.Kh" and "."): initials with transliteration digraphs
_INITIALS_MIXED = re.compile(r"^(?:[A-Z][a-z]{0,2}\.){1,3}[A-Z][a-z]{0,2}\.?$")
# "/TASS/." in a wire dateline ("TASHKENT, October 4. /TASS/."): the outlet between slashes
_SLASHED = re.compile(r"^/([A-Za-z][\w\-]*)/\.?$")
_NISBA = re.compile(r"^(?:al|el|ad|as|ash|at|az|an|ar)-[A-Z][\w'\u2019]+$")
_NISBA_ARTICLES = {"al", "el", "ad", "as", "ash", "at", "az", "an", "ar"}


@dataclass
class Cand:
    """A candidate mention before overlaps are resolved."""

    start: int
    end: int
    type: str
    source: str
    actor: Actor | None = None
    place: Place | None = None
    kind: str | None = None
    country: str | None = None
    options: list[Actor] | None = None  # several gazetteer entries share the alias: chosen by country
    chars: tuple[int, int, str] | None = None  # the name inside its token ("/TASS/." -> "TASS")

    @property
    def rank(self) -> tuple[int, int]:
        """Longest first, then the more trusted source."""
        return (self.end - self.start, PRIORITY[self.source])


class EntityComponent:
    """Finds, types, links and describes the entities of a Doc; writes doc._.cs_entities."""

    def __init__(self, nlp: Language, fuzzy_threshold: float, min_city_population: int,
                 focus_countries: list[str], focus_min_population: int, trusted_population: int,
                 user_actors: str):
        self.actors: ActorIndex = load_actors(user_actors or None)
        self.places: PlaceIndex = load_places(min_city_population, tuple(focus_countries), focus_min_population,
                                              trusted_population)
        self.demonyms = load_lexicon("places/demonyms.tsv")
        self.gov_bodies = load_words("actors/lexicon/gov_bodies.txt")
        self.org_heads = load_lexicon("actors/lexicon/org_heads.tsv")
        self.lower_heads = {norm_key(r[0]) for r in load_rows("actors/lexicon/org_heads.tsv")
                            if len(r) > 2 and r[2] == "lower"}
        self.org_nouns = load_lexicon("actors/lexicon/org_nouns.tsv")
        self.titles = load_words("actors/lexicon/titles.txt")
        self.surname_suffixes = load_words("actors/lexicon/surname_suffixes.txt")
        self.byline_words = load_words("actors/lexicon/byline_words.txt")
        self.platforms = load_words("actors/lexicon/platforms.txt")
        self.directions = load_words("places/directions.txt")
        self.settlement_nouns = load_words("places/settlement_nouns.txt")
        self.kunya = load_words("actors/lexicon/kunya.txt")
        self.digraphs = load_words("actors/lexicon/initial_digraphs.txt")
        self.person_heads = load_words("actors/lexicon/person_heads.txt")
        self.event_words = load_words("actors/lexicon/event_words.txt")
        self.naming_words = load_words("actors/lexicon/naming_words.txt")
        self.kin_words = load_words("actors/lexicon/kin_words.txt")
        self.linker = Linker(fuzzy_threshold, self._actor_for_key)
        self.tokenizer = nlp.tokenizer
        self._first: dict[str, int] = {}
        for key in [*self.actors.by_key, *self.places.by_key]:
            first = _first_part(key)
            self._first[first] = max(self._first.get(first, 0), len(key))
        self._surnames: dict[str, list[Actor]] = {}
        for actor in self.actors.actors:
            if actor.type == "PERSON":
                for name in {surname(n) for n in (actor.name, *actor.aliases) if " " in n.strip()}:
                    self._surnames.setdefault(name, []).append(actor)
        self._org_head_first = {h.split()[0] for h in self.lower_heads}
        # organisations under a spelling-blind key ("Jaysh al-Muhajireen" finds "Jaish al-Muhajireen ...")
        self._spellings: dict[str, list[Actor]] = {}
        for actor in self.actors.actors:
            if actor.type != "ORG":
                continue
            for form in (actor.name, *actor.aliases):
                key = spelling_key(form)
                if len(form.split()) >= 2 and len(key) >= 8 and not is_acronym(form):
                    group = self._spellings.setdefault(key, [])
                    if actor not in group:
                        group.append(actor)
        self._toks: list[Token] = []
        self._gov_max = max((len(g.split()) for g in self.gov_bodies), default=1)
        self._countries: Counter[str] = Counter()

    # ------------------------------------------------------------------------------------------ public

    def __call__(self, doc: Doc) -> Doc:
        """Annotate one Doc."""
        try:
            doc._.cs_entities = [_as_dict(e) for e in self._find(doc)]
        finally:
            self._toks = []  # no token of this Doc outlives the call (the component is pickled for workers)
        return doc

    def _find(self, doc: Doc) -> list[Entity]:
        lines = Lines(doc)
        self._toks = lines.tokens
        self._countries = Counter()
        model_places = {(e.start, e.end) for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC", "NORP")}
        cands = self._gazetteer_cands(doc, lines, model_places)
        self._count_countries(doc, cands)
        for c in cands:
            if c.place is not None and c.source == "place":
                c.place = self._choose_place(norm_key(doc[c.start:c.end].text), c.place)
                c.country = c.place.country
            if c.options is not None and len(c.options) > 1:
                actor = self._choose_actor(c.options)
                c.actor = actor
                c.source = "actor" if actor is not None else "rule"
                if actor is not None:
                    c.kind, c.country = actor.kind, actor.country
                else:
                    c.country = None
        cands += self._rule_cands(doc, lines)
        cands += self._model_cands(doc, lines)
        chosen = self._select(cands)
        chosen += self._possessors(doc, chosen)
        self._retype(doc, chosen)
        self._same_name_same_type(doc, chosen)
        self._places_in_lists(doc, chosen)
        mentions, acronyms = self._mentions(doc, chosen)
        clusters = self.linker.link(mentions, acronyms)
        self._add_bare_mentions(doc, mentions, clusters, acronyms)
        found = self._entities(doc, mentions, clusters)
        title = doc._.cs_title if Doc.has_extension("cs_title") else None
        if title:
            self._add_title(str(title), found)
        author = doc._.cs_author if Doc.has_extension("cs_author") else None
        if author:
            self._add_author(str(author), found)
        return found

    def _add_title(self, title: str, found: list[Entity]) -> None:
        """Known actors and places the headline names (it is not part of the text): aliases, no mentions."""
        tdoc = self.tokenizer(title.replace("\n", " "))
        lines = Lines(tdoc)
        lines.kinds = ["heading"] * len(lines.kinds)
        for c in self._select(self._gazetteer_cands(tdoc, lines, set())):
            if c.options is not None and len(c.options) > 1:
                c.actor = self._choose_actor(c.options)
                if c.actor is None:
                    continue
            surface = _display(tdoc[c.start:c.end].text)
            canonical = c.actor.name if c.actor else c.place.name if c.place else surface
            etype = c.actor.type if c.actor else "PLACE"
            keys = {norm_key(surface), norm_key(canonical)}
            same = next((e for e in found if e.type == etype and keys & {norm_key(e.name), *map(norm_key, e.aliases)}),
                        None)
            if same is not None:
                if norm_key(surface) not in {norm_key(same.name), *map(norm_key, same.aliases)}:
                    same.aliases.append(surface)
                continue
            name = self._doc_name(etype, Counter([surface]), canonical, c.actor)
            lat = c.place.lat if c.place and etype == "PLACE" else None
            lon = c.place.lon if c.place and etype == "PLACE" else None
            found.append(Entity(name=name, type=etype, kind=c.actor.kind if c.actor and etype != "PLACE" else None,
                                country=c.country, aliases=[canonical] if norm_key(canonical) != norm_key(name) else [],
                                lat=lat, lon=lon))

    def _add_author(self, author: str, found: list[Entity]) -> None:
        """The byline's people, with the role 'author' (an outlet, desk or wire in the byline is no person)."""
        for part in re.split(r"\s*(?:,|;|&|\band\b)\s*", author):
            self._add_one_author(part, found)

    def _add_one_author(self, author: str, found: list[Entity]) -> None:
        name = re.sub(r"\s+", " ", author).strip(" -\u2014,")
        words = name.split()
        if self.actors.lookup(name) or not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) or \
                any(ch.isdigit() for ch in name) or any(norm_key(w) in self.byline_words for w in words) or \
                any(self.actors.lookup(" ".join(words[:k])) for k in range(1, len(words))):
            return
        key = norm_key(name)
        for e in found:
            if e.type == "PERSON" and key in {norm_key(e.name), *map(norm_key, e.aliases)}:
                if "author" not in e.roles:
                    e.roles.append("author")
                return
        found.append(Entity(name=name, type="PERSON", roles=["author"]))

    # --------------------------------------------------------------------------------- candidates

    def _gazetteer_cands(self, doc: Doc, lines: Lines, model_places: set[tuple[int, int]]) -> list[Cand]:
        out: list[Cand] = []
        text = lines.text
        low = text.lower().translate(_QUOTE_KEYS)
        if len(low) != len(text):  # a few characters change length when lower-cased: slow path
            low = ""
        n = len(doc)
        toks = lines.tokens
        ends = [t.idx + len(t.text) for t in toks]
        breaks = [("\n" in t.text or "\n" in t.whitespace_) for t in toks]
        for i, tok in enumerate(toks):
            first_char = tok.text[:1]
            if first_char.isdigit() and _first_part(tok.lower_) in self._first:
                pass  # "24.kg", "7x7": outlets whose names start with a digit
            elif not first_char.isalpha():
                slashed = _SLASHED.match(tok.text)
                found = self.actors.lookup(slashed.group(1)) if slashed else None
                if slashed and found and found[0].type == "ORG":
                    inner = slashed.group(1)
                    out.append(Cand(i, i + 1, "ORG", "actor", actor=found[0], kind=found[0].kind,
                                    country=found[0].country, options=found,
                                    chars=(tok.idx + 1, tok.idx + 1 + len(inner), inner)))
                continue
            maxlen = self._first.get(_first_part(tok.lower_))
            if maxlen is None:
                continue
            start_char = tok.idx
            best_actor: tuple[int, list[Actor]] | None = None
            best_place: tuple[int, Place] | None = None
            j = i
            while j < n:
                if "\n" in toks[j].text or (j > i and breaks[j - 1]):
                    break
                end_char = ends[j]
                if end_char - start_char > maxlen + 2:
                    break
                key = low[start_char:end_char] if low else norm_key(text[start_char:end_char])
                if "  " in key or key.startswith("the "):
                    key = norm_key(key)
                if key in self.actors.by_key:
                    surface = text[start_char:end_char]
                    actors = self.actors.lookup(surface)
                    if actors and self._case_ok(surface, lines.heading(i)):
                        best_actor = (j + 1, actors)
                place = self.places.by_key.get(key)
                if place is not None and (first_char.isupper() or lines.heading(i) or (
                        j > i and self._direction_region(toks, i, key, place))):
                    best_place = (j + 1, place)
                j += 1
            if best_actor is not None and not lines.furniture(i, best_actor[0]) and not (
                    lines.heading(i) and norm_key(best_actor[1][0].name) in self.platforms):
                end, actors = best_actor
                a0 = actors[0]
                if a0.kind in ("armed_group", "party") and end < n and toks[end].lower_ in GROUP_HEADS and \
                        toks[end].text.islower() and not breaks[end - 1]:
                    end += 1  # "the Imam Bukhori group"
                # several entries share the alias: chosen once the document's countries are counted
                out.append(Cand(i, end, a0.type, "actor", actor=a0, kind=a0.kind, country=a0.country,
                                options=actors))
            if best_place is not None:
                end, place = best_place
                key = norm_key(text[toks[i].idx:ends[end - 1]])
                needs_model = key in self.places.ambiguous or key in self.places.weak
                if lines.furniture(i, end):
                    continue
                if not needs_model or (i, end) in model_places:
                    out.append(Cand(i, end, "PLACE", "place", place=place, country=place.country))
        return out

    def _direction_region(self, toks: list[Token], i: int, key: str, place: Place) -> bool:
        """'central Asia' names Central Asia; 'west Kazakhstan' is a part of a country, not its region."""
        if toks[i].lower_ not in self.directions or place.rank != 1 or (i > 0 and toks[i - 1].text == "-"):
            return False
        rest = self.places.by_key.get(key.split(" ", 1)[-1])
        return rest is None or rest.rank != 0

    def _case_ok(self, surface: str, heading: bool) -> bool:
        """An alias matches only with its own capitals ("Current Time", not "current time"; "LeT", not "let")."""
        key = norm_key(surface)
        forms = self.actors.forms.get(key, ())
        surface = surface.translate(_FOLD)
        if surface[:1].islower() and not any(f[:1].islower() for f in forms):
            return False
        mixed = [f for f in forms if " " not in f and any(c.isupper() for c in f[1:]) and
                 any(c.islower() for c in f) and "-" not in f]
        if mixed and len(mixed) == len(forms) and surface not in mixed:
            return False
        if heading:
            return True
        words = surface.split()
        if len(words) < 2:
            return True
        for form in forms:
            fw = form.split()
            if len(fw) == len(words) and all(a[:1].isupper() == b[:1].isupper() for a, b in zip(fw[1:], words[1:], strict=True)):
                return True
        return False

    def _choose_actor(self, actors: list[Actor]) -> Actor | None:
        """One entry for an alias several entries share, by the countries the document names."""
        if len(actors) == 1:
            return actors[0]
        scored = sorted(actors, key=lambda a: self._countries.get(a.country or "", 0), reverse=True)
        if self._countries.get(scored[0].country or "", 0) == 0:
            return None
        return scored[0]

    def _choose_place(self, key: str, default: Place) -> Place:
        """A city name several countries share means the one in the countries the document names most."""
        options = self.places.options(key)
        if len(options) < 2:
            return default
        best = max(options, key=lambda p: self._countries.get(p.country or "", 0))
        return best if self._countries.get(best.country or "", 0) > self._countries.get(default.country or "", 0) \
            else default

    def _count_countries(self, doc: Doc, cands: list[Cand]) -> None:
        for c in cands:
            if c.source == "place" and c.place is not None and c.place.country:
                if norm_key(doc[c.start:c.end].text) not in self.places.alts:  # shared city names do not vote
                    self._countries[c.place.country] += 1
            elif c.actor is not None and c.actor.country and (c.options is None or len(c.options) == 1):
                self._countries[c.actor.country] += 1
        for tok in self._toks:
            cc = self.demonyms.get(tok.lower_) if tok.text[:1].isupper() else None
            if cc:
                self._countries[cc] += 1

    def _rule_cands(self, doc: Doc, lines: Lines) -> list[Cand]:
        out: list[Cand] = []
        n = len(doc)
        for i, tok in enumerate(lines.tokens):
            low = tok.lower_
            # "Kazakhstan's state press service", "the Kazakh interior ministry"
            if tok.tag_ == "POS" or low in ("'s", "\u2019s"):
                left = self._name_left(doc, i)
                end = self._gov_body_at(doc, i + 1) if left is not None else 0
                for s in range(left if left is not None else i, i) if end else ():
                    place = self.places.lookup(doc[s:i].text)
                    if place is not None and place.rank == 0:
                        out.append(Cand(s, end, "ORG", "rule", kind="government", country=place.country))
                        break
            elif tok.text[:1].isupper() and low in self.demonyms and i + 1 < n:
                end = self._gov_body_at(doc, i + 1, lowercase_only=True)
                if end:
                    out.append(Cand(i, end, "ORG", "rule", kind="government", country=self.demonyms[low] or None))
            # "the Chui region", "Tajikistan's Yovon district"
            if low in PLACE_HEADS and i > 0:
                left = self._name_left(doc, i, max_tokens=3)
                if left is not None and not all(t.lower_ in self.demonyms for t in doc[left:i]) and \
                        not any(self.demonyms.get(t.lower_) == "" for t in doc[left:i + 1]) and \
                        (self.places.lookup(doc[left:i].text) is not None or
                         not any(t.ent_type_ in ("ORG", "PERSON") for t in doc[left:i + 1])):
                    # no "Islamic ... Province" (a group's name) unless the name is a known place ("Nookat")
                    base = self.places.lookup(doc[left:i].text)
                    if base is None or base.rank > 0:
                        # "Rasht district" is not the city of Rasht: only a region lends its record
                        place = self.places.lookup(doc[left:i + 1].text) or (base if base and base.rank == 1
                                                                             else None)
                        for head_word in ("region", "province", "oblast") if place is None else ():
                            place = self.places.lookup(f"{doc[left:i].text} {head_word}")
                            if place is not None and place.rank == 1:
                                break  # "Kyzylorda Province" is the Kyzylorda region
                            place = None
                        out.append(Cand(left, i + 1, "PLACE", "rule", place=place,
                                        country=place.country if place else None))
            # "the Religion, Law and Politics analytical center"
            if low in self._org_head_first and tok.text.islower():
                head = self._org_head_at(doc, i)
                if head:
                    end, kind = head
                    left = self._name_left(doc, i, allow_lower=1, connectors=True)
                    named_after = end < n and (doc[end].text[:1].isupper() or doc[end].ent_type_)
                    if left is not None and not named_after and not self._known(doc, left, i) and \
                            not all(t.lower_ in self.demonyms for t in doc[left:i]
                                    if t.is_alpha and t.text[:1].isupper()):
                        out.append(Cand(left, end, "ORG", "rule", kind=kind))
            # "Islamic State Khorasan Province's (ISKP)": a name its acronym defines is an organisation
            if tok.text == "(" and i + 2 < n and doc[i + 2].text == ")" and _ACRONYM.match(doc[i + 1].text):
                cand = self._acronym_definition(doc, i, doc[i + 1].text)
                if cand is not None:
                    out.append(cand)
            # "M.M.M.": initials that stand for a person's name (security services' releases)
            if (_INITIALS.match(tok.text) or self._mixed_initials(tok.text)) and not self.actors.lookup(tok.text) \
                    and self.places.lookup(tok.text) is None and not lines.heading(i):
                # the tokenizer may leave the last dot apart ("A.Kh" ".")
                glued = not tok.text.endswith(".") and i + 1 < n and doc[i + 1].text == "." and not tok.whitespace_
                out.append(Cand(i, i + 2 if glued else i + 1, "PERSON", "rule"))
            # "Saidakhmad, a 22-year-old from Istaravshan, told ...": a first name before a person apposition
            if tok.is_sent_start and tok.is_alpha and tok.text[:1].isupper() and not tok.is_upper and \
                    not tok.is_stop and tok.pos_ == "PROPN" and tok.ent_type_ in ("", "PERSON") and \
                    self._appositive_person(doc, i) and \
                    not self.actors.lookup(tok.text) and self.places.lookup(tok.text) is None and \
                    low not in self.demonyms and low not in self.titles and not lines.heading(i):
                out.append(Cand(i, i + 1, "PERSON", "rule"))
            # "Abu Muslim al-Kazakhi": a kunya and its nisba, a militant's nom de guerre
            if low in self.kunya and tok.text[:1].isupper() and not lines.heading(i):
                end = self._kunya_end(doc, i)
                if end:
                    out.append(Cand(i, end, "PERSON", "rule"))
        return [c for c in out if not lines.furniture(c.start, c.end)]

    def _mixed_initials(self, text: str) -> bool:
        """'A.Kh.', 'Sh.M.': initials where each two- or three-letter part is a transliteration digraph."""
        if not _INITIALS_MIXED.match(text):
            return False
        parts = [p for p in text.split(".") if p]
        return len(parts) >= 2 and any(len(p) > 1 for p in parts) and \
            all(len(p) == 1 or p.lower() in self.digraphs for p in parts)

    def _kunya_end(self, doc: Doc, i: int) -> int:
        """End of 'Abu <Name>[ <Name>][ al-<Nisba>]' starting at token i, or 0 (a place, a group, no name)."""
        n = len(doc)

        def name_word(t: Token) -> bool:
            return t.text[:1].isupper() and all(ch.isalpha() or ch in "'\u2019-" for ch in t.text) and \
                "\n" not in t.whitespace_

        if "\n" in doc[i].whitespace_:
            return 0
        j = i + 1
        while j < n and j - i <= 3 and name_word(doc[j]) and not _NISBA.match(doc[j].text):
            j += 1
        if j == i + 1:
            return 0
        nisba = False
        if j < n and _NISBA.match(doc[j].text):
            j, nisba = j + 1, True
        elif j + 2 < n and doc[j].lower_ in _NISBA_ARTICLES and doc[j + 1].text == "-" and name_word(doc[j + 2]):
            j, nisba = j + 3, True
        for k in range(i + 2, j + 1):
            if self.places.lookup(doc[i:k].text) is not None:
                return 0  # "Abu Dhabi"
        if doc[j - 1].lower_ in self.org_heads or (j < n and doc[j].lower_ in self.org_heads):
            return 0  # "the Abu Sayyaf group"
        if not nisba and any(t.ent_type_ in ("GPE", "LOC", "FAC", "ORG") for t in doc[i:j]):
            return 0  # "Abu Ghraib": the model knows it as a place
        return j

    def _acronym_definition(self, doc: Doc, paren: int, acronym: str) -> Cand | None:
        """The capitalised name right before '(ACR)' when ACR abbreviates it (initials in order)."""
        end = paren - 1 if paren > 0 and doc[paren - 1].tag_ == "POS" else paren
        start = end
        while start > 0 and end - start < 10:
            t = doc[start - 1]
            if t.text[:1].isupper() or (t.lower_ in {"of", "for", "and", "the", "on", "in", "-"}
                                        and start < end and doc[start].text[:1].isupper()):
                start -= 1
            else:
                break
        letters = [c for c in acronym.upper() if c.isalpha()]
        if not letters:
            return None
        # the name starts at the word the acronym starts with ("The Collective Security ..." -> "Collective")
        while start < end and (doc[start].text[:1] != letters[0] or doc[start].is_stop):
            start += 1
        if end - start < 2:
            return None
        initials = "".join(p[0] for t in doc[start:end] if t.text[:1].isupper()
                           for p in re.split(r"[-/]", t.text) if p[:1].isupper())
        pos = 0
        for c in letters:  # the acronym's letters appear among the initials, in order
            pos = initials.find(c, pos) + 1
            if pos == 0:
                return None
        if not initials.startswith(letters[0]) or self.places.lookup(doc[start:end].text) is not None:
            return None
        return Cand(start, end, "ORG", "rule", kind=self.org_heads.get(doc[end - 1].lower_))

    def _known(self, doc: Doc, start: int, end: int) -> bool:
        """True when the capitalised words before a generic head are already a known actor or place."""
        j = end
        while j > start and doc[j - 1].text.islower():
            j -= 1
        surface = doc[start:j].text
        return bool(self.actors.lookup(surface)) or self.places.lookup(surface) is not None

    def _name_left(self, doc: Doc, i: int, max_tokens: int = 6, allow_lower: int = 0,
                   connectors: bool = False) -> int | None:
        """Start of the capitalised name that ends right before token i (lower-case adjectives allowed)."""
        j = i - 1
        lowers = 0
        while j >= 0 and allow_lower and doc[j].text.islower() and doc[j].pos_ in ("ADJ", "NOUN") and \
                lowers < allow_lower:
            j -= 1
            lowers += 1
        end = j + 1
        start = None
        k = j
        while k >= 0 and end - k <= max_tokens + (4 if connectors else 0):
            t = doc[k]
            if "\n" in t.text or "\n" in t.whitespace_:
                break
            if t.text[:1].isupper() and t.is_alpha or (t.text[:1].isupper() and "-" in t.text):
                start = k
            elif t.text == "-" and start == k + 1 and k > 0 and doc[k - 1].text[:1].isupper() and \
                    not t.whitespace_ and not doc[k - 1].whitespace_:
                pass  # "Kara-Suu" written as three tokens
            elif connectors and t.lower_ in {",", "and", "of", "for", "&"} and start == k + 1:
                pass
            else:
                break
            k -= 1
        while start is not None and start < end and (doc[start].is_stop or doc[start].pos_ in ("DET", "NUM")
                                                     or doc[start].like_num):
            start += 1
        if start is None or start >= end:
            return None
        # a sentence-initial capital alone is not a name ("Riot police"): need a proper noun after it
        if end - start == 1 and doc[start].is_sent_start:
            return None
        if not any(t.pos_ == "PROPN" or t.ent_type_ for t in doc[start:end]):
            return None
        return start

    def _gov_body_at(self, doc: Doc, i: int, lowercase_only: bool = False) -> int:
        """End token of a state-body phrase starting at token i ('interior ministry'), or 0."""
        best = 0
        words: list[str] = []
        for j in range(i, min(len(doc), i + self._gov_max)):
            t = doc[j]
            if lowercase_only and not t.text.islower():
                break
            words.append(t.lower_)
            if " ".join(words).replace(" 's", "'s").replace(" \u2019s", "'s") in self.gov_bodies:
                best = j + 1
        return best

    def _org_head_at(self, doc: Doc, i: int) -> tuple[int, str] | None:
        """(end, kind) when token i starts a lower-case organisation head ('analytical center')."""
        for span_len in (2, 1):
            if i + span_len > len(doc):
                continue
            phrase = " ".join(x.lower_ for x in doc[i:i + span_len])
            if phrase in self.lower_heads:
                return i + span_len, self.org_heads[phrase]
        return None

    def _model_cands(self, doc: Doc, lines: Lines) -> list[Cand]:
        out: list[Cand] = []
        for ent in doc.ents:
            label = ent.label_
            if label not in MODEL_TYPES:
                continue
            span = self._clean_span(doc, ent)
            if span is None:
                continue
            start, end = span
            if lines.heading(start) and not (label == "PERSON" and lines.byline(start, end)):
                continue
            if lines.furniture(start, end):
                continue
            if label == "ORG" and end - start > 2 and start > 0 and doc[start - 1].is_quote and \
                    doc[end - 1].lower_ not in self.org_heads:
                continue  # a quoted title ("Makers of Epic Battles Series"), not an organisation
            if label == "PERSON" and end - start == 1 and self._names_a_thing(doc, start):
                continue
            if doc[start].lower_ in self.event_words and doc[start].text[:1].isupper() and \
                    not self.actors.lookup(doc[start:end].text):
                continue  # "Operation Zhusan" is an event
            if label == "PERSON":
                start = self._initials_before(doc, start)
            kind = self.org_heads.get(doc[end - 1].lower_) if label == "ORG" else None
            etype = MODEL_TYPES[label]
            if end - start == 2 and _INITIALS.match(doc[end - 1].text):
                etype, kind = "PERSON", None  # "Mirzoev D.B.": a surname with initials
            elif label == "ORG" and start > ent.start and doc[start - 1].lower_ in self.titles and kind is None \
                    and all(t.pos_ == "PROPN" for t in doc[start:end]) and end - start <= 3:
                etype = "PERSON"  # "Junior Sergeant Maksat Salimbayev": a rank, then a name
            elif label == "PERSON" and doc[end - 1].text[:1].isupper() and doc[end - 1].lower_ in self.org_heads:
                etype, kind = "ORG", self.org_heads[doc[end - 1].lower_]  # "Nezavisimaya Gazeta" is no person
            elif label == "ORG" and kind is None and 2 <= end - start <= 3 and self._surname_like(doc[end - 1].text) \
                    and all(t.text[:1].isupper() and t.is_alpha for t in doc[start:end]):
                etype = "PERSON"  # "Bakyt Osmonaliev": the model often calls a regional name an ORG
            spelled = self._spelling_variant(doc, start, end) if etype in ("PERSON", "ORG") else None
            if spelled is not None:
                s_end, actors = spelled
                a0 = actors[0]
                out.append(Cand(start, s_end, "ORG", "actor", actor=a0, kind=a0.kind, country=a0.country,
                                options=actors))
                continue
            actor = self._person_variant(doc[start:end].text) if etype == "PERSON" and end - start > 1 else None
            if actor is not None:
                out.append(Cand(start, end, "PERSON", "actor", actor=actor, kind=actor.kind, country=actor.country))
                continue
            out.append(Cand(start, end, etype, "model", kind=kind))
        return out

    def _spelling_variant(self, doc: Doc, start: int, end: int) -> tuple[int, list[Actor]] | None:
        """A known organisation under another transliteration, its name possibly running on past the
        model's span ("Jaysh al-Muhajireen | wal-Ansar"): (end, entries) or None."""
        if end - start < 2 or self.actors.lookup(doc[start:end].text):
            return None
        stop = end
        while stop < len(doc) and stop - end < 5 and "\n" not in doc[stop - 1].whitespace_:
            t = doc[stop]
            if not (t.text == "-" or t.lower_ in NAME_PARTICLES or (t.text[:1].isupper() and
                                                                      t.text.replace("-", "").isalpha())):
                break
            stop += 1
        for e in range(stop, end - 1, -1):
            if doc[e - 1].text == "-" or doc[e - 1].lower_ in NAME_PARTICLES:
                continue
            found = self._spellings.get(spelling_key(doc[start:e].text))
            if found:
                return e, found
        return None

    def _initials_before(self, doc: Doc, start: int) -> int:
        """'Sh. Tursunov', 'A. B. Karimov': initials written before a surname belong to the name
        (the tokenizer writes 'Sh.' as 'Sh' and '.')."""

        def initial(text: str) -> bool:
            return bool(re.fullmatch(r"[A-Z][a-z]{0,2}", text)) and (len(text) == 1 or text.lower() in self.digraphs)

        k = start
        for _ in range(3):
            if k > 0 and "\n" not in doc[k - 1].whitespace_ and doc[k - 1].text.endswith(".") and \
                    initial(doc[k - 1].text[:-1]):
                k -= 1
            elif k > 1 and doc[k - 1].text == "." and "\n" not in doc[k - 1].whitespace_ and \
                    not doc[k - 2].whitespace_ and initial(doc[k - 2].text):
                k -= 2
            else:
                break
        return k

    def _names_a_thing(self, doc: Doc, i: int) -> bool:
        """'Kalashnikov rifles', 'Makarov pistol': a lone name modifying the common noun right after it."""
        tok = doc[i]
        head = tok.head
        if tok.dep_ != "compound" or head.i <= i or head.pos_ != "NOUN" or not head.text.islower():
            return False
        if any(not t.text.islower() for t in doc[i + 1:head.i + 1]):
            return False
        if head.lower_ in self.person_heads or head.lower_ in self.titles or head.lower_ in self.org_heads or \
                head.lower_ in self.org_nouns:
            return False  # "the Karimov regime", "the Rahmon government"
        return not self.actors.lookup(tok.text)

    def _surname_like(self, word: str) -> bool:
        low = word.lower()
        return len(low) > 4 and any(low.endswith(suffix) for suffix in self.surname_suffixes) and \
            not self.actors.lookup(word) and self.places.lookup(word) is None

    def _person_variant(self, text: str) -> Actor | None:
        """A known person under another spelling of the given name ("Emamoli Rahmon")."""
        for actor in self._surnames.get(surname(text), []):
            if any(same_person_variant(text, name) for name in (actor.name, *actor.aliases)):
                return actor
        return None

    def _clean_span(self, doc: Doc, ent: Span) -> tuple[int, int] | None:
        """The entity without furniture, leading verbs and articles, possessives and titles."""
        start, end = ent.start, ent.end
        for k in range(start, end):  # an entity never crosses a line break
            if "\n" in doc[k].text or (k < end - 1 and "\n" in doc[k].whitespace_):
                if k == start and "\n" in doc[k].text:
                    start = k + 1
                    continue
                end = k + 1 if "\n" not in doc[k].text else k
                break
        for k in range(start, end):  # nor an opening parenthesis: "... Kyrgyzstan (SCNS"
            if doc[k].text in ("(", "[", "|"):
                end = k
                break
        if end - start > 1 and doc[start].is_sent_start and doc[start].text.endswith("ing") and \
                not self.actors.lookup(doc[start].text):
            start += 1  # "Citing Kazakhstan's ..." is not a person
        while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].pos_ in ("DET", "VERB", "ADV", "AUX", "NUM")
                               or doc[start].tag_ in ("VBG", "VBN", "VBD", "VB", "DT", "MD", "CD")
                               or doc[start].lower_ in self.titles
                               or (doc[start].lower_ in self.demonyms and ent.label_ == "PERSON")):
            start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].tag_ == "POS"
                               or doc[end - 1].lower_ in self.titles):
            end -= 1
        for k in range(start, end):  # "Kazakhstan's state press service" splits at the possessive
            if doc[k].tag_ == "POS" or doc[k].lower_ in ("'s", "\u2019s", "\u201ds"):
                end = k
                break
        if start >= end:
            return None
        toks = doc[start:end]
        if not any(t.text[:1].isupper() for t in toks):
            return None
        if all(t.lower_ in self.demonyms or t.lower_ in self.titles or not t.is_alpha for t in toks):
            return None
        if norm_key(toks.text) in self.demonyms:
            return None
        known = bool(self.actors.lookup(toks.text)) or self.places.lookup(toks.text) is not None
        if end - start == 1 and doc[start].is_sent_start and not doc[start].is_upper and not known and \
                self._initials_before(doc, start) == start and not self._appositive_person(doc, start):
            return None  # a capitalised first word the model guessed at ("Unofficial", "Valery")
        if ent.label_ in ("GPE", "LOC") and toks.text.isupper() and len(toks.text) <= 3 and not known:
            return None  # an unknown short acronym is a credit or outlet, not a place ("ST", "KP")
        if end < len(doc) and doc[end].lower_ in self.titles and doc[end].text[:1].isupper() and not known:
            return None  # "Interior" in "Interior Minister X" is part of a title
        if "/" in toks.text and not known:
            return None  # photo credits: "Sputnik/Pavel Bednyakov"
        if ent.label_ == "ORG" and _INITIALS.match(doc[end - 1].text) and end - start == 2:
            pass  # handled by the caller as a person ("Mirzoev D.B.")
        for t in toks:  # proper names hold no lower-case content words ("the Islamic State video")
            if t.is_alpha and t.text.islower() and t.lower_ not in NAME_PARTICLES and len(t.text) > 3:
                return None
        return start, end

    # ---------------------------------------------------------------------------------- selection

    def _select(self, cands: list[Cand]) -> list[Cand]:
        known = [c for c in cands if c.source == "actor" and c.end - c.start > 1]
        cands = [c for c in cands if c.source != "model" or not any(
            c.start <= k.start and k.end <= c.end and (k.start, k.end) != (c.start, c.end) for k in known)]
        taken: dict[int, Cand] = {}
        chosen: list[Cand] = []
        for c in sorted(cands, key=lambda c: c.rank, reverse=True):
            if any(k in taken for k in range(c.start, c.end)):
                continue
            for k in range(c.start, c.end):
                taken[k] = c
            chosen.append(c)
        chosen.sort(key=lambda c: c.start)
        return chosen

    def _possessors(self, doc: Doc, chosen: list[Cand]) -> list[Cand]:
        """The country in "Kazakhstan's interior ministry" is a mention of its own (inside the body's)."""
        out = []
        for c in chosen:
            if c.type != "ORG":
                continue
            for k in range(c.start + 1, min(c.end, c.start + 4)):
                if doc[k].tag_ == "POS" or doc[k].lower_ in ("'s", "\u2019s"):
                    place = self.places.lookup(doc[c.start:k].text)
                    if place is not None and place.rank == 0:
                        out.append(Cand(c.start, k, "PLACE", "place", place=place, country=place.country))
                    break
        return out

    def _retype(self, doc: Doc, chosen: list[Cand]) -> None:
        """Types from knowledge and structure beat the model's guess."""
        for c in chosen:
            if c.source == "model":
                surface = doc[c.start:c.end].text
                place = self.places.lookup(surface)
                if place is not None and c.type != "PLACE" and (c.end - c.start == 1 or place.rank <= 1):
                    c.type, c.place, c.country = "PLACE", place, place.country
                elif place is not None and c.type == "PLACE":
                    c.place, c.country = place, place.country
            # "identified only by his first name, Valery": the name a person goes by
            if c.source == "model" and c.actor is None and c.type != "PERSON" and c.end - c.start <= 3 and \
                    self._after_naming_word(doc, c.start):
                c.type, c.kind, c.place, c.source = "PERSON", None, None, "rule"
                continue
            # "the village of Sairam": a settlement noun names a place whatever the model said
            if c.source == "model" and c.actor is None and c.type != "PLACE" and c.start > 1 and \
                    doc[c.start - 1].lower_ == "of" and doc[c.start - 2].text.islower() and \
                    doc[c.start - 2].lower_ in self.settlement_nouns:
                c.type, c.kind = "PLACE", None
                continue
            # "a faction named X", "the militant group X", "media outlet X"
            if c.actor is None and (c.type == "PERSON" or (c.type == "PLACE" and (c.place is None or c.place.rank > 0))):
                kind = self._org_noun_before(doc, c.start) or self._org_noun_after(doc, c.end)
                if kind:
                    c.type, c.kind, c.place = "ORG", kind, None

    @staticmethod
    def _places_in_lists(doc: Doc, chosen: list[Cand]) -> None:
        """An unknown name coordinated with known places is a place ('Isfana, Aravan and Uzgen')."""
        places = {c.end - 1 for c in chosen if c.type == "PLACE" and c.place is not None}
        for c in chosen:
            if c.source != "model" or c.actor is not None or c.type == "PLACE" or c.end - c.start > 2:
                continue
            tok = doc[c.end - 1]
            linked = [t.i for t in tok.children if t.dep_ == "conj"]
            if tok.dep_ == "conj":
                linked.append(tok.head.i)
            if linked and sum(i in places for i in linked) == len(linked):
                c.type, c.kind = "PLACE", None

    @staticmethod
    def _same_name_same_type(doc: Doc, chosen: list[Cand]) -> None:
        """A name a rule made a person ('his first name, Valery') is a person wherever the model guessed."""
        people = {doc[c.start:c.end].text for c in chosen if c.source == "rule" and c.type == "PERSON"}
        for c in chosen:
            if c.source == "model" and c.actor is None and c.type != "PERSON" and doc[c.start:c.end].text in people:
                c.type, c.kind, c.place = "PERSON", None, None

    def _appositive_person(self, doc: Doc, i: int) -> bool:
        """'X, a 22-year-old from ...', 'X, his cousin, ...', 'X, a local resident, ...' right after token i."""
        if i + 2 >= len(doc) or doc[i + 1].text != ",":
            return False
        for k in range(i + 2, min(len(doc), i + 7)):
            t = doc[k]
            if re.fullmatch(r"\d+-year-old", t.text) or (t.lower_ == "year" and k + 2 < len(doc) and
                                                         doc[k + 2].lower_ == "old"):
                return True
            if t.text.islower() and (t.lower_ in self.kin_words or t.lower_ in self.titles):
                return True
            if not (t.pos_ in ("DET", "PRON", "ADJ", "NUM") or t.text in ("-", ",") or t.like_num):
                return False
        return False

    def _after_naming_word(self, doc: Doc, i: int) -> bool:
        j = i - 1
        while j >= 0 and (doc[j].text in {",", ":", '"', "'", "\u201c"} or doc[j].lower_ == "as"):
            j -= 1
        if j < 0 or not doc[j].text.islower():
            return False
        two = f"{doc[j - 1].lower_} {doc[j].lower_}" if j > 0 else ""
        return doc[j].lower_ in self.naming_words or two in self.naming_words

    def _org_noun_after(self, doc: Doc, end: int) -> str | None:
        """'the Imam Bukhari faction': a group noun right after the name (not 'Malikov group leader')."""
        if end >= len(doc) or not doc[end].text.islower() or doc[end].lower_ not in self.org_nouns:
            return None
        if end + 1 < len(doc) and doc[end + 1].pos_ in ("NOUN", "PROPN"):
            return None
        kind = self.org_nouns[doc[end].lower_]
        return kind if kind == "armed_group" else None

    def _org_noun_before(self, doc: Doc, i: int) -> str | None:
        j = i - 1
        while j >= 0 and doc[j].is_quote:
            j -= 1
        if j >= 0 and doc[j].lower_ in {"named", "called", "dubbed"}:
            # "a faction within IS named X": the noun a few words before the participle
            for k in range(j - 1, max(-1, j - 6), -1):
                if doc[k].is_punct or doc[k].pos_ in ("VERB", "AUX") and doc[k].dep_ not in ("auxpass", "amod"):
                    break
                if doc[k].text.islower() and doc[k].lower_ in self.org_nouns:
                    return self.org_nouns[doc[k].lower_]
        while j >= 0 and (doc[j].text in {",", "\u201c", '"', "'"} or doc[j].lower_ in {"named", "called", "dubbed",
                                                                                          "known", "as"}):
            j -= 1
        if j < 0:
            return None
        two = f"{doc[j - 1].lower_} {doc[j].lower_}" if j > 0 else ""
        if two in self.org_nouns:
            return self.org_nouns[two]
        if doc[j].lower_ in self.org_nouns and doc[j].text.islower():
            return self.org_nouns[doc[j].lower_]
        return None

    def _mentions(self, doc: Doc, chosen: list[Cand]) -> tuple[list[Mention], dict[str, int]]:
        mentions: list[Mention] = []
        acronyms: dict[str, int] = {}
        for c in chosen:
            span = doc[c.start:c.end]
            start_char, end_char, text = c.chars or (span.start_char, span.end_char, span.text)
            m = Mention(c.start, c.end, start_char, end_char, text, c.type, c.source, c.actor,
                        c.place if c.type == "PLACE" else None, c.kind, c.country)
            mentions.append(m)
        # "Islamic Movement of Uzbekistan (IMU)": an acronym in parentheses right after a name
        starts = {m.start: mi for mi, m in enumerate(mentions)}
        for mi, m in enumerate(mentions):
            k = m.end
            if k < len(doc) and doc[k].tag_ == "POS":
                k += 1
            if k + 2 < len(doc) + 1 and k < len(doc) and doc[k].text == "(" and k + 2 < len(doc) and \
                    doc[k + 2].text == ")" and _ACRONYM.match(doc[k + 1].text) and m.type != "PERSON":
                acr = doc[k + 1].text
                acronyms.setdefault(acr, mi)
                if k + 1 not in starts:
                    span = doc[k + 1:k + 2]
                    mentions.append(Mention(k + 1, k + 2, span.start_char, span.end_char, span.text, m.type,
                                            "rule", None, None, m.kind, m.country))
        return mentions, acronyms

    def _actor_for_key(self, key: str) -> Actor | None:
        ids = self.actors.by_key.get(key)
        if not ids:
            return None
        return self._choose_actor([self.actors.actors[i] for i in ids])

    def _add_bare_mentions(self, doc: Doc, mentions: list[Mention], clusters: list[Cluster],
                           acronyms: dict[str, int]) -> None:
        """Surnames and defined acronyms the model did not tag still count as mentions."""
        covered: set[int] = set()
        for m in mentions:
            covered.update(range(m.start, m.end))
        by_word: dict[str, int] = {}
        for ci, c in enumerate(clusters):
            if c.type == "PERSON":
                full = [mentions[i] for i in c.mentions if mentions[i].end - mentions[i].start > 1]
                for m in full:
                    last = doc[m.end - 1].text
                    by_word.setdefault(last, ci)
        for acr, mi in acronyms.items():
            for ci, c in enumerate(clusters):
                if mi in c.mentions:
                    by_word.setdefault(acr, ci)
        for tok in self._toks:
            if tok.text not in by_word or tok.i in covered or not tok.text[:1].isupper():
                continue
            ci = by_word[tok.text]
            mentions.append(Mention(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), tok.text,
                                    clusters[ci].type, "link"))
            clusters[ci].mentions.append(len(mentions) - 1)

    # ------------------------------------------------------------------------------------- output

    def _entities(self, doc: Doc, mentions: list[Mention], clusters: list[Cluster]) -> list[Entity]:
        out: list[Entity] = []
        for c in clusters:
            ms = sorted((mentions[i] for i in c.mentions), key=lambda m: m.start_char)
            types = Counter(m.type for m in ms)
            etype = c.type
            if c.actor is None and c.place is None:
                # a cluster of model mentions takes the majority type, PERSON winning ties for full names
                etype = types.most_common(1)[0][0]
                if any(m.type == "PERSON" and m.end - m.start > 1 for m in ms) and etype != "PLACE":
                    etype = "PERSON"
            counts = Counter(_display(m.text) for m in ms if m.source != "link")
            counts.update(_display(m.text) for m in ms if m.source == "link")
            surfaces = list(dict.fromkeys(_display(m.text) for m in ms))
            canonical = c.actor.name if c.actor else c.place.name if c.place and etype == "PLACE" else None
            name = self._doc_name(etype, counts, canonical, c.actor)
            if etype == "ORG" and canonical and self.places.lookup(name) is not None:
                surfaces.append(name)  # "the Islamic State's Khorasan branch (ISKP)" is not "Khorasan"
                name = canonical
            if canonical and norm_key(canonical) != norm_key(name):
                surfaces.append(canonical)
            # "the Imam Bukhori group" is also "Imam Bukhori"; "the Kara-Suu district" also "Kara-Suu"
            heads = GROUP_HEADS if etype == "ORG" else PLACE_HEADS if etype == "PLACE" else set()
            surfaces += [s.rsplit(" ", 1)[0] for s in surfaces if " " in s and s.rsplit(" ", 1)[1].lower() in heads]
            if etype not in ("PERSON", "ORG", "PLACE"):
                continue
            if etype == "PERSON" and not any(m.end - m.start > 1 or m.source == "actor" for m in ms) and \
                    all(doc[m.start].is_stop for m in ms):
                continue  # one bare common word the model called a person
            folded = {norm_key(name)}
            aliases = []
            for s in surfaces:
                if norm_key(s) not in folded:
                    folded.add(norm_key(s))
                    aliases.append(s)
            kind = c.actor.kind if c.actor else next((m.kind for m in ms if m.kind), None)
            if etype == "PLACE":
                kind = None
            country = (c.actor.country if c.actor else c.place.country if c.place else
                       next((m.country for m in ms if m.country), None))
            roles = doc_roles(doc, [(m.start, m.end) for m in ms]) if etype == "PERSON" else []
            lat = c.place.lat if c.place and etype == "PLACE" else None
            lon = c.place.lon if c.place and etype == "PLACE" else None
            out.append(Entity(name=name, type=etype, kind=kind, country=country, aliases=aliases, roles=roles,
                              mentions=[EntityMention(m.start_char, m.end_char, m.text) for m in ms],
                              lat=lat, lon=lon))
        out.sort(key=lambda e: e.mentions[0].start if e.mentions else 0)
        return out


    @staticmethod
    def _doc_name(etype: str, counts: Counter[str], canonical: str | None, actor: Actor | None) -> str:
        """The entity's name as this document writes it in full: the gazetteer's name when the text uses it,
        else the fullest (person) or most used (organisation, place) form; never a bare acronym when a full
        form is there. The gazetteer's name then goes with the aliases (the store files the actor under it)."""
        forms: Counter[str] = Counter()
        keys = {norm_key(a) for a in (actor.name, *actor.aliases)} if actor else set()
        for surface, n in counts.items():
            forms[surface] += n
            owner = _POSSESSOR.match(surface)  # "Kyrgyzstan's State Committee ..." -> "State Committee ..."
            # a capitalised body after its owner is named without it ("Kazakhstan's Security Council")
            if owner and owner.group(1)[:1].isupper() and (norm_key(owner.group(1)) in keys or not actor):
                forms[owner.group(1)] += n
        if canonical and any(norm_key(form) == norm_key(canonical) for form in forms):
            return canonical  # in the gazetteer's capitals ("central Asia" -> "Central Asia")
        full = [f for f in forms if not is_acronym(f)] or list(forms)
        if etype == "PERSON":
            return max(full, key=lambda f: (len(f.split()), forms[f], len(f)))
        return max(full, key=lambda f: (forms[f] - (1 if _POSSESSOR.match(f) else 0), len(f)))


def _as_dict(e: Entity) -> dict[str, Any]:
    """dataclasses.asdict(e), without its generic deep copy (this runs for every entity of every document)."""
    return {"name": e.name, "type": e.type, "kind": e.kind, "country": e.country, "aliases": list(e.aliases),
            "roles": list(e.roles), "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in e.mentions],
            "lat": e.lat, "lon": e.lon}


def _first_part(text: str) -> str:
    return re.split(r"[\s\-/'.\u2019]", text, maxsplit=1)[0]


def _display(text: str) -> str:
    """An all-capitals dateline name in title case (BISHKEK -> Bishkek); other names as written."""
    text = re.sub(r"\s+", " ", text).strip()
    if text.isupper() and len(text) > 4 and " " not in text and "/" not in text and "." not in text and \
            not any(len(part) <= 2 for part in text.split("-")):  # "ISIS-K" stays an acronym
        return text.title()
    return text


# The headline and byline are not part of Document.text; when the pipeline driver sets them here
# (like cs_published) the entities they name are added. TODO(lead): declare these in nlp/extensions.py.
for _name in ("cs_title", "cs_author"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.factory(
    "cs_entities",
    default_config={
        "fuzzy_threshold": 88,
        "min_city_population": 15000,
        "focus_countries": ["KZ", "KG", "TJ", "UZ", "TM", "AF"],
        "focus_min_population": 5000,
        "trusted_population": 1000000,
        "user_actors": "",
    },
)
def make_entities(nlp: Language, name: str, fuzzy_threshold: float, min_city_population: int,
                  focus_countries: list[str], focus_min_population: int, trusted_population: int,
                  user_actors: str) -> EntityComponent:
    """Factory of the `cs_entities` component (settings: [nlp.cs_entities])."""
    return EntityComponent(nlp, fuzzy_threshold, min_city_population, focus_countries, focus_min_population,
                           trusted_population, user_actors)


def entities_json(doc: Doc) -> list[dict[str, Any]]:
    """The entities of a processed Doc in the shape of gold/SCHEMA.md (Entity.to_json)."""
    out = []
    for e in doc._.cs_entities or []:
        fields = dict(e)
        fields["mentions"] = [EntityMention(**m) for m in fields.get("mentions", [])]
        out.append(Entity(**fields).to_json())
    return out


__all__ = ["EntityComponent", "base_key", "entities_json", "make_entities"]
