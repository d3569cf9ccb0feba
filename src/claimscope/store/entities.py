"""Entities in the store: merged across documents (save_entities) and read back for the CLI."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from claimscope.errors import NotFoundError
from claimscope.model import Entity
from claimscope.nlp.gazetteer import ENTITY_TYPES, is_acronym, norm_key

Query = Callable[[str, tuple[Any, ...]], Iterator[dict[str, Any]]]


def _keys(entity: Entity) -> dict[str, str]:
    """Folded key -> written form for the canonical name and every alias."""
    out: dict[str, str] = {}
    for name in (entity.name, *entity.aliases):
        key = norm_key(name)
        if key.endswith("'s"):
            key = key[:-2]
        if key and key not in out:
            out[key] = name
    return out


def _merge_keys(entity: Entity, keys: dict[str, str]) -> list[str]:
    """Keys strong enough to say two documents mean the same actor.

    A person's bare surname ("Malikov") is not: two documents may name two Malikovs.
    """
    if entity.type != "PERSON":
        return list(keys)
    return [k for k, form in keys.items() if len(k.split()) > 1 or k == norm_key(entity.name)
            or is_acronym(form)]


def _find_existing(conn: sqlite3.Connection, entity: Entity, keys: list[str], name: str) -> int | None:
    if not keys:
        return None
    marks = ",".join("?" * len(keys))
    rows = conn.execute(
        f"SELECT e.id, e.name, e.country, count(*) AS hits FROM entity_aliases a JOIN entities e ON e.id = a.entity_id "
        f"WHERE a.key IN ({marks}) AND e.type = ? GROUP BY e.id ORDER BY hits DESC, e.id",
        (*keys, entity.type),
    ).fetchall()
    name_key = norm_key(name)
    best: int | None = None
    for row in rows:
        if entity.country and row["country"] and entity.country != row["country"]:
            continue  # "State Committee for National Security" of Kyrgyzstan is not Tajikistan's
        if norm_key(row["name"]) == name_key:
            return int(row["id"])
        if best is None:
            best = int(row["id"])
    return best


def canonical_name(entity: Entity) -> str:
    """The gazetteer's name for the actor when one of the entity's names is known there, else its own name.

    Documents name actors as they write them ("Imam Bukhori group"); the store files them under one name.
    """
    from claimscope.nlp.gazetteer import load_actors

    index = load_actors()
    for name in (entity.name, *entity.aliases):
        for actor in index.lookup(name):
            if actor.type == entity.type and not (entity.country and actor.country and entity.country != actor.country):
                return actor.name
    return entity.name


def save_entities(conn: sqlite3.Connection, doc_id: str, entities: Iterable[Entity]) -> dict[str, int]:
    """Write one document's entities, merged with stored actors by name or alias and type.

    Called inside the document's transaction. Returns canonical name -> entity row id (the document's own
    canonical names, which the claims table uses to point at speakers).
    """
    now = datetime.now(UTC).isoformat(timespec="seconds")
    conn.execute("DELETE FROM mentions WHERE document_id = ?", (doc_id,))
    conn.execute("DELETE FROM entity_roles WHERE document_id = ?", (doc_id,))
    ids: dict[str, int] = {}
    for entity in entities:
        if entity.type not in ENTITY_TYPES or not entity.name.strip():
            continue
        keys = _keys(entity)
        name = canonical_name(entity)
        keys.setdefault(norm_key(name), name)
        entity_id = _find_existing(conn, entity, _merge_keys(entity, keys), name)
        if entity_id is None:
            cur = conn.execute(
                "INSERT INTO entities(name, type, kind, country, lat, lon, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                (name, entity.type, entity.kind, entity.country, entity.lat, entity.lon, now),
            )
            if cur.rowcount:
                entity_id = int(cur.lastrowid or 0)
            else:
                row = conn.execute(
                    "SELECT id FROM entities WHERE name = ? COLLATE NOCASE AND type = ? AND coalesce(country, '') = ?",
                    (name, entity.type, entity.country or ""),
                ).fetchone()
                entity_id = int(row["id"] if isinstance(row, sqlite3.Row) else row[0])
        else:
            conn.execute(
                "UPDATE entities SET kind = coalesce(kind, ?), country = coalesce(country, ?), "
                "lat = coalesce(lat, ?), lon = coalesce(lon, ?) WHERE id = ?",
                (entity.kind, entity.country, entity.lat, entity.lon, entity_id),
            )
        conn.executemany(
            "INSERT OR IGNORE INTO entity_aliases(entity_id, alias, key, first_document_id) VALUES (?, ?, ?, ?)",
            [(entity_id, form, key, doc_id) for key, form in keys.items()],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO entity_roles(entity_id, role, document_id) VALUES (?, ?, ?)",
            [(entity_id, role, doc_id) for role in dict.fromkeys(entity.roles) if role.strip()],
        )
        conn.executemany(
            'INSERT INTO mentions(document_id, entity_id, start, "end", text) VALUES (?, ?, ?, ?, ?)',
            [(doc_id, entity_id, m.start, m.end, m.text) for m in entity.mentions],
        )
        ids.setdefault(entity.name, entity_id)
    return ids


# ------------------------------------------------------------------------------------------- queries


@dataclass
class EntitySummary:
    """One line of `claimscope entities`."""

    id: int
    name: str
    type: str
    kind: str | None
    country: str | None
    mentions: int
    documents: int


@dataclass
class EntityDocument:
    """A document that names an entity."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    mentions: int


@dataclass
class EntityDetail:
    """Everything `claimscope entity NAME` shows."""

    id: int
    name: str
    type: str
    kind: str | None
    country: str | None
    lat: float | None
    lon: float | None
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: int = 0
    documents: list[EntityDocument] = field(default_factory=list)
    first_seen: str | None = None
    last_seen: str | None = None


def list_entities(query: Query, type_: str | None = None, search: str | None = None,
                  limit: int = 100) -> list[EntitySummary]:
    """Stored entities, most mentioned first; `search` matches any alias (case-insensitive substring)."""
    where, params = ["1 = 1"], []
    if type_:
        where.append("e.type = ?")
        params.append(type_.upper())
    if search:
        where.append("e.id IN (SELECT entity_id FROM entity_aliases WHERE key LIKE ? ESCAPE '\\')")
        params.append("%" + norm_key(search).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    sql = (
        "SELECT e.id, e.name, e.type, e.kind, e.country, count(m.id) AS mentions, "
        "count(DISTINCT m.document_id) AS documents FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id "
        f"WHERE {' AND '.join(where)} GROUP BY e.id HAVING count(m.id) > 0 "
        "ORDER BY mentions DESC, documents DESC, e.name LIMIT ?"
    )
    return [EntitySummary(**row) for row in query(sql, (*params, int(limit)))]


def _by_key(query: Query, key: str) -> list[dict[str, Any]]:
    return list(query(
        "SELECT e.id, e.name, (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS n "
        "FROM entity_aliases a JOIN entities e ON e.id = a.entity_id WHERE a.key = ? GROUP BY e.id "
        "ORDER BY n DESC, e.id",
        (key,),
    ))


def find_entity_id(query: Query, name: str, user_actors: str | None = None) -> int:
    """The entity a name or alias means: exact canonical name first, then the most mentioned alias match,
    then the gazetteer's canonical names for it ('Imam Bukhori' finds Katibat al-Imam Bukhari even when no
    stored page wrote exactly that)."""
    key = norm_key(name)
    rows = _by_key(query, key)
    for row in rows:
        if norm_key(row["name"]) == key:
            return int(row["id"])
    if rows:
        return int(rows[0]["id"])
    from claimscope.nlp.gazetteer import load_actors
    from claimscope.nlp.linking import base_key

    index = load_actors(user_actors)
    for variant in dict.fromkeys([key, base_key(name)]):
        for actor in index.lookup(name) if variant == key else [index.actors[i] for i in index.by_key.get(variant, [])]:
            for candidate in (actor.name, *actor.aliases):
                rows = _by_key(query, norm_key(candidate))
                if rows:
                    return int(rows[0]["id"])
    raise NotFoundError(f"no entity named {name!r}; list them with `claimscope entities --search {name.split()[-1]!r}`"
                        if name.split() else "give an entity name")


def get_entity(query: Query, name: str, user_actors: str | None = None) -> EntityDetail:
    """Aliases, roles, mention count, documents, first and last seen of the entity a name means."""
    entity_id = find_entity_id(query, name, user_actors)
    row = next(query("SELECT id, name, type, kind, country, lat, lon FROM entities WHERE id = ?", (entity_id,)))
    detail = EntityDetail(**row)
    detail.aliases = [r["alias"] for r in query(
        "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY rowid", (entity_id,))
        if norm_key(r["alias"]) != norm_key(detail.name)]
    detail.roles = [r["role"] for r in query(
        "SELECT role, count(*) AS n FROM entity_roles WHERE entity_id = ? GROUP BY role ORDER BY n DESC, role",
        (entity_id,))]
    docs = list(query(
        "SELECT d.id, d.title, d.outlet, d.published, count(m.id) AS mentions, "
        "coalesce(d.published, substr(d.ingested_at, 1, 10)) AS seen "
        "FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.entity_id = ? "
        "GROUP BY d.id ORDER BY seen, d.id",
        (entity_id,),
    ))
    detail.documents = [EntityDocument(d["id"], d["title"], d["outlet"], d["published"], d["mentions"]) for d in docs]
    detail.mentions = sum(d["mentions"] for d in docs)
    seen = [d["seen"] for d in docs if d["seen"]]
    detail.first_seen = min(seen) if seen else None
    detail.last_seen = max(seen) if seen else None
    return detail


def entities_of_document(query: Query, doc_id: str) -> list[EntitySummary]:
    """The entities one document names, in order of first mention."""
    sql = (
        "SELECT e.id, e.name, e.type, e.kind, e.country, count(m.id) AS mentions, 1 AS documents "
        "FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.document_id = ? "
        "GROUP BY e.id ORDER BY min(m.start)"
    )
    return [EntitySummary(**row) for row in query(sql, (doc_id,))]
