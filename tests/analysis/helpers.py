"""Small documents for the weighing tests (written for these tests, not taken from any outlet)."""

from __future__ import annotations

from claimscope.article.build import content_id
from claimscope.model import Document


def doc(text: str, source: str, *, outlet: str | None = None, language: str | None = "en",
        published: str | None = None) -> Document:
    """A Document from plain text."""
    return Document(id=content_id(text), text=text, source=source, outlet=outlet, language=language,
                    published=published)
