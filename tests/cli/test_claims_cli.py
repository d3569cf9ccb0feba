"""End-to-end: `claimscope claims` and `claimscope report` over a store filled by `claimscope ingest`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("spacy")

EXE = [sys.executable, "-m", "claimscope"]
ARTICLE = (
    "Osh police detain <b>six</b> recruiters\n\n"
    "Kyrgyz police detained six men in Osh on Monday, the Interior Ministry said.\n\n"
    "Peter Novak, a ministry spokesman, told reporters that the men had sent <script>x</script> fighters to "
    "Syria. Novak admitted that the information has not been confirmed.\n\n"
    "There is no evidence that the group received money from abroad.\n"
)


def run(*args: str, db: Path, check: int | None = 0) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CLAIMSCOPE_DB": str(db), "COLUMNS": "200"}
    proc = subprocess.run([*EXE, *args], capture_output=True, text=True, env=env, timeout=300)
    if check is not None:
        assert proc.returncode == check, proc.stderr + proc.stdout
    return proc


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("claims")
    (root / "osh.txt").write_text(ARTICLE, encoding="utf-8")
    path = root / "t.db"
    run("ingest", str(root / "osh.txt"), db=path)
    doc_id = json.loads(run("claims", "--json", db=path).stdout.splitlines()[0])["document_id"]
    return path, doc_id


def test_claims_filters_by_speaker_and_status(db: tuple[Path, str]) -> None:
    path, _ = db
    rows = [json.loads(x) for x in run("claims", "--speaker", "Novak", "--json", db=path).stdout.splitlines()]
    assert rows and all("Novak" in " ".join(r["speakers"]) for r in rows)
    negated = [json.loads(x) for x in run("claims", "--status", "negated", "--json", db=path).stdout.splitlines()]
    assert [r["speaker"] for r in negated] == ["@author"]


def test_claims_without_match_exits_1(db: tuple[Path, str]) -> None:
    path, _ = db
    run("claims", "--speaker", "nobody-at-all", db=path, check=1)


def test_claims_rejects_unknown_status(db: tuple[Path, str]) -> None:
    path, _ = db
    run("claims", "--status", "maybe", db=path, check=2)


def test_report_terminal_lists_speakers(db: tuple[Path, str]) -> None:
    path, doc_id = db
    out = run("report", doc_id[:10], db=path).stdout
    assert "who said what" in out and "Interior Ministry" in out and "Novak" in out


def test_report_html_escapes_article_text(db: tuple[Path, str]) -> None:
    path, doc_id = db
    out = run("report", doc_id[:10], "--format", "html", db=path).stdout
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert out.startswith("<!doctype html>")


def test_report_markdown_has_sections(db: tuple[Path, str]) -> None:
    path, doc_id = db
    out = run("report", doc_id[:10], "--format", "markdown", db=path).stdout
    assert "## Who said what" in out and "## Entities" in out


def test_report_unknown_document_exits_3(db: tuple[Path, str]) -> None:
    path, _ = db
    run("report", "ffffffffff", db=path, check=3)
