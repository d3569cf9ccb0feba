"""The one-way flow as plain generators: sources -> pages -> documents -> annotated documents.

The CLI, the benchmarks and the weighing all run articles through these, so every entry point treats
bad input the same way: one Failure per bad input, and the rest of the batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import BinaryIO

from claimscope.article.build import to_document
from claimscope.config import Settings
from claimscope.errors import ClaimscopeError
from claimscope.ingest.sources import iter_pages
from claimscope.model import Annotations, Document, Failure

Annotated = tuple[Document, Annotations]


def documents(
    sources: Sequence[str],
    settings: Settings,
    *,
    allow_private: bool = False,
    published: str | None = None,
    source_name: str | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Document | Failure]:
    """Documents (or Failures) for everything the sources name, streamed in order."""
    for item in iter_pages(sources, settings, allow_private=allow_private, stdin=stdin):
        if isinstance(item, Failure):
            yield item
            continue
        try:
            yield to_document(item, settings, published=published, source_name=source_name)
        except ClaimscopeError as exc:
            yield Failure(item.source, str(exc))
        except Exception as exc:  # a parser bug on hostile input must not end the batch
            yield Failure(item.source, f"unexpected {type(exc).__name__}: {exc}")


def chunks(items: Iterable[Document | Failure], size: int) -> Iterator[list[Document | Failure]]:
    """Consecutive lists of at most `size` items."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def annotated(
    items: Iterable[Document | Failure],
    settings: Settings,
    *,
    nlp: bool = True,
    chunk_size: int = 256,
    n_process: int | None = None,
) -> Iterator[Annotated | Failure]:
    """Run the NLP pipeline over the documents in chunks (several processes for large chunks)."""
    from claimscope.nlp import annotate  # spaCy loads only when NLP is wanted

    for chunk in chunks(items, chunk_size):
        docs = [d for d in chunk if isinstance(d, Document)]
        for item in chunk:
            if isinstance(item, Failure):
                yield item
        if not docs:
            continue
        if not nlp:
            for d in docs:
                yield d, Annotations(skipped="extraction not requested")
            continue
        yield from annotate(docs, settings, n_docs=len(docs), n_process=n_process)
