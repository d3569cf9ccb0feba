"""WARC and WARC.gz archives written here with warcio: HTML responses become pages."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .helpers import article, collect


def make_warc(gzip: bool) -> bytes:
    """warcinfo, a request, 3 HTML 200 responses, a 404 page and an image, in that order."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "claimscope tests"}))
    request = StatusAndHeaders("GET /a HTTP/1.1", [("Host", "news.example")], is_http_request=True)
    writer.write_record(writer.create_warc_record("https://news.example/a", "request", http_headers=request))

    def response(uri: str, status: str, ctype: str, body: bytes, date: str) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers,
                                           warc_headers_dict={"WARC-Date": date})
        writer.write_record(record)

    for n, name in enumerate("abc"):
        response(f"https://news.example/{name}", "200 OK", "text/html; charset=utf-8",
                 article(f"Story {name}").encode("utf-8"), f"2024-03-0{n + 1}T10:00:00Z")
    response("https://news.example/missing", "404 Not Found", "text/html", b"<html>gone</html>",
             "2024-03-04T10:00:00Z")
    response("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n....",
             "2024-03-04T10:00:00Z")
    return buf.getvalue()


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_html_responses_become_pages(tmp_path: Path, settings, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(make_warc(gzip=name.endswith(".gz")))
    pages, failures = collect([str(path)], settings())
    assert failures == []
    assert [p.source for p in pages] == [f"{path}#3", f"{path}#4", f"{path}#5"]
    assert [p.url for p in pages] == ["https://news.example/a", "https://news.example/b",
                                      "https://news.example/c"]
    assert pages[1].fetched_at == "2024-03-02T10:00:00Z"
    assert pages[1].content_type == "text/html; charset=utf-8"
    assert pages[1].data == article("Story b").encode("utf-8")


@pytest.mark.parametrize("gzip", [True, False])
def test_truncated_warc_keeps_pages_read_so_far(tmp_path: Path, settings, gzip: bool) -> None:
    data = make_warc(gzip=gzip)
    whole = tmp_path / "whole.warc"
    whole.write_bytes(data)
    offsets = [p.source for p in collect([str(whole)], settings())[0]]
    assert len(offsets) == 3
    cut = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    cut.write_bytes(data[: len(data) * 2 // 3])  # ends inside one of the HTML responses
    pages, failures = collect([str(cut)], settings())
    assert 1 <= len(pages) < 3
    assert len(failures) == 1 and failures[0].source == str(cut)
    assert "truncated or corrupt WARC archive" in failures[0].reason
    assert f"the {len(pages)} page(s) before it were kept" in failures[0].reason


def test_warc_record_over_max_bytes_is_refused_and_the_rest_kept(tmp_path: Path, settings) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(make_warc(gzip=True))
    size = len(article("Story a").encode("utf-8"))
    pages, failures = collect([str(path)], settings(max_bytes=size - 1))
    assert pages == []
    assert [f.source for f in failures] == [f"{path}#3", f"{path}#4", f"{path}#5"]
    pages, failures = collect([str(path)], settings(max_bytes=size))
    assert len(pages) == 3 and failures == []


def test_warc_served_over_http(http_server, settings) -> None:
    url = http_server.add("/crawl.warc.gz", make_warc(gzip=True), content_type="application/warc")
    pages, failures = collect([url], settings())
    assert failures == []
    assert [p.source for p in pages] == [f"{url}#3", f"{url}#4", f"{url}#5"]


def test_warc_without_html_responses_is_one_failure(tmp_path: Path, settings) -> None:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    writer.write_record(writer.create_warcinfo_record("empty.warc", {"software": "claimscope tests"}))
    path = tmp_path / "empty.warc.gz"
    path.write_bytes(buf.getvalue())
    pages, failures = collect([str(path)], settings())
    assert pages == []
    assert "hold no HTML response" in failures[0].reason


def test_garbage_named_warc_is_one_failure(tmp_path: Path, settings) -> None:
    path = tmp_path / "junk.warc"
    path.write_bytes(b"this is not an archive\n" * 10)
    pages, failures = collect([str(path)], settings())
    assert pages == []
    assert len(failures) == 1 and "WARC" in failures[0].reason


def test_warc_on_stdin_is_recognised(settings) -> None:
    pages, failures = collect(["-"], settings(), stdin=io.BytesIO(make_warc(gzip=True)))
    assert failures == []
    assert [p.source for p in pages] == ["-#3", "-#4", "-#5"]
