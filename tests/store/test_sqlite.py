"""The SQLite store: migrations, dedupe, near-duplicates, search, transactions."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimscope.config import load_settings
from claimscope.errors import NotFoundError, StoreError
from claimscope.model import Amount, Annotations, DateMention, Document
from claimscope.store import open_store
from claimscope.store.sqlite import SQLiteStore, migrations

BODY = (
    "Kyrgyz security forces detained nine people suspected of links to the Islamic State group in the "
    "southern city of Osh, the State Committee for National Security said on Tuesday. The suspects were "
    "planning attacks on crowded places during the holidays, the committee said in a statement, adding "
    "that weapons and extremist literature had been seized in searches of their homes. "
)


def doc(text: str, source: str = "a.txt", **kw: object) -> Document:
    from claimscope.article.build import content_id

    return Document(id=content_id(text), text=text, source=source, **kw)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    st = open_store(tmp_path / "t.db")
    yield st
    st.close()


def test_migrations_are_applied_once_and_recorded(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    open_store(path).close()
    again = open_store(path)
    assert again.schema_version() == max(v for v, _, _ in migrations())
    assert again.migrate() == []
    again.close()


def test_wal_and_foreign_keys_are_on(store: SQLiteStore) -> None:
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_same_text_is_stored_once_and_the_second_source_is_a_sighting(store: SQLiteStore) -> None:
    first = store.add_document(doc(BODY * 3, "a.txt"))
    second = store.add_document(doc("  " + (BODY * 3).upper() + "\n", "b.html"))
    assert (first.status, second.status) == ("stored", "duplicate")
    assert store.count_documents() == 1
    assert [s["source"] for s in store.sightings(first.id)] == ["a.txt", "b.html"]


def test_syndicated_copy_is_linked_with_its_similarity(store: SQLiteStore) -> None:
    original = store.add_document(doc(BODY * 3, "wire.txt"))
    copy = store.add_document(doc("Share this story. Print. " + BODY * 3 + " Related: more news.", "site.txt"))
    assert copy.status == "near_duplicate"
    assert copy.near_duplicate_of == original.id
    assert copy.similarity is not None and copy.similarity >= 0.7
    assert store.count_documents() == 2


def test_unrelated_articles_are_not_linked(store: SQLiteStore) -> None:
    store.add_document(doc(BODY * 3))
    other = store.add_document(doc(
        "The central bank raised its key interest rate by half a point on Thursday, citing inflation that "
        "has run above target for six months, and said further increases could follow this year." * 3
    ))
    assert other.status == "stored"


def test_search_finds_words_in_title_and_text_with_snippets(store: SQLiteStore) -> None:
    stored = store.add_document(doc(BODY, title="Nine detained in Osh"))
    hits = store.search("detained Osh")
    assert [h.id for h in hits] == [stored.id]
    assert "\x02" in hits[0].snippet


def test_search_input_is_never_fts_syntax(store: SQLiteStore) -> None:
    store.add_document(doc(BODY))
    assert store.search('" OR 1=1; -- NEAR(') == []
    assert store.search("") == []


def test_get_document_by_unique_prefix(store: SQLiteStore) -> None:
    stored = store.add_document(doc(BODY))
    assert store.get_document(stored.id[:8]).text == BODY
    with pytest.raises(NotFoundError):
        store.get_document("ffffffff")


def test_dates_and_amounts_are_stored_with_the_document(store: SQLiteStore) -> None:
    ann = Annotations(dates=[DateMention("Tuesday", "2015-01-20", 0, 7)],
                      amounts=[Amount("nine people", 9, "people", "exact", 10, 21)])
    stored = store.add_document(doc(BODY), ann)
    rows = list(store.query("SELECT value FROM dates WHERE document_id = ?", (stored.id,)))
    assert rows == [{"value": "2015-01-20"}]
    assert list(store.query("SELECT unit FROM amounts"))[0]["unit"] == "people"


def test_a_failed_write_rolls_back_the_whole_document(store: SQLiteStore) -> None:
    bad = Annotations(dates=[DateMention("x", None, 0, 1)])  # type: ignore[arg-type]  # value NOT NULL
    with pytest.raises(StoreError, match="a.txt: not stored"):
        store.add_document(doc(BODY), bad)
    assert store.count_documents() == 0
    assert list(store.query("SELECT count(*) AS n FROM minhash_bands")) == [{"n": 0}]


def test_a_file_that_is_not_a_database_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a claimscope database"):
        SQLiteStore(path, load_settings())
