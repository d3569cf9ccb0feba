"""Files, folders, stdin and gzip through iter_pages."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from .helpers import article, collect


def test_html_file_is_one_html_page(tmp_path: Path, settings) -> None:
    path = tmp_path / "story.html"
    path.write_text(article(), encoding="utf-8")
    pages, failures = collect([str(path)], settings())
    assert failures == []
    assert [p.source for p in pages] == [str(path)]
    assert pages[0].data == path.read_bytes()
    assert pages[0].content_type == "text/html"


def test_text_file_is_text_plain_and_html_without_suffix_is_sniffed(tmp_path: Path, settings) -> None:
    (tmp_path / "saved.txt").write_text("Accessibility links\nA headline\nBody text.\n", encoding="utf-8")
    (tmp_path / "page").write_text(article(), encoding="utf-8")
    pages, _ = collect([str(tmp_path / "saved.txt"), str(tmp_path / "page")], settings())
    assert [p.content_type for p in pages] == ["text/plain", "text/html"]


def test_folder_is_read_recursively_in_order_skipping_hidden(tmp_path: Path, settings) -> None:
    (tmp_path / "b.html").write_text(article("B"), encoding="utf-8")
    (tmp_path / "a.txt").write_text("A text", encoding="utf-8")
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "c.html").write_text(article("C"), encoding="utf-8")
    (tmp_path / ".hidden.html").write_text(article("hidden"), encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "d.html").write_text(article("D"), encoding="utf-8")
    pages, failures = collect([str(tmp_path)], settings())
    assert failures == []
    assert [Path(p.source).relative_to(tmp_path).as_posix() for p in pages] == \
        ["a.txt", "b.html", "sub/deeper/c.html"]


def test_stdin_dash_reads_standard_input(settings) -> None:
    pages, failures = collect(["-"], settings(), stdin=io.BytesIO(article().encode("utf-8")))
    assert failures == []
    assert [(p.source, p.content_type) for p in pages] == [("-", "text/html")]


def test_html_gz_is_decompressed(tmp_path: Path, settings) -> None:
    path = tmp_path / "story.html.gz"
    path.write_bytes(gzip.compress(article().encode("utf-8")))
    pages, failures = collect([str(path)], settings())
    assert failures == []
    assert pages[0].data == article().encode("utf-8")
    assert pages[0].content_type == "text/html"


def test_truncated_gzip_is_one_failure_and_the_batch_goes_on(tmp_path: Path, settings) -> None:
    broken = tmp_path / "broken.html.gz"
    broken.write_bytes(gzip.compress(article().encode("utf-8") * 20)[:60])
    good = tmp_path / "good.html"
    good.write_text(article(), encoding="utf-8")
    pages, failures = collect([str(broken), str(good)], settings())
    assert [p.source for p in pages] == [str(good)]
    assert [f.source for f in failures] == [str(broken)]
    assert "truncated" in failures[0].reason


def test_oversized_file_is_refused(tmp_path: Path, settings) -> None:
    big = tmp_path / "big.html"
    big.write_text(article() * 10, encoding="utf-8")
    pages, failures = collect([str(big)], settings(max_bytes=1000))
    assert pages == []
    assert "over max_bytes (1,000)" in failures[0].reason
    assert "raise [ingest] max_bytes" in failures[0].reason


def test_oversized_gzip_content_is_refused(tmp_path: Path, settings) -> None:
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b" " * 100_000))  # tiny on disk, large once decompressed
    pages, failures = collect([str(bomb)], settings(max_bytes=1000))
    assert pages == []
    assert "larger than max_bytes" in failures[0].reason


def test_oversized_stdin_is_refused(settings) -> None:
    pages, failures = collect(["-"], settings(max_bytes=100), stdin=io.BytesIO(b"x" * 101))
    assert pages == []
    assert failures[0].source == "-"


def test_missing_path_is_one_failure(tmp_path: Path, settings) -> None:
    pages, failures = collect([str(tmp_path / "nope.html")], settings())
    assert pages == []
    assert "no such file or folder" in failures[0].reason


def test_an_unexpected_reader_error_is_one_failure_and_the_batch_goes_on(tmp_path: Path, settings,
                                                                         monkeypatch) -> None:
    import claimscope.ingest.sources as sources

    def broken(*args, **kwargs):
        raise RuntimeError("parser bug")
        yield  # pragma: no cover

    monkeypatch.setattr(sources, "iter_feed", broken)
    feed = tmp_path / "feed.rss"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', encoding="utf-8")
    good = tmp_path / "good.html"
    good.write_text(article(), encoding="utf-8")
    pages, failures = collect([str(feed), str(good)], settings())
    assert [p.source for p in pages] == [str(good)]
    assert failures[0].source == str(feed) and "RuntimeError" in failures[0].reason
