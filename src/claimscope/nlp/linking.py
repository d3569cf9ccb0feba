"""In-document linking: mentions of one real-world actor grouped into one cluster.

Gazetteer entries, acronyms defined in parentheses, surnames and short forms of full names, generic
heads ("Islamic State group" -> "Islamic State") and spelling variants (rapidfuzz) all join clusters.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from claimscope.nlp.gazetteer import Actor, Place, norm_key

# Trailing words that do not change which organisation is meant.
GENERIC_HEADS = ("group", "faction", "organization", "organisation", "militants", "fighters", "movement",
                 "jamaat", "network", "members")
# First words shared by many full names, never a short form on their own.
NAME_PREFIXES = {"abu", "al", "el", "ibn", "bin", "mullah", "sheikh", "imam", "haji", "mawlawi", "umm"}
_PARTICLE = re.compile(r"^(?:al|el|ul|ad|ash|as|an|at|ar|az|ibn|bin)[-\s']", re.IGNORECASE)


@dataclass
class Mention:
    """One selected entity mention in a document."""

    start: int  # token offsets
    end: int
    start_char: int
    end_char: int
    text: str
    type: str  # PERSON | ORG | PLACE
    source: str  # actor | place | rule | model
    actor: Actor | None = None
    place: Place | None = None
    kind: str | None = None
    country: str | None = None


@dataclass
class Cluster:
    """Mentions of one actor, with the gazetteer record that names it (if any)."""

    mentions: list[int] = field(default_factory=list)
    type: str = "ORG"
    actor: Actor | None = None
    place: Place | None = None


def surname(text: str) -> str:
    """The last name-word of a person's name, without an Arabic article ('al-Baghdadi' -> 'baghdadi')."""
    words = norm_key(text).replace("\u2019", "'").split()
    if not words:
        return ""
    last = _PARTICLE.sub("", words[-1])
    return last.strip("'.,")


def given_names(text: str) -> str:
    """The name-words before the surname, without kunya and article prefixes ('Abu Sa'ad al-Uzbeki' -> "sa'ad")."""
    words = norm_key(text).split()[:-1]
    return " ".join(w for w in words if w not in NAME_PREFIXES and not _PARTICLE.match(w + " "))


def same_person_variant(a: str, b: str) -> bool:
    """Two spellings of one full name: same surname, given names alike ("Gulmorad" / "Gulmurod").

    "Abu Hafs al-Uzbeki" and "Abu Sa'ad al-Uzbeki" are two people: the shared "Abu" does not count.
    """
    if len(a.split()) < 2 or len(b.split()) < 2 or surname(a) != surname(b):
        return False
    ga, gb = given_names(a), given_names(b)
    return bool(ga and gb) and ga[:1] == gb[:1] and fuzz.ratio(ga, gb) >= 70


def base_key(text: str) -> str:
    """Normalised name without trailing generic heads and possessive ('IS group' -> 'is')."""
    key = norm_key(text)
    if key.endswith("'s"):
        key = key[:-2]
    changed = True
    while changed:
        changed = False
        for head in GENERIC_HEADS:
            if key.endswith(" " + head):
                key = key[: -len(head) - 1].rstrip()
                changed = True
    return key


class Linker:
    """Groups mentions into clusters; `lookup_actor` resolves a short form against the gazetteer."""

    def __init__(self, fuzzy_threshold: float, lookup_actor: Callable[[str], Actor | None]):
        self.threshold = fuzzy_threshold
        self.lookup_actor = lookup_actor
        self._keys: dict[tuple[str, str], str] = {}  # name keys, shared across documents

    def link(self, mentions: list[Mention], acronyms: dict[str, int]) -> list[Cluster]:
        """Clusters over `mentions`; `acronyms` maps an acronym defined in the text to its long mention."""
        clusters: list[Cluster] = []
        of: dict[int, int] = {}  # mention -> cluster
        by_actor: dict[int, int] = {}
        by_place: dict[tuple[str, str | None], int] = {}
        by_key: dict[tuple[str, str], int] = {}

        def join(mi: int, ci: int) -> None:
            of[mi] = ci
            clusters[ci].mentions.append(mi)

        def new(mi: int) -> int:
            m = mentions[mi]
            clusters.append(Cluster([], m.type, m.actor, m.place))
            join(mi, len(clusters) - 1)
            return len(clusters) - 1

        # Short forms that a generic head hides ("Imam Bukhori group") may still be gazetteer aliases.
        for m in mentions:
            if m.actor is None and m.type == "ORG":
                key = base_key(m.text)
                if key != norm_key(m.text):
                    actor = self.lookup_actor(key)
                    if actor is not None and actor.type == "ORG":
                        m.actor, m.kind, m.country = actor, m.kind or actor.kind, m.country or actor.country

        # A bare surname the gazetteer knows ("Saidov") means the person this document names in full, when
        # it names someone else of that surname and never the known one.
        full_names = {surname(m.text): m for m in mentions if m.type == "PERSON" and m.end - m.start > 1}
        for m in mentions:
            if m.actor is not None and m.actor.type == "PERSON" and m.end - m.start == 1:
                other = full_names.get(surname(m.text))
                if other is not None and other.actor is not m.actor and not any(
                        x.actor is m.actor and x.end - x.start > 1 for x in mentions):
                    m.actor, m.kind, m.country = None, None, None
        # Long mentions first, so short forms find the full name they abbreviate.
        order = sorted(range(len(mentions)), key=lambda i: (-(mentions[i].end_char - mentions[i].start_char),
                                                            mentions[i].start_char))
        acronym_of = {norm_key(a): mi for a, mi in acronyms.items()}
        # a one-word "city" that is the surname of a person named in full here is that person ("Clinton")
        person_surnames = {surname(m.text) for m in mentions if m.type == "PERSON" and m.end - m.start > 1}
        pending: list[int] = []
        for mi in order:
            m = mentions[mi]
            if m.actor is not None:
                ci = by_actor.get(m.actor.id)
                if ci is None:
                    ci = new(mi)
                    by_actor[m.actor.id] = ci
                else:
                    join(mi, ci)
                continue
            if m.place is not None and m.type == "PLACE" and m.place.rank == 2 and m.end - m.start == 1 and \
                    norm_key(m.text) in person_surnames:
                m.type, m.place, m.country = "PERSON", None, None
            if m.place is not None and m.type == "PLACE":
                pk = (m.place.name, m.place.country)
                ci = by_place.get(pk)
                if ci is None:
                    ci = new(mi)
                    by_place[pk] = ci
                else:
                    join(mi, ci)
                continue
            pending.append(mi)

        for mi in pending:
            m = mentions[mi]
            key = base_key(m.text) if m.type == "ORG" else norm_key(m.text)
            if key in acronym_of and acronym_of[key] != mi and acronym_of[key] in of:
                join(mi, of[acronym_of[key]])
                continue
            ci = by_key.get((m.type, key))
            if ci is not None:
                join(mi, ci)
                continue
            target = self._short_form(m, key, mentions, clusters)
            if target is not None:
                join(mi, target)
                clusters[target].type = clusters[target].type or m.type
            else:
                ci = new(mi)
                by_key[(m.type, key)] = ci
        # an acronym defined for a mention that was linked before it ("Islamic State (IS)")
        for acr, long_mi in acronym_of.items():
            if long_mi not in of:
                continue
            for mi, m in enumerate(mentions):
                if mi in of and norm_key(m.text) == acr and of[mi] != of[long_mi] and m.actor is None:
                    self._move(mi, of, clusters, of[long_mi])
        return [c for c in clusters if c.mentions]

    def _key(self, name: str, ctype: str) -> str:
        cached = self._keys.get((name, ctype))
        if cached is None:
            if len(self._keys) > 100000:
                self._keys.clear()
            cached = base_key(name) if ctype == "ORG" else norm_key(name)
            self._keys[(name, ctype)] = cached
        return cached

    @staticmethod
    def _move(mi: int, of: dict[int, int], clusters: list[Cluster], target: int) -> None:
        clusters[of[mi]].mentions.remove(mi)
        of[mi] = target
        clusters[target].mentions.append(mi)

    def _short_form(self, m: Mention, key: str, mentions: list[Mention], clusters: list[Cluster]) -> int | None:
        """The cluster whose full name this mention shortens or misspells, if exactly one fits."""
        words = key.split()
        candidates: list[tuple[float, int]] = []
        for ci, c in enumerate(clusters):
            if not c.mentions:
                continue
            ctype = c.type
            if ctype == "PLACE" and m.type == "PLACE":
                continue
            names = {mentions[i].text for i in c.mentions}
            if c.actor is not None:
                names |= {c.actor.name, *c.actor.aliases}
            best = 0.0
            for name in names:
                nk = self._key(name, ctype)
                if not nk or nk == key:
                    continue
                nwords = nk.split()
                if len(words) == 1 and len(nwords) > 1 and ctype == "PERSON" and m.type in ("PERSON", "ORG", "PLACE"):
                    # surname or given short form of a full name: Malikov -> Kadyr Malikov
                    if words[0] == surname(name) or (words[0] == nwords[-1]):
                        best = max(best, 100.0)
                    elif words[0] == nwords[0] and m.type == "PERSON" and words[0] not in NAME_PREFIXES:
                        best = max(best, 90.0)  # a given name alone: "Hillary" for "Hillary Clinton"
                    elif len(words[0]) >= 5 and fuzz.ratio(words[0], surname(name)) >= self.threshold:
                        best = max(best, fuzz.ratio(words[0], surname(name)))
                elif ctype == "PERSON" == m.type and same_person_variant(key, nk):
                    best = max(best, 96.0)  # "Gulmorad Halimov" and "Gulmurod Halimov"
                elif len(words) == 1 and len(nwords) > 1 and m.source == "model" and len(key) >= 5 and \
                        ctype in ("ORG", "PLACE") and m.type in ("ORG", "PLACE") and nwords[0] == key and \
                        c.actor is not None:
                    best = max(best, 90.0)  # "Crocus" for "Crocus City Hall"
                elif ctype == m.type and len(words) < len(nwords) and m.type != "PLACE":
                    # leading words dropped: "Imam Bukhari faction" -> "Katibat al-Imam Bukhari"
                    tail = [_PARTICLE.sub("", w) for w in nwords[-len(words):]]
                    if tail == [_PARTICLE.sub("", w) for w in words] and (m.type == "ORG" or len(words) > 1):
                        best = max(best, 95.0)
                elif ctype == m.type and len(key) >= 5 and m.type != "PLACE":
                    score = fuzz.ratio(key, nk)
                    if score >= self.threshold:
                        best = max(best, score)
            if best:
                candidates.append((best, ci))
        if not candidates:
            return None
        candidates.sort(reverse=True)
        if len(candidates) > 1 and candidates[0][0] == candidates[1][0]:
            return None  # ambiguous: two people share the surname
        return candidates[0][1]
