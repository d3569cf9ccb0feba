"""The Store interface: everything above the store talks to this, never to SQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from claimscope.model import Annotations, Document


@dataclass(frozen=True)
class AddResult:
    """What happened to one document handed to the store."""

    status: str  # "stored" | "duplicate" | "near_duplicate"
    id: str
    near_duplicate_of: str | None = None
    similarity: float | None = None


@dataclass(frozen=True)
class SearchHit:
    """One full-text search result."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str
    score: float


class Store(Protocol):
    """A document store (SQLite now; PostgreSQL later) behind one small interface."""

    def add_document(self, doc: Document, annotations: Annotations | None = None) -> AddResult:
        """Store one document (and its annotations) in one transaction; dedupe by id and near-duplicates."""
        ...

    def get_document(self, id_or_prefix: str) -> Document:
        """The document with this id (or unique id prefix); NotFoundError otherwise."""
        ...

    def list_documents(self, limit: int = 50, offset: int = 0) -> list[Document]:
        """Documents, newest ingested first."""
        ...

    def count_documents(self) -> int:
        """How many documents are stored."""
        ...

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search over title and text, best first, with snippets."""
        ...

    def transaction(self) -> AbstractContextManager[Any]:
        """A context manager: one transaction, committed on success, rolled back on error."""
        ...

    def query(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> Iterator[dict[str, Any]]:
        """Rows of a read query as dicts (for the stage modules that own extra tables)."""
        ...

    def close(self) -> None:
        """Close the connection."""
        ...
