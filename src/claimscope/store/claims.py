"""Claims in the store: written with their document (save_claims) and read back for the CLI and reports."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from claimscope.model import Annotations, Claim

STATUSES = ("asserted", "hedged", "unconfirmed", "negated")

Query = Callable[[str, tuple[Any, ...]], Iterator[dict[str, Any]]]


def _names(speaker: str | list[str]) -> list[str]:
    return [speaker] if isinstance(speaker, str) else [str(s) for s in speaker]


def speaker_label(speaker: str | list[str]) -> str:
    """One line for a speaker or a group of speakers."""
    return " and ".join(_names(speaker)) if isinstance(speaker, list) else speaker


def save_claims(conn: sqlite3.Connection, doc_id: str, annotations: Annotations,
                entity_ids: dict[str, int]) -> int:
    """Write a document's claims with their speakers, via chain and mentions; returns how many.

    Called inside the document's transaction; `entity_ids` maps canonical names to entity row ids.
    """
    conn.execute("DELETE FROM claims WHERE document_id = ?", (doc_id,))
    for ordinal, claim in enumerate(annotations.claims):
        names = _names(claim.speaker)
        cur = conn.execute(
            'INSERT INTO claims(document_id, ordinal, speaker, speaker_kind, speaker_entity_id, cue, content, '
            'start, "end", sentence_start, sentence_end, quote, status) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, ordinal, speaker_label(claim.speaker), claim.speaker_kind, entity_ids.get(names[0]),
             claim.cue, claim.content, claim.start, claim.end, claim.sentence_start, claim.sentence_end,
             claim.quote, claim.status),
        )
        claim_id = cur.lastrowid
        conn.executemany(
            "INSERT INTO claim_speakers(claim_id, position, name, entity_id) VALUES (?, ?, ?, ?)",
            [(claim_id, i, n, entity_ids.get(n)) for i, n in enumerate(names)],
        )
        conn.executemany(
            "INSERT INTO claim_via(claim_id, position, name, entity_id) VALUES (?, ?, ?, ?)",
            [(claim_id, i, v, entity_ids.get(v)) for i, v in enumerate(claim.via)],
        )
        conn.executemany(
            'INSERT INTO claim_mentions(claim_id, kind, text, value, unit, entity_id, start, "end") '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            list(_mentions(claim_id, claim, annotations, entity_ids)),
        )
    return len(annotations.claims)


def _mentions(claim_id: int | None, claim: Claim, ann: Annotations,
              entity_ids: dict[str, int]) -> Iterable[tuple[Any, ...]]:
    for name in claim.entities:
        yield (claim_id, "entity", name, None, None, entity_ids.get(name), None, None)
    for d in ann.dates:
        if claim.start <= d.start and d.end <= claim.end:
            yield (claim_id, "date", d.text, d.value, None, None, d.start, d.end)
    for a in ann.amounts:
        if claim.start <= a.start and a.end <= claim.end:
            yield (claim_id, "amount", a.text, str(a.value), a.unit, None, a.start, a.end)


@dataclass
class StoredClaim:
    """A claim as read back from the store, with its document's metadata."""

    id: int
    document_id: str
    speaker: str
    speakers: list[str]
    speaker_kind: str | None
    cue: str
    content: str
    quote: str
    status: str
    start: int
    end: int
    via: list[str] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    title: str | None = None
    outlet: str | None = None
    published: str | None = None


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _has_table(query: Query, name: str) -> bool:
    return bool(list(query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,))))


def find_claims(query: Query, *, speaker: str | None = None, about: str | None = None,
                status: str | None = None, since: str | None = None, document_id: str | None = None,
                limit: int = 100) -> list[StoredClaim]:
    """Claims matching every given filter, newest documents first, in text order within a document.

    speaker: a speaker's name, alias or description (substring, any case); about: an entity (by any of
    its names), date or amount the content mentions, or words of the content; status: one of STATUSES; since: YYYY[-MM[-DD]],
    compared with the publication date (or the ingest date when the article has none).
    """
    where: list[str] = []
    params: list[Any] = []
    aliases = _has_table(query, "entity_aliases")
    by_alias = "entity_id IN (SELECT entity_id FROM entity_aliases WHERE alias LIKE ? ESCAPE '\\')"
    if speaker:
        where.append("c.id IN (SELECT claim_id FROM claim_speakers WHERE name LIKE ? ESCAPE '\\'"
                     + (f" OR {by_alias}" if aliases else "") + ")")
        params += [_like(speaker)] * (2 if aliases else 1)
    if about:
        where.append("(c.id IN (SELECT claim_id FROM claim_mentions WHERE text LIKE ? ESCAPE '\\'"
                     + (f" OR {by_alias}" if aliases else "") + ") OR c.content LIKE ? ESCAPE '\\')")
        params += [_like(about)] * (3 if aliases else 2)
    if status:
        where.append("c.status = ?")
        params.append(status)
    if since:
        where.append("coalesce(d.published, substr(d.ingested_at, 1, 10)) >= ?")
        params.append(since)
    if document_id:
        where.append("c.document_id = ?")
        params.append(document_id)
    # The store's name for a known speaker (documents may spell it differently), else as the claim has it.
    speaker_sql = ("coalesce((SELECT name FROM entities WHERE id = c.speaker_entity_id), c.speaker)"
                   if _has_table(query, "entities") else "c.speaker")
    sql = (f'SELECT c.id, c.document_id, {speaker_sql} AS speaker, c.speaker_kind, c.cue, c.content, '
           'c.quote, c.status, '
           'c.start, c."end", d.title, d.outlet, d.published FROM claims c '
           "JOIN documents d ON d.id = c.document_id "
           + ("WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY coalesce(d.published, d.ingested_at) DESC, d.rowid DESC, c.ordinal LIMIT ?")
    params.append(limit)
    rows = list(query(sql, tuple(params)))
    out = []
    for r in rows:
        out.append(StoredClaim(
            id=r["id"], document_id=r["document_id"], speaker=r["speaker"], speakers=[],
            speaker_kind=r["speaker_kind"], cue=r["cue"], content=r["content"], quote=r["quote"],
            status=r["status"], start=r["start"], end=r["end"], title=r["title"], outlet=r["outlet"],
            published=r["published"]))
    _attach(query, out)
    return out


def _attach(query: Query, claims: list[StoredClaim]) -> None:
    if not claims:
        return
    by_id = {c.id: c for c in claims}
    marks = ",".join("?" * len(by_id))
    ids = tuple(by_id)
    for r in query(f"SELECT claim_id, name FROM claim_speakers WHERE claim_id IN ({marks}) "
                   "ORDER BY claim_id, position", ids):
        by_id[r["claim_id"]].speakers.append(r["name"])
    for r in query(f"SELECT claim_id, name FROM claim_via WHERE claim_id IN ({marks}) "
                   "ORDER BY claim_id, position", ids):
        by_id[r["claim_id"]].via.append(r["name"])
    for r in query(f'SELECT claim_id, kind, text, value, unit FROM claim_mentions WHERE claim_id IN ({marks})',
                   ids):
        by_id[r["claim_id"]].mentions.append(
            {"kind": r["kind"], "text": r["text"], "value": r["value"], "unit": r["unit"]})


def claims_of_document(query: Query, document_id: str) -> list[StoredClaim]:
    """All claims of one document, in text order."""
    claims = find_claims(query, document_id=document_id, limit=100000)
    return sorted(claims, key=lambda c: c.start)
