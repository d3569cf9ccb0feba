"""Guess what a file or body is from its name and first bytes: HTML, plain text, feed, WARC, gzip."""

from __future__ import annotations

import re
from pathlib import PurePath

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}
FEED_SUFFIXES = {".rss", ".atom", ".xml", ".rdf"}
WARC_SUFFIXES = (".warc", ".warc.gz")
GZIP_MAGIC = b"\x1f\x8b"

_HTML = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]|<p[\s>]|<div[\s>]",
                   re.IGNORECASE)
# A feed's root element, after an optional XML declaration, comments, processing instructions, BOM.
_FEED = re.compile(rb"^(\xef\xbb\xbf)?\s*(<\?[^>]*>\s*|<!--.*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]",
                   re.DOTALL | re.IGNORECASE)


def looks_like_html(data: bytes) -> bool:
    """True when the first 4 KB hold typical HTML tags."""
    return _HTML.search(data[:4096]) is not None


def looks_like_feed(data: bytes) -> bool:
    """True when the document's root element is <rss>, <feed> (Atom) or <rdf:RDF> (RSS 1.0)."""
    return _FEED.match(data[:8192]) is not None


def looks_like_warc(data: bytes) -> bool:
    """True when the data starts with a WARC record header."""
    return data.startswith(b"WARC/")


def is_warc_name(name: str) -> bool:
    """True for *.warc and *.warc.gz."""
    return name.lower().endswith(WARC_SUFFIXES)


def text_type(name: str, data: bytes) -> str:
    """text/html or text/plain, from the name's suffix, else from the first bytes."""
    suffix = PurePath(name).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "text/html"
    if suffix in TEXT_SUFFIXES:
        return "text/plain"
    return "text/html" if looks_like_html(data) else "text/plain"


def with_charset(media: str, charset: str | None) -> str:
    """"text/html; charset=..." when the charset is known (the article stage decodes with it)."""
    return f"{media}; charset={charset}" if charset else media
