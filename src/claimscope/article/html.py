"""HTML -> article text and metadata through trafilatura, with fallbacks and a furniture pass.

trafilatura runs without comments (reader comments are not the article). When it finds little or
nothing, its recall-oriented mode and its baseline extractor are tried and the longest result is
kept. Its output is then cleaned line by line: a leading copy of the headline and lines matching
the furniture patterns (share buttons, "Read more: ..." links, copyright lines) are dropped.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from claimscope.article.furniture import furniture
from claimscope.article.text import fold

_WORD = re.compile(r"\w+")
# Below this many words the first extraction counts as "little" and the fallbacks are tried.
MIN_WORDS = 25
# Furniture patterns are applied to lines of at most this many words.
MAX_FURNITURE_WORDS = 40


@dataclass
class HtmlArticle:
    """What trafilatura found in one page."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    language: str | None = None  # as the page declares it (<html lang>)
    url: str | None = None
    boilerplate: list[str] = field(default_factory=list)


def _words(text: str | None) -> int:
    return len(_WORD.findall(text or ""))


def _metadata(tree: Any, url: str | None) -> Any:
    """trafilatura's metadata steps that claimscope uses (title, author, url, date, site name).

    trafilatura.extract_metadata also collects categories, tags and licence, which cost about a
    quarter of its time and are not used here; its own steps are called in its own order instead.
    """
    from trafilatura import metadata as meta  # noqa: PLC0415

    try:
        doc = meta.examine_meta(tree)
        if doc.author and " " not in doc.author:
            doc.author = None  # a single word is a handle or a site name, as trafilatura decides too
        with contextlib.suppress(Exception):  # trafilatura's JSON-LD reader fails on odd markup
            doc = meta.extract_meta_json(tree, doc)
        doc.title = doc.title or meta.extract_title(tree)
        doc.author = doc.author or meta.extract_author(tree)
        doc.url = doc.url or meta.extract_url(tree, url)
        date_config = meta.set_date_params(True)
        date_config["url"] = doc.url
        doc.date = meta.find_date(tree, **date_config)
        doc.sitename = (doc.sitename or meta.extract_sitename(tree) or "").lstrip("@") or None
        if doc.sitename and "." not in doc.sitename and not doc.sitename[0].isupper():
            doc.sitename = doc.sitename.title()
        doc.clean_and_trim()
        return doc
    except AttributeError:  # another trafilatura version: use its whole metadata pass
        return meta.extract_metadata(tree, default_url=url)


def _bare(html: str, url: str | None) -> tuple[Any, Any]:
    """(metadata, extraction) of a page; either may be None when trafilatura cannot read it."""
    import trafilatura  # noqa: PLC0415 - heavy import, only when HTML is met
    from trafilatura.utils import load_html  # noqa: PLC0415

    try:
        tree = load_html(html)
        if tree is None:
            return None, None
        meta = _metadata(tree, url)
        meta.language = declared_language(tree.get("lang") or tree.get("xml:lang"))
        # The tree is cleaned in place by the extraction, so the metadata is read first.
        return meta, trafilatura.bare_extraction(tree, url=url, include_comments=False)
    except Exception:  # noqa: BLE001 - trafilatura raises assorted errors on broken markup
        return None, None


def declared_language(lang: str | None) -> str | None:
    """ISO 639-1 code of an HTML lang attribute ("en-GB" -> "en"), or None."""
    m = re.fullmatch(r"\s*([A-Za-z]{2})(?:[-_]\w+)*\s*", lang or "")
    return m.group(1).lower() if m else None


def _fallback_texts(html: str, url: str | None) -> list[str]:
    import trafilatura  # noqa: PLC0415

    texts: list[str] = []
    with contextlib.suppress(Exception):  # trafilatura raises assorted errors on broken markup
        texts.append(trafilatura.extract(html, url=url, favor_recall=True, include_comments=False) or "")
    with contextlib.suppress(Exception):
        texts.append(trafilatura.baseline(html)[1] or "")
    return texts


def extract_html(html: str, url: str | None = None) -> HtmlArticle:
    """Article text and metadata of an HTML page (text may be empty when there is no article)."""
    meta, doc = _bare(html, url)
    text = (doc.text if doc is not None else "") or ""
    if _words(text) < MIN_WORDS:
        for candidate in _fallback_texts(html, url):
            if _words(candidate) > _words(text):
                text = candidate
    title = _attr(meta, "title")
    text, removed = clean_extracted(text, title)
    return HtmlArticle(text=text, title=title, author=_attr(meta, "author"), date=_attr(meta, "date"),
                       sitename=_attr(meta, "sitename"), language=_attr(meta, "language"),
                       url=_attr(meta, "url") or url, boilerplate=removed)


def _attr(doc: Any, name: str) -> str | None:
    value = getattr(doc, name, None) if doc is not None else None
    return str(value).strip() or None if value else None


def _is_headline_copy(line_key: str, title_key: str) -> bool:
    """The line repeats the headline (exactly, as its start, or nearly: "Title" vs "Title - Site")."""
    if line_key == title_key:
        return True
    return len(line_key) > 15 and (title_key.startswith(line_key) or fuzz.ratio(line_key, title_key) >= 90)


def clean_extracted(text: str, title: str | None) -> tuple[str, list[str]]:
    """Drop a leading headline copy and furniture lines from extracted text; (text, removed lines)."""
    furn = furniture()
    kept: list[str] = []
    removed: list[str] = []
    title_key = fold(title) if title else None
    seen_lines = 0
    for line in text.split("\n"):
        bare = line.strip().lstrip("-•*· ").strip()
        if not bare:
            kept.append(line)
            continue
        seen_lines += 1
        headline_copy = bool(title_key) and seen_lines <= 2 and _is_headline_copy(fold(bare), title_key or "")
        if headline_copy or (_words(bare) <= MAX_FURNITURE_WORDS and furn.line.fullmatch(bare)):
            removed.append(line.strip())
        else:
            kept.append(line)
    return "\n".join(kept).strip(), removed
