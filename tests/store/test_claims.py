"""Claims in the SQLite store: saved with their document, read back with filters."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimscope.config import load_settings
from claimscope.model import Amount, Annotations, Claim, DateMention, Document
from claimscope.store import open_store
from claimscope.store.claims import claims_of_document, find_claims, save_claims

TEXT = ("Peter Novak said that 40 fighters crossed into Osh on 3 May. "
        "Officials in Osh and Bishkek denied the report.")


def _annotations() -> Annotations:
    c1 = Claim(speaker="Peter Novak", cue="said", content="40 fighters crossed into Osh on 3 May",
               start=22, end=59, via=["Interior Ministry"], entities=["Osh"], speaker_kind="entity")
    c2 = Claim(speaker=["Osh officials", "Bishkek officials"], cue="denied", content="the report",
               start=96, end=106, status="negated", speaker_kind="description")
    return Annotations(claims=[c1, c2], dates=[DateMention("3 May", "2024-05-03", 54, 59)],
                       amounts=[Amount("40 fighters", 40, "people", "exact", 22, 33)])


@pytest.fixture
def store(tmp_path: Path):
    s = open_store({**load_settings(), "store": {**load_settings()["store"], "db": str(tmp_path / "t.db")}})
    yield s
    s.close()


def _doc(published: str = "2024-05-04") -> Document:
    return Document(id="ab" * 32, text=TEXT, source="test.txt", title="Fighters cross", published=published,
                    outlet="Test Wire")


def test_save_claims_links_speakers_via_and_mentions(store) -> None:
    store_doc = _doc()
    store.add_document(store_doc)
    with store.transaction() as conn:
        n = save_claims(conn, store_doc.id, _annotations(), {"Peter Novak": 7, "Osh": 9})
    assert n == 2
    (first, second) = claims_of_document(store.query, "ab" * 32)
    assert first.speakers == ["Peter Novak"] and first.via == ["Interior Ministry"]
    kinds = {(m["kind"], m["text"]) for m in first.mentions}
    assert kinds == {("entity", "Osh"), ("date", "3 May"), ("amount", "40 fighters")}
    assert second.speakers == ["Osh officials", "Bishkek officials"] and second.status == "negated"
    row = next(store.query("SELECT speaker_entity_id FROM claims WHERE speaker = ?", ("Peter Novak",)))
    assert row["speaker_entity_id"] == 7


def test_saving_again_replaces_a_documents_claims(store) -> None:
    store.add_document(_doc())
    for _ in range(2):
        with store.transaction() as conn:
            save_claims(conn, "ab" * 32, _annotations(), {})
    assert len(claims_of_document(store.query, "ab" * 32)) == 2


def test_find_claims_filters(store) -> None:
    store.add_document(_doc())
    with store.transaction() as conn:
        save_claims(conn, "ab" * 32, _annotations(), {})
    assert [c.cue for c in find_claims(store.query, speaker="novak")] == ["said"]
    assert [c.cue for c in find_claims(store.query, speaker="bishkek")] == ["denied"]
    assert [c.cue for c in find_claims(store.query, about="Osh")] == ["said"]
    assert [c.cue for c in find_claims(store.query, status="negated")] == ["denied"]
    assert find_claims(store.query, since="2024-06") == []
    assert len(find_claims(store.query, since="2024-05-01")) == 2
    assert find_claims(store.query, speaker="100%_") == []
