"""Page -> Document: decode, refuse non-articles, extract (HTML or plain text), add metadata."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from claimscope.config import Settings
from claimscope.errors import ArticleError
from claimscope.model import Document, Page

_WS = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """NFKC, casefolded, whitespace collapsed: the form the content id is computed on."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def content_id(text: str) -> str:
    """sha256 hex of the normalised text, so the same article in other whitespace has one id."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def to_document(page: Page, settings: Settings, *, published: str | None = None,
                source_name: str | None = None) -> Document:
    """Turn one Page into a clean Document; ArticleError when the page holds no usable article."""
    if not page.data.strip():
        raise ArticleError("the input is empty; give a file or page with article text")
    if b"\x00" in page.data[:4096]:
        raise ArticleError("the input is binary data, not an article; give HTML or plain text")
    text = page.data.decode("utf-8", errors="replace").strip()
    if not text:
        raise ArticleError("no article text found; give HTML or plain text with an article")
    return Document(id=content_id(text), text=text, source=page.source, url=page.url,
                    published=published, outlet=source_name, fetched_at=page.fetched_at,
                    content_type=page.content_type)
