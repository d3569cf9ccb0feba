"""Language of a document (ISO 639-1), cautious with short or ambiguous text.

Running text in which English function words (data/english_function_words.txt) are a large share
of the words is English; everything else goes to py3langid's model, which is loaded only then
(it takes about 100 MB, and most news read here is English).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

_WORD = re.compile(r"[^\W\d_]{2,}")
_TOKEN = re.compile(r"[^\W\d_]+")
# Fewer words than this: too little to tell; the document is left unflagged (None).
MIN_WORDS = 8
# English without the model: at least this many words, this share of them function words.
SHORTCUT_WORDS = 20
SHORTCUT_SHARE = 0.2
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


@lru_cache(maxsize=1)
def english_function_words() -> frozenset[str]:
    """The function words of data/english_function_words.txt."""
    text = resources.files("claimscope.article").joinpath("data", "english_function_words.txt").read_text("utf-8")
    return frozenset(w.strip().casefold() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def looks_english(text: str) -> bool:
    """True for running text in which English function words are frequent."""
    tokens = [t.casefold() for t in _TOKEN.findall(text)]
    if len(tokens) < SHORTCUT_WORDS:
        return False
    common = english_function_words()
    return sum(t in common for t in tokens) >= SHORTCUT_SHARE * len(tokens)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short or unclear."""
    sample = text[:SAMPLE_CHARS]
    words = len(_WORD.findall(sample))
    if words < MIN_WORDS:
        return None
    if looks_english(sample):
        return "en"
    lang, prob = _identifier().classify(sample)
    if lang == "en":
        return "en" if prob >= MIN_PROB_ENGLISH else None
    needed = MIN_PROB_LONG if words >= LONG_WORDS else MIN_PROB_SHORT
    return str(lang) if prob >= needed else None
