"""Helpers for the ingest tests: a small article page we wrote, and iter_pages split by outcome."""

from __future__ import annotations

from typing import Any

from claimscope.config import Settings
from claimscope.ingest.sources import iter_pages
from claimscope.model import Failure, Page

_ARTICLE = ("<!DOCTYPE html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            "<p>The ministry said on Tuesday that convoys reached the border town after a week of talks "
            "between the two delegations, according to officials who asked not to be named.</p>"
            "</article></body></html>")


def article(title: str = "Convoys reach the border") -> str:
    """A small HTML article page."""
    return _ARTICLE.format(title=title)


def collect(sources: list[str], settings: Settings, **kwargs: Any) -> tuple[list[Page], list[Failure]]:
    """Run iter_pages and split its output into pages and failures (order kept within each)."""
    items = list(iter_pages(sources, settings, **kwargs))
    return [i for i in items if isinstance(i, Page)], [i for i in items if isinstance(i, Failure)]
