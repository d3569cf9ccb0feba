"""Language of a document (ISO 639-1), cautious with short or ambiguous text."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_WORD = re.compile(r"[^\W\d_]{2,}")
# Fewer words than this: too little to tell; the document is left unflagged (None).
MIN_WORDS = 8
# Probability a guess needs. Flagging a document as foreign makes later stages skip it, so a
# foreign guess must be surer than an English one, and surer still on short text.
MIN_PROB_ENGLISH = 0.5
MIN_PROB_SHORT = 0.9
MIN_PROB_LONG = 0.6
LONG_WORDS = 40
SAMPLE_CHARS = 1200


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # noqa: PLC0415 - loads a model

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short or unclear."""
    sample = text[:SAMPLE_CHARS]
    words = len(_WORD.findall(sample))
    if words < MIN_WORDS:
        return None
    lang, prob = _identifier().classify(sample)
    if lang == "en":
        return "en" if prob >= MIN_PROB_ENGLISH else None
    needed = MIN_PROB_LONG if words >= LONG_WORDS else MIN_PROB_SHORT
    return str(lang) if prob >= needed else None
