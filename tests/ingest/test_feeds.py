"""RSS and Atom feeds: items fetched through the guarded client, or their embedded content used."""

from __future__ import annotations

from pathlib import Path

from .helpers import article, collect

LONG = " ".join(["Officials said the talks would resume next week in the capital."] * 10)


def rss(base: str, items: list[tuple[str, str, str]]) -> str:
    """An RSS 2.0 feed; items are (title, link path, description)."""
    body = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link><description>{desc}</description>"
        f"<dc:creator>Ana Reporter</dc:creator><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>"
        for title, path, desc in items)
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Border Monitor</title>'
            f"<link>{base}/</link><description>News</description>{body}</channel></rss>")


ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title><id>urn:x</id>
<updated>2024-03-06T08:00:00Z</updated>
<entry><title>Ceasefire holds</title><id>urn:1</id><link href="http://127.0.0.1:9/ceasefire"/>
<author><name>Bo Writer</name></author><published>2024-03-06T08:00:00Z</published>
<updated>2024-03-06T08:00:00Z</updated>
<content type="html">&lt;p&gt;{LONG}&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_feed_url_items_are_fetched_with_hints(http_server, settings) -> None:
    http_server.add("/a", article("First"))
    http_server.add("/b", article("Second"))
    feed_url = http_server.add("/feed.xml", rss(http_server.url(""), [("First", "/a", "short"),
                                                                     ("Second", "/b", "short")]),
                               content_type="application/rss+xml")
    pages, failures = collect([feed_url], settings())
    assert failures == []
    assert [p.source for p in pages] == [f"{feed_url}#1", f"{feed_url}#2"]
    assert pages[1].data == article("Second").encode("utf-8")
    assert pages[0].hints == {"title": "First", "author": "Ana Reporter", "published": "2024-03-05",
                              "outlet": "Border Monitor", "url": http_server.url("/a")}
    assert http_server.hits == ["/feed.xml", "/a", "/b"]


def test_rss_feed_file_is_detected_and_its_items_fetched(tmp_path: Path, http_server, settings) -> None:
    http_server.add("/a", article("First"))
    feed = tmp_path / "feed.xml"
    feed.write_text(rss(http_server.url(""), [("First", "/a", "short")]), encoding="utf-8")
    pages, failures = collect([str(feed)], settings())
    assert failures == []
    assert [(p.source, p.url, p.content_type) for p in pages] == \
        [(f"{feed}#1", http_server.url("/a"), "text/html; charset=utf-8")]


def test_atom_embedded_content_is_used_when_not_fetching(tmp_path: Path, settings) -> None:
    feed = tmp_path / "desk.atom"
    feed.write_text(ATOM, encoding="utf-8")
    pages, failures = collect([str(feed)], settings(feed_fetch_items=False))
    assert failures == []
    page = pages[0]
    assert page.content_type == "text/html; charset=utf-8"
    assert LONG.encode("utf-8") in page.data and b"<title>Ceasefire holds</title>" in page.data
    assert page.hints == {"title": "Ceasefire holds", "author": "Bo Writer", "published": "2024-03-06",
                          "outlet": "Atom Desk", "url": "http://127.0.0.1:9/ceasefire"}


def test_embedded_content_is_used_when_the_item_page_cannot_be_fetched(tmp_path: Path, settings) -> None:
    feed = tmp_path / "desk.atom"
    feed.write_text(ATOM, encoding="utf-8")  # its link points at port 9, where nothing listens
    pages, failures = collect([str(feed)], settings(feed_min_embedded_chars=200))
    assert failures == []
    assert LONG.encode("utf-8") in pages[0].data


def test_feed_with_a_broken_item_names_it_and_keeps_the_others(http_server, settings) -> None:
    http_server.add("/a", article("First"))
    http_server.add("/c", article("Third"))
    feed_url = http_server.add("/feed.xml", rss(http_server.url(""), [("First", "/a", "short"),
                                                                     ("Gone", "/gone", "short"),
                                                                     ("Third", "/c", "short")]),
                               content_type="application/rss+xml")
    pages, failures = collect([feed_url], settings())
    assert [p.source for p in pages] == [f"{feed_url}#1", f"{feed_url}#3"]
    assert [f.source for f in failures] == [f"{feed_url}#2"]
    assert failures[0].reason.startswith("feed item 2 ('Gone'): could not fetch its link")
    assert "HTTP 404" in failures[0].reason


def test_feed_item_links_go_through_the_address_guard(tmp_path: Path, http_server, settings) -> None:
    http_server.add("/a", article("First"))
    feed = tmp_path / "feed.xml"
    feed.write_text(rss(http_server.url(""), [("First", "/a", "short")]), encoding="utf-8")
    pages, failures = collect([str(feed)], settings(allow_networks=[]))
    assert pages == []
    assert "--allow-private" in failures[0].reason
    assert http_server.hits == []


def test_malformed_feed_is_one_failure(tmp_path: Path, settings) -> None:
    feed = tmp_path / "feed.rss"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Broken & <item>',
                    encoding="utf-8")
    pages, failures = collect([str(feed)], settings())
    assert pages == []
    assert len(failures) == 1 and "not a readable RSS/Atom feed" in failures[0].reason


def test_relative_item_links_resolve_against_the_feed_url(http_server, settings) -> None:
    http_server.add("/news/a", article("First"))
    feed_url = http_server.add("/news/feed.xml", rss("", [("First", "/news/a", "short")]),
                               content_type="text/xml")
    pages, failures = collect([feed_url], settings())
    assert failures == []
    assert pages[0].url == http_server.url("/news/a")


def test_item_date_is_the_date_the_feed_printed_not_utc(tmp_path: Path, settings) -> None:
    feed = tmp_path / "late.rss"
    feed.write_text(rss("http://127.0.0.1:9", [("Late", "/late", LONG)]).replace(
        "Tue, 05 Mar 2024 10:00:00 GMT", "Tue, 05 Mar 2024 23:30:00 -0500"), encoding="utf-8")
    pages, failures = collect([str(feed)], settings(feed_fetch_items=False))
    assert failures == []
    assert pages[0].hints["published"] == "2024-03-05"
