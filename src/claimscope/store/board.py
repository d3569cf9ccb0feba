"""Persistence of the evidence board (migration 004): state, snapshot, and analysts' grade overrides.

The store knows nothing of how the board is built: it reads documents with their annotations for the
analysis stage, keeps the board's state as an opaque blob (so adding articles stays incremental across
runs), stores the latest snapshot as plain rows, and keeps grade overrides keyed by a statement id,
which is stable across rebuilds (document id prefix and offset), so an override survives every re-run.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from claimscope.errors import NotFoundError, StoreError
from claimscope.model import Amount, Annotations, Claim, DateMention, Document
from claimscope.store.sqlite import _DOC_COLUMNS, SQLiteStore, _row_to_document


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def load_annotated(store: SQLiteStore, *, exclude: set[str] | frozenset[str] = frozenset(),
                   since: str | None = None) -> Iterator[tuple[Document, Annotations]]:
    """Stored documents (oldest first) with the dates, amounts and claims stored for them."""
    sql = f"SELECT {_DOC_COLUMNS}, skipped FROM documents"
    params: list[Any] = []
    if since:
        sql += " WHERE published >= ?"
        params.append(since)
    rows = store.conn.execute(sql + " ORDER BY rowid", params).fetchall()
    has_claims = _has_table(store.conn, "claims")
    for row in rows:
        doc = _row_to_document(row)
        if doc.id in exclude:
            continue
        ann = Annotations(skipped=row["skipped"])
        ann.dates = [DateMention(text=r["text"], value=r["value"], start=r["start"], end=r["end"]) for r in
                     store.conn.execute('SELECT text, value, start, "end" FROM dates WHERE document_id = ?', (doc.id,))]
        ann.amounts = [Amount(text=r["text"], value=r["value"], unit=r["unit"], qualifier=r["qualifier"],
                              start=r["start"], end=r["end"]) for r in
                       store.conn.execute('SELECT text, value, unit, qualifier, start, "end" FROM amounts '
                                          "WHERE document_id = ?", (doc.id,))]
        if has_claims:
            ann.claims = [Claim(speaker=r["speaker"], cue=r["cue"], content=r["content"], start=r["start"],
                                end=r["end"], quote=r["quote"], status=r["status"],
                                sentence_start=r["sentence_start"], sentence_end=r["sentence_end"])
                          for r in store.conn.execute(
                              'SELECT speaker, cue, content, start, "end", quote, status, sentence_start, '
                              "sentence_end FROM claims WHERE document_id = ? ORDER BY ordinal", (doc.id,))]
        yield doc, ann


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def load_state(store: SQLiteStore, version: str) -> bytes | None:
    """The saved board state when it was built by this version and settings, else None (rebuild)."""
    row = store.conn.execute("SELECT version, state FROM board_state WHERE id = 1").fetchone()
    if row is None or row["version"] != version:
        return None
    return bytes(row["state"])


def save_state(store: SQLiteStore, state: bytes, documents: int, version: str) -> None:
    """Replace the saved board state."""
    with store.transaction() as conn:
        conn.execute("INSERT OR REPLACE INTO board_state(id, version, documents, state, updated_at) "
                     "VALUES (1, ?, ?, ?, ?)", (version, documents, state, _now()))


def save_snapshot(store: SQLiteStore, out: dict[str, Any]) -> None:
    """Replace the stored snapshot with the board output (propositions, their statements, conflicts)."""
    with store.transaction() as conn:
        conn.execute("DELETE FROM board_statements")
        conn.execute("DELETE FROM board_propositions")
        conn.execute("DELETE FROM board_conflicts")
        known = {r[0] for r in conn.execute("SELECT id FROM documents")}
        for p in out["propositions"]:
            grade = p["grade"]
            conn.execute("INSERT INTO board_propositions(id, anchor, statement, outlets, independent_origins, "
                         "reliability, credibility, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         (p["id"], p["claims"][0]["id"], p["statement"], len(p["outlets"]),
                          p["independent_origins"], grade["reliability"], grade["credibility"],
                          json.dumps(p, ensure_ascii=False)))
            conn.executemany(
                'INSERT OR IGNORE INTO board_statements(id, document_id, proposition_id, start, "end", speaker, '
                "content, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(c["id"], c["document_id"], p["id"], c["start"], c["end"], c["speaker"], c["content"], c["origin"])
                 for c in p["claims"] if c.get("document_id") in known])
        conn.executemany("INSERT OR IGNORE INTO board_conflicts(a, b, kind, why) VALUES (?, ?, ?, ?)",
                         [(c["a"]["id"], c["b"]["id"], c["kind"], c["why"]) for c in out["conflicts"]])


def add_override(store: SQLiteStore, proposition_id: str, *, reliability: str | None, credibility: int | None,
                 analyst: str, reason: str) -> dict[str, Any]:
    """Record an analyst's grade for a proposition of the latest snapshot; it applies to every later run."""
    row = store.conn.execute("SELECT anchor FROM board_propositions WHERE id = ?", (proposition_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no proposition {proposition_id!r} in the last board; run `claimscope weigh` and "
                            "use an id it shows")
    if reliability is not None and reliability.upper() not in ("A", "B", "C", "D", "E", "F"):
        raise StoreError(f"reliability {reliability!r} must be one of A-F")
    if credibility is not None and not 1 <= credibility <= 6:
        raise StoreError(f"credibility {credibility} must be between 1 and 6")
    created = _now()
    with store.transaction() as conn:
        conn.execute("INSERT INTO grade_overrides(anchor, reliability, credibility, analyst, reason, created_at) "
                     "VALUES (?, ?, ?, ?, ?, ?)",
                     (row["anchor"], reliability.upper() if reliability else None, credibility, analyst, reason,
                      created))
    return {"anchor": row["anchor"], "reliability": reliability, "credibility": credibility, "analyst": analyst,
            "reason": reason, "created_at": created}


def overrides(store: SQLiteStore) -> list[dict[str, Any]]:
    """Every grade override, oldest first (a later one wins)."""
    return [dict(r) for r in store.conn.execute(
        "SELECT anchor, reliability, credibility, analyst, reason, created_at FROM grade_overrides ORDER BY id")]
