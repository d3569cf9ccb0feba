"""SQLite store: WAL, foreign keys, numbered migrations, FTS5, one transaction per document."""

from __future__ import annotations

import hashlib
import importlib
import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from claimscope import __version__, textsim
from claimscope.config import Settings
from claimscope.errors import NotFoundError, StoreError
from claimscope.model import Annotations, Document
from claimscope.store.base import AddResult, SearchHit

_DOC_COLUMNS = (
    "id, source, url, outlet, title, author, published, language, fetched_at, content_type, text, "
    "boilerplate, credited, near_duplicate_of, similarity, ingested_at"
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def migrations() -> list[tuple[int, str, str]]:
    """The packaged migrations as (version, name, sql), in order."""
    folder = resources.files("claimscope.store").joinpath("migrations")
    out = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:3].isdigit():
            out.append((int(name[:3]), name, entry.read_text("utf-8")))
    return sorted(out)


def settings_hash(settings: Settings) -> str:
    """A short fingerprint of the settings that shape derived records (provenance)."""
    relevant = {k: settings.get(k) for k in ("nlp", "store")}
    return hashlib.sha256(json.dumps(relevant, sort_keys=True, default=str).encode()).hexdigest()[:16]


class SQLiteStore:
    """The embedded default store. One connection per store object; not shared across processes."""

    def __init__(self, path: str | Path, settings: Settings) -> None:
        self.path = str(path)
        self.settings = settings
        store_cfg = settings["store"]
        self.threshold = float(store_cfg.get("near_duplicate_threshold", 0.7))
        self.num_perm = int(store_cfg.get("minhash_permutations", 128))
        self.shingle_size = int(store_cfg.get("shingle_size", 5))
        self._settings_hash = settings_hash(settings)
        self._lock = threading.RLock()
        try:
            if self.path != ":memory:":
                Path(self.path).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}; check the path and permissions") from exc
        self.conn.row_factory = sqlite3.Row
        try:
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise StoreError(
                f"{self.path} is not a claimscope database or is damaged ({exc}); "
                "point --db at another file"
            ) from exc

    # -- schema -------------------------------------------------------------------------------------
    def schema_version(self) -> int:
        """The highest applied migration."""
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        row = self.conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    def migrate(self) -> list[str]:
        """Apply the packaged migrations that are not applied yet, each in its own transaction."""
        current = self.schema_version()
        applied = []
        for version, name, sql in migrations():
            if version <= current:
                continue
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                for statement in _split_sql(sql):
                    self.conn.execute(statement)
                self.conn.execute(
                    "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)",
                    (version, name, _now()),
                )
                self.conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self.conn.execute("ROLLBACK")
                raise StoreError(f"migration {name} failed on {self.path}: {exc}") from exc
            applied.append(name)
        return applied

    # -- transactions -------------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            else:
                self.conn.execute("COMMIT")

    def query(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> Iterator[dict[str, Any]]:
        """Rows of a read query as dicts."""
        for row in self.conn.execute(sql, params):
            yield dict(row)

    # -- documents ----------------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        """True when a document with exactly this id is stored."""
        return self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def add_document(self, doc: Document, annotations: Annotations | None = None) -> AddResult:
        """Store one document and its annotations in one transaction, deduplicating as documented.

        A document the database refuses (a constraint it breaks) is rolled back whole and raised as a
        StoreError naming it; what was stored before is untouched.
        """
        try:
            return self._add_document(doc, annotations)
        except sqlite3.IntegrityError as exc:
            raise StoreError(f"{doc.source}: not stored, the database refused its annotations ({exc}); "
                             "please report this with the input") from exc

    def _add_document(self, doc: Document, annotations: Annotations | None) -> AddResult:
        now = _now()
        with self.transaction() as conn:
            if conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc.id,)).fetchone():
                conn.execute(
                    "INSERT OR IGNORE INTO document_sightings(document_id, source, url, seen_at) "
                    "VALUES (?, ?, ?, ?)",
                    (doc.id, doc.source, doc.url, now),
                )
                return AddResult("duplicate", doc.id)
            sig = textsim.signature(doc.text, self.num_perm, self.shingle_size)
            bands = textsim.band_hashes(sig)
            near_id, sim = self._nearest(conn, sig, bands)
            if near_id is not None:
                doc.near_duplicate_of, doc.similarity = near_id, round(sim, 4)
            doc.ingested_at = now
            cur = conn.execute(
                f"INSERT INTO documents({_DOC_COLUMNS}, minhash, skipped, claimscope_version, settings_hash) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    doc.id, doc.source, doc.url, doc.outlet, doc.title, doc.author, doc.published,
                    doc.language, doc.fetched_at, doc.content_type, doc.text,
                    json.dumps(doc.boilerplate, ensure_ascii=False), json.dumps(doc.credited, ensure_ascii=False),
                    doc.near_duplicate_of, doc.similarity, now, textsim.to_blob(sig),
                    annotations.skipped if annotations else None, __version__, self._settings_hash,
                ),
            )
            rowid = cur.lastrowid
            conn.executemany(
                "INSERT INTO minhash_bands(band, hash, document_rowid) VALUES (?, ?, ?)",
                [(i, h, rowid) for i, h in enumerate(bands)],
            )
            conn.execute(
                "INSERT INTO document_sightings(document_id, source, url, seen_at) VALUES (?, ?, ?, ?)",
                (doc.id, doc.source, doc.url, now),
            )
            if annotations is not None:
                self._save_annotations(conn, doc.id, annotations)
        status = "near_duplicate" if doc.near_duplicate_of else "stored"
        return AddResult(status, doc.id, doc.near_duplicate_of, doc.similarity)

    def _nearest(self, conn: sqlite3.Connection, sig: Any, bands: list[int]) -> tuple[str | None, float]:
        where = " OR ".join("(b.band = ? AND b.hash = ?)" for _ in bands)
        params: list[Any] = [v for i, h in enumerate(bands) for v in (i, h)]
        rows = conn.execute(
            "SELECT DISTINCT d.id, d.minhash, d.near_duplicate_of FROM minhash_bands b "
            f"JOIN documents d ON d.rowid = b.document_rowid WHERE {where}",
            params,
        ).fetchall()
        cands = [(r["near_duplicate_of"] or r["id"], textsim.from_blob(r["minhash"])) for r in rows if r["minhash"]]
        best, sim = textsim.best_match(sig, cands)
        return (best, sim) if best is not None and sim >= self.threshold else (None, sim)

    def _save_annotations(self, conn: sqlite3.Connection, doc_id: str, ann: Annotations) -> None:
        conn.executemany(
            'INSERT INTO dates(document_id, start, "end", text, value) VALUES (?, ?, ?, ?, ?)',
            [(doc_id, d.start, d.end, d.text, d.value) for d in ann.dates],
        )
        conn.executemany(
            'INSERT INTO amounts(document_id, start, "end", text, value, unit, qualifier) '
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, a.start, a.end, a.text, a.value, a.unit, a.qualifier) for a in ann.amounts],
        )
        entity_ids: dict[str, int] = {}
        entities_mod = _optional("claimscope.store.entities")
        if entities_mod is not None and hasattr(entities_mod, "save_entities"):
            entity_ids = entities_mod.save_entities(conn, doc_id, ann.entities)
        claims_mod = _optional("claimscope.store.claims")
        if claims_mod is not None and hasattr(claims_mod, "save_claims"):
            claims_mod.save_claims(conn, doc_id, ann, entity_ids)

    def get_document(self, id_or_prefix: str) -> Document:
        """The document with this id or unique id prefix (at least 4 characters)."""
        key = id_or_prefix.strip().lower()
        if len(key) < 4:
            raise NotFoundError(f"document id {id_or_prefix!r} is too short; give at least 4 characters")
        rows = self.conn.execute(
            f"SELECT {_DOC_COLUMNS} FROM documents WHERE id >= ? AND id < ? LIMIT 2", (key, key + "\uffff")
        ).fetchall()
        if not rows:
            raise NotFoundError(f"no document with id {id_or_prefix!r}; list them with `claimscope docs`")
        if len(rows) > 1:
            raise NotFoundError(f"id prefix {id_or_prefix!r} is ambiguous; give more characters")
        return _row_to_document(rows[0])

    def list_documents(self, limit: int = 50, offset: int = 0) -> list[Document]:
        """Documents, newest ingested first."""
        rows = self.conn.execute(
            f"SELECT {_DOC_COLUMNS} FROM documents ORDER BY rowid DESC LIMIT ? OFFSET ?", (limit, offset)
        ).fetchall()
        return [_row_to_document(r) for r in rows]

    def count_documents(self) -> int:
        """How many documents are stored."""
        return int(self.conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def sightings(self, doc_id: str) -> list[dict[str, Any]]:
        """Every input that produced this document."""
        return list(self.query("SELECT source, url, seen_at FROM document_sightings WHERE document_id = ? "
                               "ORDER BY seen_at", (doc_id,)))

    def near_duplicates(self, doc_id: str) -> list[dict[str, Any]]:
        """Documents linked to this one as near-duplicates."""
        return list(self.query("SELECT id, title, outlet, similarity FROM documents WHERE near_duplicate_of = ?",
                               (doc_id,)))

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search (FTS5, bm25 with the title weighted up); snippets mark matches with \\x02 ... \\x03."""
        match = _fts_query(query)
        if not match:
            return []
        rows = self.conn.execute(
            "SELECT d.id, d.title, d.outlet, d.published, "
            "snippet(documents_fts, 1, char(2), char(3), ' … ', 16) AS snip, bm25(documents_fts, 4.0, 1.0) AS score "
            "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
            "WHERE documents_fts MATCH ? ORDER BY score LIMIT ?",
            (match, limit),
        ).fetchall()
        return [SearchHit(r["id"], r["title"], r["outlet"], r["published"], r["snip"], -float(r["score"]))
                for r in rows]

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()


def _optional(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name == module:
            return None
        raise


def _fts_query(query: str) -> str:
    """Quote each word so user input can never be read as FTS5 syntax; words are ANDed."""
    terms = textsim.words(query)
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def _split_sql(sql: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies (BEGIN ... END;) whole."""
    statements: list[str] = []
    buf: list[str] = []
    for line in sql.splitlines():
        stripped = line.strip()
        if stripped.startswith("--") and not buf:
            continue
        buf.append(line)
        joined = "\n".join(buf).strip()
        if sqlite3.complete_statement(joined):
            statements.append(joined)
            buf = []
    if "\n".join(buf).strip():
        statements.append("\n".join(buf).strip())
    return statements


def _row_to_document(row: sqlite3.Row) -> Document:
    return Document(
        id=row["id"], text=row["text"], source=row["source"], title=row["title"], author=row["author"],
        published=row["published"], outlet=row["outlet"], url=row["url"], language=row["language"],
        fetched_at=row["fetched_at"], content_type=row["content_type"],
        boilerplate=json.loads(row["boilerplate"] or "[]"), credited=json.loads(row["credited"] or "[]"),
        near_duplicate_of=row["near_duplicate_of"], similarity=row["similarity"], ingested_at=row["ingested_at"],
    )
