"""The one-way flow as plain generators: sources -> pages -> documents -> annotated documents.

The CLI, the benchmarks and the weighing all run articles through these, so every entry point treats
bad input the same way: one Failure per bad input, and the rest of the batch goes on.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
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


def annotated(
    items: Iterable[Document | Failure],
    settings: Settings,
    *,
    nlp: bool = True,
    n_process: int | None = None,
) -> Iterator[Annotated | Failure]:
    """Run the NLP pipeline over the stream of documents, passing Failures through as they come.

    The whole stream goes through one ``nlp.pipe`` call, so worker processes start once; they are used
    only when the stream holds more than ``[nlp] parallel_min_docs`` documents (peeked ahead).
    """
    if not nlp:
        for item in items:
            yield item if isinstance(item, Failure) else (item, Annotations(skipped="extraction not requested"))
        return
    from claimscope.nlp import annotate  # spaCy loads only when NLP is wanted

    it = iter(items)
    threshold = int(settings["nlp"].get("parallel_min_docs", 16))
    head: list[Document | Failure] = []
    n_docs = 0
    for item in it:
        head.append(item)
        n_docs += isinstance(item, Document)
        if n_docs > threshold:
            break
    failures: deque[Failure] = deque()

    def docs_only() -> Iterator[Document]:
        for item in chain(head, it):
            if isinstance(item, Failure):
                failures.append(item)
            else:
                yield item

    # n_docs <= threshold means the whole stream is in `head`: a small batch, one process.
    for result in annotate(docs_only(), settings, n_docs=n_docs if n_docs <= threshold else None,
                           n_process=n_process):
        while failures:
            yield failures.popleft()
        yield result
    while failures:
        yield failures.popleft()
