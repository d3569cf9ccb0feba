"""Doc extensions shared by the components: the only channel between them."""

from __future__ import annotations

from spacy.tokens import Doc

# Set by annotate() before the pipeline runs: the document's publication date, headline and byline
# (the headline and byline are not part of the text the pipeline reads).
for name in ("cs_index", "cs_published", "cs_title", "cs_author"):
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=None)

# Filled by components: lists of plain dicts, each `dataclasses.asdict()` of a claimscope.model record
# (Entity, DateMention, Amount, Claim). Plain data, because spaCy serialises Docs with msgpack when
# it runs the pipeline in several processes; pipeline.doc_annotations() turns them back into records.
for name in ("cs_entities", "cs_dates", "cs_amounts", "cs_claims"):
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=None)
