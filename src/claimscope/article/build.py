"""Page -> Document: decode, refuse non-articles, extract (HTML or plain text), add metadata."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import urlsplit

from claimscope.article.dates import normalise_date
from claimscope.article.decode import decode_bytes
from claimscope.article.html import extract_html
from claimscope.article.language import detect_language
from claimscope.article.text import clean_text
from claimscope.config import Settings
from claimscope.errors import ArticleError
from claimscope.model import Document, Page

_WS = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+")
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)\b",
                         re.I | re.S)
_HTML_TAGS = re.compile(r"</?(?:html|head|body|div|p|article|span|a|br|h[1-6])\b[^>]*>", re.I)
# Default for settings["article"]["min_words"]: fewer words than this are not an article.
MIN_WORDS = 10


def normalise_text(text: str) -> str:
    """NFKC, casefolded, whitespace collapsed: the form the content id is computed on."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def content_id(text: str) -> str:
    """sha256 hex of the normalised text, so the same article in other whitespace has one id."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def is_html(text: str, content_type: str | None = None) -> bool:
    """True when the page is HTML: by its content type, else by its first tags."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    if "html" in ctype or ctype.endswith("+xml"):
        return True
    head = text[:4096]
    return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(head)) >= 5


def outlet_of(url: str | None) -> str | None:
    """The host of a URL without "www.", as a fallback outlet name."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _min_words(settings: Settings) -> int:
    article = settings.get("article") if isinstance(settings, dict) else None
    value = article.get("min_words", MIN_WORDS) if isinstance(article, dict) else MIN_WORDS
    return int(value)


def to_document(page: Page, settings: Settings, *, published: str | None = None,
                source_name: str | None = None) -> Document:
    """Turn one Page into a clean Document; ArticleError (one clear reason) when it holds no article."""
    if not page.data.strip():
        raise ArticleError("the input is empty; give a file or page with article text")
    raw, _codec = decode_bytes(page.data, page.content_type)
    if not _WORD.search(raw):
        raise ArticleError("the input holds no words once decoded; give HTML or plain text with an article")
    min_words = _min_words(settings)
    hints = page.hints or {}
    if is_html(raw, page.content_type):
        art = extract_html(raw, page.url)
        body, title, author, found_date = art.text, art.title, art.author, art.date
        boilerplate, sitename, url = art.boilerplate, art.sitename, page.url or art.url
        declared_language = art.language
        content_type = page.content_type or "text/html"
        if len(_WORD.findall(body)) < min_words:
            raise ArticleError("no article text found in this HTML page (only navigation or furniture); "
                               "give the page of a single article")
    else:
        clean = clean_text(raw)
        body, title, author, found_date = clean.text, clean.title, clean.author, clean.published
        boilerplate, sitename, url = clean.boilerplate, None, page.url
        declared_language = None
        content_type = page.content_type or "text/plain"
        if len(_WORD.findall(body)) < min_words:
            raise ArticleError(f"the text holds no article (fewer than {min_words} words once page furniture "
                               "is removed); give the text of a news article")
    if published is not None:
        override = normalise_date(published)
        if override is None:
            raise ArticleError(f"--published {published!r} is not a date; write it as YYYY-MM-DD")
        date_value: str | None = override
    else:
        date_value = normalise_date(hints.get("published")) or normalise_date(found_date)
    return Document(
        id=content_id(body),
        text=body,
        source=page.source,
        title=title or hints.get("title") or None,
        author=author or hints.get("author") or None,
        published=date_value,
        outlet=source_name or sitename or hints.get("outlet") or outlet_of(url),
        url=url,
        # What the text reads as; the page's own declaration only when the text is too short to tell.
        language=detect_language(body) or declared_language,
        fetched_at=page.fetched_at,
        content_type=content_type,
        boilerplate=boilerplate,
    )
