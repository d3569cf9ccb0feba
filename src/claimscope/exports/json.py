"""JSON views of documents: the shape of shared/gold/SCHEMA.md plus metadata and offsets."""

from __future__ import annotations

from typing import Any

from claimscope.model import Annotations, Document


def document_json(doc: Document, ann: Annotations | None = None, *, source: str | None = None) -> dict[str, Any]:
    """One document and its annotations as the SCHEMA.md object (extra keys are metadata)."""
    ann = ann or Annotations()
    out: dict[str, Any] = {}
    if source is not None:
        out["source"] = source
    out.update({
        "id": doc.id,
        "title": doc.title,
        "author": doc.author,
        "published": doc.published,
        "outlet": doc.outlet,
        "url": doc.url,
        "language": doc.language,
        "credited": list(doc.credited),
        "boilerplate": list(doc.boilerplate),
        "entities": [e.to_json() for e in ann.entities],
        "claims": [c.to_json() for c in ann.claims],
        "dates": [d.to_json() for d in ann.dates],
        "amounts": [a.to_json() for a in ann.amounts],
        "text": doc.text,
    })
    if ann.skipped:
        out["skipped"] = ann.skipped
    return out
