"""Entities in the store: one row per actor across documents, aliases, roles, mentions, queries."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimscope.errors import NotFoundError
from claimscope.model import Annotations, Document, Entity, EntityMention
from claimscope.store import open_store
from claimscope.store.entities import (
    entities_of_document,
    find_entity_id,
    get_entity,
    list_entities,
    save_entities,
)
from claimscope.store.sqlite import SQLiteStore

TEXT_A = ("Kadyr Malikov, who leads the Religion, Law and Politics analytical center, said the Imam Bukhori "
          "group had split. Malikov spoke in Bishkek.")
TEXT_B = "Katibat al-Imam Bukhari fighters pledged allegiance to the Taliban, Kadyr Malikov said."


def doc(text: str, published: str | None = None) -> Document:
    from claimscope.article.build import content_id

    return Document(id=content_id(text), text=text, source="t.txt", published=published, title=text[:20])


def mention(text: str, surface: str) -> EntityMention:
    start = text.index(surface)
    return EntityMention(start, start + len(surface), surface)


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    st = open_store(tmp_path / "e.db")
    yield st
    st.close()


def add(store: SQLiteStore, text: str, entities: list[Entity], published: str | None = None) -> str:
    d = doc(text, published)
    store.add_document(d, Annotations(entities=entities))
    return d.id


def bukhari(text: str, surface: str) -> Entity:
    return Entity("Katibat al-Imam Bukhari", "ORG", "armed_group", "UZ", aliases=[surface] if surface !=
                  "Katibat al-Imam Bukhari" else [], mentions=[mention(text, surface)])


def malikov(text: str, roles: list[str], surnames: bool = True) -> Entity:
    ms = [mention(text, "Kadyr Malikov")]
    if surnames and "Malikov spoke" in text:
        ms.append(EntityMention(text.index("Malikov spoke"), text.index("Malikov spoke") + 7, "Malikov"))
    return Entity("Kadyr Malikov", "PERSON", aliases=["Malikov"] if surnames else [], roles=roles, mentions=ms)


def test_one_actor_across_documents_is_one_row_with_every_alias(store: SQLiteStore) -> None:
    add(store, TEXT_A, [bukhari(TEXT_A, "Imam Bukhori group")], "2015-01-21")
    add(store, TEXT_B, [bukhari(TEXT_B, "Katibat al-Imam Bukhari")], "2015-02-03")
    rows = list_entities(store.query, type_="ORG")
    assert [(r.name, r.mentions, r.documents) for r in rows] == [("Katibat al-Imam Bukhari", 2, 2)]
    detail = get_entity(store.query, "imam bukhori group")
    assert detail.name == "Katibat al-Imam Bukhari" and "Imam Bukhori group" in detail.aliases
    assert (detail.first_seen, detail.last_seen) == ("2015-01-21", "2015-02-03")


def test_roles_accumulate_and_mentions_keep_offsets(store: SQLiteStore) -> None:
    a = add(store, TEXT_A, [malikov(TEXT_A, ["leads the Religion, Law and Politics analytical center"])])
    add(store, TEXT_B, [malikov(TEXT_B, ["analyst"], surnames=False)])
    detail = get_entity(store.query, "Kadyr Malikov")
    assert set(detail.roles) == {"leads the Religion, Law and Politics analytical center", "analyst"}
    assert detail.mentions == 3 and len(detail.documents) == 2
    stored = list(store.query('SELECT start, "end", text FROM mentions WHERE document_id = ? ORDER BY start', (a,)))
    assert [TEXT_A[m["start"]:m["end"]] for m in stored] == [m["text"] for m in stored] == ["Kadyr Malikov", "Malikov"]


def test_bare_surname_does_not_merge_two_people(store: SQLiteStore) -> None:
    add(store, TEXT_A, [malikov(TEXT_A, [])])
    text = "Ruslan Malikov, a farmer, said the road was closed."
    add(store, text, [Entity("Ruslan Malikov", "PERSON", aliases=["Malikov"], mentions=[mention(text, "Ruslan Malikov")])])
    assert sorted(r.name for r in list_entities(store.query, type_="PERSON")) == ["Kadyr Malikov", "Ruslan Malikov"]


def test_same_name_in_two_countries_stays_two_bodies(store: SQLiteStore) -> None:
    t1, t2 = "The GKNB said in Bishkek that ...", "The GKNB said in Dushanbe that ..."
    add(store, t1, [Entity("State Committee for National Security of Kyrgyzstan", "ORG", "government", "KG",
                           aliases=["GKNB"], mentions=[mention(t1, "GKNB")])])
    add(store, t2, [Entity("State Committee for National Security of Tajikistan", "ORG", "government", "TJ",
                           aliases=["GKNB"], mentions=[mention(t2, "GKNB")])])
    assert len(list_entities(store.query, search="gknb")) == 2


def test_reingesting_a_document_replaces_its_mentions(store: SQLiteStore) -> None:
    d = doc(TEXT_A)
    with store.transaction() as conn:
        conn.execute("INSERT INTO documents(id, source, text, ingested_at, claimscope_version, settings_hash) "
                     "VALUES (?, 't', ?, '2020-01-01', '0', 'x')", (d.id, d.text))
        ids = save_entities(conn, d.id, [bukhari(TEXT_A, "Imam Bukhori group")])
        again = save_entities(conn, d.id, [bukhari(TEXT_A, "Imam Bukhori group")])
    assert ids == again
    assert get_entity(store.query, "Katibat al-Imam Bukhari").mentions == 1


def test_search_type_and_document_listing(store: SQLiteStore) -> None:
    a = add(store, TEXT_A, [malikov(TEXT_A, []), bukhari(TEXT_A, "Imam Bukhori group"),
                            Entity("Bishkek", "PLACE", country="KG", mentions=[mention(TEXT_A, "Bishkek")],
                                   lat=42.87, lon=74.59)])
    assert [r.name for r in list_entities(store.query, search="bukhor")] == ["Katibat al-Imam Bukhari"]
    assert [r.name for r in list_entities(store.query, type_="PLACE")] == ["Bishkek"]
    assert [r.name for r in entities_of_document(store.query, a)] == ["Kadyr Malikov", "Katibat al-Imam Bukhari",
                                                                       "Bishkek"]


def test_unknown_name_raises_not_found(store: SQLiteStore) -> None:
    with pytest.raises(NotFoundError, match="claimscope entities"):
        find_entity_id(store.query, "Nobody Atall")


def test_a_gazetteer_alias_no_page_wrote_still_finds_the_entity(store: SQLiteStore) -> None:
    add(store, TEXT_B, [bukhari(TEXT_B, "Katibat al-Imam Bukhari")])
    assert get_entity(store.query, "Imam Bukhori").name == "Katibat al-Imam Bukhari"
    assert get_entity(store.query, "Imam Bukhari Jamaat").name == "Katibat al-Imam Bukhari"


def test_the_store_files_an_actor_under_its_gazetteer_name(store: SQLiteStore) -> None:
    text = "Fighters of the Imam Bukhori group crossed the border."
    entity = Entity("Imam Bukhori group", "ORG", "armed_group", "UZ", aliases=["Katibat al-Imam Bukhari"],
                    mentions=[mention(text, "Imam Bukhori group")])
    d = doc(text)
    with store.transaction() as conn:
        conn.execute("INSERT INTO documents(id, source, text, ingested_at, claimscope_version, settings_hash) "
                     "VALUES (?, 't', ?, '2020-01-01', '0', 'x')", (d.id, d.text))
        ids = save_entities(conn, d.id, [entity])
    assert list(ids) == ["Imam Bukhori group"]  # the document's name, as its claims use it
    assert [r.name for r in list_entities(store.query)] == ["Katibat al-Imam Bukhari"]
