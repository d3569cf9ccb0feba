"""`claimscope entities`, `entity NAME` and `actors add` as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimscope.model import Annotations, Document, Entity, EntityMention
from claimscope.store import open_store

EXE = [sys.executable, "-m", "claimscope"]
TEXT = "Fighters of the Imam Bukhori group met in Osh, Kyrgyz officials said."


def run(*args: str, db: Path, env: dict[str, str] | None = None, check: int | None = 0) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "CLAIMSCOPE_DB": str(db), "COLUMNS": "200", **(env or {})}
    proc = subprocess.run([*EXE, *args], capture_output=True, text=True, env=full_env, timeout=300)
    if check is not None:
        assert proc.returncode == check, proc.stderr + proc.stdout
    return proc


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.db"
    store = open_store(path)
    from claimscope.article.build import content_id

    start = TEXT.index("Imam Bukhori group")
    group = Entity("Katibat al-Imam Bukhari", "ORG", "armed_group", "UZ", aliases=["Imam Bukhori group"],
                   mentions=[EntityMention(start, start + 18, "Imam Bukhori group")])
    osh = Entity("Osh", "PLACE", country="KG", mentions=[EntityMention(TEXT.index("Osh"), TEXT.index("Osh") + 3, "Osh")])
    store.add_document(Document(id=content_id(TEXT), text=TEXT, source="a.txt", published="2015-01-21",
                                title="Bukhari group"), Annotations(entities=[group, osh]))
    store.close()
    return path


def test_entities_lists_by_type_and_search(db: Path) -> None:
    out = run("entities", "--type", "ORG", db=db).stdout
    assert "Katibat al-Imam Bukhari" in out and "Osh" not in out
    rows = [json.loads(line) for line in run("entities", "--search", "bukhori", "--json", db=db).stdout.splitlines()]
    assert [r["name"] for r in rows] == ["Katibat al-Imam Bukhari"]


def test_entities_with_no_match_exits_1(db: Path) -> None:
    proc = run("entities", "--search", "nothing-like-this", db=db, check=1)
    assert "no entities match" in proc.stderr


def test_entities_rejects_an_unknown_type(db: Path) -> None:
    run("entities", "--type", "CITY", db=db, check=2)


def test_entity_shows_aliases_documents_and_dates(db: Path) -> None:
    out = run("entity", "Imam Bukhori group", db=db).stdout
    assert "Katibat al-Imam Bukhari" in out and "Imam Bukhori group" in out
    assert "first seen 2015-01-21" in out
    detail = json.loads(run("entity", "imam bukhori group", "--json", db=db).stdout)
    assert detail["mentions"] == 1 and detail["documents"][0]["published"] == "2015-01-21"


def test_entity_unknown_name_exits_1_with_a_hint(db: Path) -> None:
    proc = run("entity", "Nobody Atall", db=db, check=1)
    assert "claimscope entities" in proc.stderr


def test_actors_add_writes_the_user_gazetteer(tmp_path: Path, db: Path) -> None:
    env = {"XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    run("actors", "add", "Eastern Frontier Council", "--type", "ORG", "--kind", "government", "--country", "kg",
        "--alias", "EFC", db=db, env=env)
    written = (tmp_path / "cfg" / "claimscope" / "actors.tsv").read_text()
    assert "Eastern Frontier Council\tORG\tgovernment\tKG\tEFC" in written
    run("actors", "add", "X", "--type", "THING", db=db, env=env, check=2)
