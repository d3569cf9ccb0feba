"""RSS/Atom feeds (feedparser): one Page per item, its page fetched or its embedded content used."""

from __future__ import annotations

import html
import re
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

import feedparser

from claimscope.errors import SourceError
from claimscope.ingest.options import IngestOptions
from claimscope.ingest.web import Fetched
from claimscope.model import Failure, Page

Fetch = Callable[[str], Fetched]

_TAG = re.compile(r"<[^>]+>")
_WS = re.compile(r"\s+")


def _visible_chars(markup: str) -> int:
    """Length of the text in an HTML fragment, tags removed and whitespace collapsed."""
    return len(_WS.sub(" ", html.unescape(_TAG.sub(" ", markup))).strip())


def _date(entry: Any) -> str | None:
    """The item's date as the feed printed it (its own time zone), YYYY-MM-DD.

    feedparser's *_parsed values are converted to UTC, which moves late-evening items to the next day.
    """
    raw = str(entry.get("published") or entry.get("updated") or "").strip()
    for parse in (parsedate_to_datetime, lambda text: datetime.fromisoformat(text.replace("Z", "+00:00"))):
        try:
            return parse(raw).date().isoformat()
        except (TypeError, ValueError, IndexError):
            continue
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _hints(entry: Any, outlet: str | None) -> dict[str, str]:
    detail = entry.get("author_detail") or {}
    hints = {
        "title": entry.get("title"),
        "author": detail.get("name") or entry.get("author"),
        "published": _date(entry),
        "outlet": outlet,
        "url": entry.get("link"),
    }
    return {key: str(value).strip() for key, value in hints.items() if value and str(value).strip()}


def _embedded(entry: Any) -> tuple[str, str]:
    """The item's longest embedded body (content:encoded, Atom content, summary) and its media type."""
    bodies = [(c.get("value") or "", c.get("type") or "text/html") for c in entry.get("content") or []]
    if entry.get("summary"):
        detail = entry.get("summary_detail") or {}
        bodies.append((entry["summary"], detail.get("type") or "text/html"))
    if not bodies:
        return "", "text/html"
    return max(bodies, key=lambda body: _visible_chars(body[0]))


def _embedded_page(source: str, entry: Any, hints: dict[str, str], fetched_at: str | None) -> Page:
    body, media = _embedded(entry)
    if media == "text/plain":
        return Page(source=source, data=body.encode("utf-8"), url=hints.get("url"),
                    content_type="text/plain; charset=utf-8", fetched_at=fetched_at, hints=hints)
    # A fragment becomes a small document so the HTML extractor sees a title and one article body.
    title = html.escape(hints.get("title", ""))
    doc = (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title></head>"
           f"<body><article>{body}</article></body></html>")
    return Page(source=source, data=doc.encode("utf-8"), url=hints.get("url"),
                content_type="text/html; charset=utf-8", fetched_at=fetched_at, hints=hints)


def _item(source: str, entry: Any, outlet: str | None, opts: IngestOptions, fetch: Fetch | None,
          fetched_at: str | None) -> Page:
    hints = _hints(entry, outlet)
    link = entry.get("link")
    body, _media = _embedded(entry)
    chars = _visible_chars(body)
    if opts.feed_fetch_items and link and fetch is not None:
        try:
            got = fetch(link)
            if got.kind in ("html", "text"):
                return Page(source=source, data=got.data, url=got.url, content_type=got.content_type,
                            fetched_at=got.fetched_at, hints={**hints, "url": got.url})
            why = f"its link {link} is a {got.kind}, not an article page"
        except SourceError as exc:
            why = f"could not fetch its link {link}: {exc}"
        if chars >= opts.feed_min_embedded_chars:
            return _embedded_page(source, entry, hints, fetched_at)
        raise SourceError(f"{why} (and its embedded content is too short to use: {chars} characters)")
    if chars:
        return _embedded_page(source, entry, hints, fetched_at)
    if not link:
        raise SourceError("the item has neither a link nor embedded content")
    raise SourceError("the item has no embedded content; set [ingest] feed_fetch_items = true "
                      "to fetch its page")


def iter_feed(source: str, data: bytes, opts: IngestOptions, fetch: Fetch | None = None, *,
              base_url: str | None = None, fetched_at: str | None = None) -> Iterator[Page | Failure]:
    """Yield one Page per feed item (source "feed#N"), one Failure per broken item, or one for a bad feed."""
    headers = {"content-location": base_url} if base_url else None
    parsed = feedparser.parse(data, response_headers=headers)  # bytes only: a str could be taken as a URL
    if not parsed.entries:
        if parsed.bozo:
            yield Failure(source, f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')}); "
                                  "check that the file or URL is a feed")
        else:
            yield Failure(source, "the feed has no items")
        return
    outlet = parsed.feed.get("title")
    for n, entry in enumerate(parsed.entries, start=1):
        item_source = f"{source}#{n}"
        try:
            yield _item(item_source, entry, outlet, opts, fetch, fetched_at)
        except SourceError as exc:
            title = entry.get("title")
            named = f"feed item {n}" + (f" ({title!r})" if title else "")
            yield Failure(item_source, f"{named}: {exc}")
