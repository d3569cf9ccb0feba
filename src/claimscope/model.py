"""Plain records that flow between stages: Page -> Document -> Annotations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Page:
    """Raw bytes of one input, before article extraction."""

    source: str  # how the user named it: a path, a URL, "feed.xml#3", "crawl.warc.gz#12", "-"
    data: bytes
    url: str | None = None
    content_type: str | None = None  # "text/html", "text/plain", ... when known
    fetched_at: str | None = None  # ISO 8601 UTC
    # Metadata a feed or archive already gave (title, author, published, outlet).
    hints: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Failure:
    """One input that could not be turned into a document, and why."""

    source: str
    reason: str


@dataclass
class Document:
    """A clean article with its metadata; id is the sha256 of the normalised text."""

    id: str
    text: str
    source: str
    title: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD (or shorter) when known
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    fetched_at: str | None = None
    content_type: str | None = None
    boilerplate: list[str] = field(default_factory=list)
    credited: list[str] = field(default_factory=list)
    near_duplicate_of: str | None = None
    similarity: float | None = None
    ingested_at: str | None = None

    @property
    def is_english(self) -> bool:
        """True when the language is English or unknown."""
        return self.language in (None, "", "en")


@dataclass
class EntityMention:
    """One place an entity is named in a document."""

    start: int
    end: int
    text: str


@dataclass
class Entity:
    """A canonical actor or place as found in one document."""

    name: str
    type: str  # PERSON | ORG | PLACE
    kind: str | None = None  # armed_group, government, media, ngo, think_tank, party, ...
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: list[EntityMention] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None

    def to_json(self) -> dict[str, Any]:
        """The shape of gold/SCHEMA.md, plus kind, country and mention offsets."""
        out: dict[str, Any] = {"name": self.name, "type": self.type, "aliases": list(self.aliases),
                               "roles": list(self.roles)}
        if self.kind:
            out["kind"] = self.kind
        if self.country:
            out["country"] = self.country
        if self.lat is not None and self.lon is not None:
            out["coordinates"] = [self.lat, self.lon]
        out["mentions"] = [[m.start, m.end] for m in self.mentions]
        return out


@dataclass
class DateMention:
    """A calendar expression resolved to ISO 8601 (partial when the year is unknown)."""

    text: str
    value: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        """The shape of gold/SCHEMA.md plus offsets."""
        return {"text": self.text, "value": self.value, "start": self.start, "end": self.end}


@dataclass
class Amount:
    """A sum of money or a count of people or things."""

    text: str
    value: float
    unit: str
    qualifier: str  # exact | approx | max | min
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        """The shape of gold/SCHEMA.md plus offsets."""
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {"text": self.text, "value": value, "unit": self.unit, "qualifier": self.qualifier,
                "start": self.start, "end": self.end}


@dataclass
class Claim:
    """An attributed statement: who said what, with which cue, citing whom, how sure."""

    speaker: str | list[str]
    cue: str
    content: str
    start: int
    end: int
    quote: str = "indirect"  # direct | indirect | mixed
    via: list[str] = field(default_factory=list)
    status: str = "asserted"  # asserted | hedged | unconfirmed | negated
    sentence_start: int | None = None
    sentence_end: int | None = None
    speaker_kind: str | None = None  # entity | description | author | pronoun
    entities: list[str] = field(default_factory=list)  # canonical names mentioned in content

    def to_json(self) -> dict[str, Any]:
        """The shape of gold/SCHEMA.md plus offsets."""
        return {"speaker": self.speaker, "cue": self.cue, "content": self.content,
                "quote": self.quote, "via": list(self.via), "status": self.status,
                "start": self.start, "end": self.end}


@dataclass
class Annotations:
    """Everything the NLP pipeline found in one document."""

    entities: list[Entity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    skipped: str | None = None  # why the pipeline did not read this document (e.g. not English)
