"""End-to-end: the `claimscope` command on real files, as a user runs it."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

EXE = [sys.executable, "-m", "claimscope"]
ARTICLE = (
    "Tajik authorities detained {n} men suspected of recruiting for the Islamic State group in the "
    "Rasht Valley, the Interior Ministry said on Monday. A ministry spokesman told reporters in Dushanbe "
    "that the suspects had sent at least {n} young people to Syria since 2014. Relatives of the men "
    "denied the accusations and said they had been detained without a warrant. {tail}\n"
)


def article(n: int, tail: str = "") -> str:
    return (f"Tajikistan detains {n} recruiters\n\n" + ARTICLE.format(n=n, tail=tail)
            + "\nThe ministry said the investigation was continuing and that more arrests were possible.\n")


def run(*args: str, db: Path, stdin: bytes | None = None, check: int | None = 0) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CLAIMSCOPE_DB": str(db), "COLUMNS": "200"}
    proc = subprocess.run([*EXE, *args], input=stdin.decode() if stdin else None, capture_output=True,
                          text=True, env=env, timeout=300)
    if check is not None:
        assert proc.returncode == check, proc.stderr + proc.stdout
    return proc


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    (root / "sub").mkdir(parents=True)
    (root / "one.txt").write_text(article(9))
    (root / "sub" / "two.txt").write_text(article(12, "The group was reportedly led by a former police officer."))
    (root / "sub" / "three.html").write_text(
        "<html><head><title>Raid in Osh</title></head><body><nav>Home | World</nav><article><h1>Raid in Osh"
        "</h1><p>" + ("Kyrgyz police raided a flat in Osh on Friday and seized weapons, officials said. " * 8)
        + "</p></article></body></html>")
    return root


def test_ingest_stores_a_folder_and_prints_a_summary(folder: Path, tmp_path: Path) -> None:
    proc = run("ingest", str(folder), "--no-nlp", db=tmp_path / "c.db")
    assert "3 stored, 0 near-duplicates, 0 duplicates, 0 failed; 3 documents in the store" in proc.stdout
    docs = run("docs", db=tmp_path / "c.db").stdout
    assert "Raid in Osh" in docs and "Tajikistan detains 9 recruiters" in docs


def test_ingesting_again_stores_nothing_twice(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    run("ingest", str(folder), "--no-nlp", db=db)
    again = run("ingest", str(folder), "--no-nlp", db=db)
    assert "duplicates (already stored)" in again.stdout
    assert sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0] == 3


def test_a_bad_input_is_named_and_the_batch_goes_on(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    run("ingest", str(folder / "one.txt"), "--no-nlp", db=db)
    (folder / "empty.txt").write_text("")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    proc = run("ingest", str(folder), str(tmp_path / "missing.txt"), "--no-nlp", db=db, check=1)
    failed_lines = [line for line in proc.stderr.splitlines() if line.startswith("failed:")]
    assert len(failed_lines) == 3
    assert any("empty.txt" in line for line in failed_lines)
    assert any("photo.png" in line for line in failed_lines)
    assert any("missing.txt" in line for line in failed_lines)
    assert sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0] == 3


def test_stdin_with_outlet_and_date_overrides(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    run("ingest", "-", "--no-nlp", "--source", "Asia-Plus", "--published", "2015-05-28", db=db,
        stdin=article(5).encode())
    row = sqlite3.connect(db).execute("SELECT outlet, published FROM documents").fetchone()
    assert row == ("Asia-Plus", "2015-05-28")


def test_show_prints_metadata_and_clean_text(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    run("ingest", str(folder / "sub" / "three.html"), "--no-nlp", db=db)
    doc_id = sqlite3.connect(db).execute("SELECT id FROM documents").fetchone()[0]
    shown = run("show", doc_id[:10], db=db).stdout
    assert "Raid in Osh" in shown and "seized weapons" in shown and "Home | World" not in shown
    as_json = json.loads(run("show", doc_id[:10], "--json", db=db).stdout)
    assert as_json["id"] == doc_id


def test_show_unknown_id_says_how_to_list(tmp_path: Path) -> None:
    proc = run("show", "deadbeef", db=tmp_path / "c.db", check=3)
    assert "claimscope docs" in proc.stderr


def test_search_prints_snippets_and_exits_1_on_no_match(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    run("ingest", str(folder), "--no-nlp", db=db)
    found = run("search", "Rasht recruiting", db=db).stdout
    assert "Tajikistan detains" in found and "Rasht" in found
    run("search", "Zanzibar", db=db, check=1)


def test_extract_json_prints_the_schema_shape_for_one_file(folder: Path, tmp_path: Path) -> None:
    out = json.loads(run("extract", str(folder / "one.txt"), "--format", "json", "--no-nlp", db=tmp_path / "x.db").stdout)
    for key in ("title", "author", "published", "boilerplate", "entities", "claims", "dates", "amounts", "text"):
        assert key in out
    assert out["title"] == "Tajikistan detains 9 recruiters"
    assert not (tmp_path / "x.db").exists()


def test_extract_jsonl_prints_one_line_per_file_with_its_source(folder: Path, tmp_path: Path) -> None:
    (folder / "broken.txt").write_bytes(b"")
    proc = run("extract", str(folder), "--format", "jsonl", "--no-nlp", db=tmp_path / "x.db", check=1)
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert sorted(Path(o["source"]).name for o in lines) == ["one.txt", "three.html", "two.txt"]
    assert "broken.txt" in proc.stderr


def test_a_killed_ingest_leaves_a_consistent_store_and_a_rerun_completes(tmp_path: Path) -> None:
    root = tmp_path / "many"
    root.mkdir()
    for i in range(400):
        (root / f"a{i:03}.txt").write_text(article(i + 2, f"Case number {i} was opened. " * (i % 7 + 1)))
    db = tmp_path / "k.db"
    env = {**os.environ, "CLAIMSCOPE_DB": str(db)}
    proc = subprocess.Popen([*EXE, "ingest", str(root), "--no-nlp"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        try:
            n = sqlite3.connect(db, timeout=1).execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            n = 0
        if n >= 5:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # every stored document is whole: its bands and sighting were written with it
    assert con.execute("SELECT count(*) FROM documents d WHERE NOT EXISTS "
                       "(SELECT 1 FROM document_sightings s WHERE s.document_id = d.id)").fetchone()[0] == 0
    con.close()
    run("ingest", str(root), "--no-nlp", db=db)
    assert sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0] == 400


def test_non_english_article_is_stored_and_flagged_as_not_read(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    russian = ("Командир ОМОН Таджикистана перешел на сторону ИГ\n\n" + "Полковник Гулмурод Халимов, "
               "командир отряда милиции особого назначения МВД Таджикистана, появился в видеоролике "
               "группировки Исламское государство. Об этом сообщили источники в силовых структурах. " * 3)
    (tmp_path / "ru.txt").write_text(russian, encoding="utf-8")
    proc = run("ingest", str(tmp_path / "ru.txt"), db=db)
    assert "stored, not read" in proc.stderr and "'ru'" in proc.stderr
    row = sqlite3.connect(db).execute("SELECT language, skipped FROM documents").fetchone()
    assert row[0] == "ru" and "not English" in row[1]


def test_every_command_has_help_with_examples() -> None:
    from claimscope.cli.app import app

    commands = [c.name or c.callback.__name__ for c in app.registered_commands]  # type: ignore[union-attr]
    assert {"ingest", "docs", "show", "search", "extract"} <= set(commands)
    for command in commands:
        proc = subprocess.run([*EXE, command, "--help"], capture_output=True, text=True, env={**os.environ,
                              "COLUMNS": "200"})
        assert proc.returncode == 0
        assert "Examples" in proc.stdout, command


def test_failure_lines_print_names_and_reasons_whole_never_as_markup(tmp_path: Path) -> None:
    hostile = tmp_path / "[bold]x.txt"
    hostile.write_text("")
    proc = run("extract", str(hostile), "http://127.0.0.1:9/page", "--no-nlp", db=tmp_path / "x.db", check=1)
    assert "[bold]x.txt" in proc.stderr
    assert "[ingest] allow_networks" in proc.stderr


def test_a_document_the_database_refuses_is_named_and_the_batch_goes_on(
        folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from claimscope.cli import app
    from claimscope.store.sqlite import SQLiteStore

    real = SQLiteStore._add_document

    def refuse_one(self: SQLiteStore, doc: Any, annotations: Any) -> Any:
        if doc.source.endswith("one.txt"):
            raise sqlite3.IntegrityError("CHECK constraint failed: status")
        return real(self, doc, annotations)

    monkeypatch.setattr(SQLiteStore, "_add_document", refuse_one)
    result = CliRunner().invoke(app, ["ingest", str(folder), "--no-nlp", "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 1
    assert "one.txt: not stored, the database refused its annotations" in result.output
    assert "2 stored, 0 near-duplicates, 0 duplicates, 1 failed; 2 documents in the store" in result.output
