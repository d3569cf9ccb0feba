"""Text similarity shared by the store (near-duplicate documents) and analysis (copied passages).

MinHash over word shingles with LSH banding. With 128 permutations in 16 bands of 8 rows, two texts
become candidates with probability 1-(1-s^8)^16: about 0.5 at Jaccard similarity s = 0.71, 0.96 at
s = 0.8, and under 0.03 at s = 0.5, which suits the default threshold of 0.7.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence

import numpy as np

_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """Lower-cased word tokens of a text, after Unicode normalisation."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def ngrams(tokens: list[str], n: int) -> set[str]:
    """The set of n-grams of a token list, joined by spaces (fewer than n tokens make one)."""
    if len(tokens) < n:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def shingles(text: str, size: int = 5) -> set[bytes]:
    """The set of word n-grams of a text (a short text is one shingle)."""
    return {s.encode() for s in ngrams(words(text), size)}


def signature(text: str, num_perm: int = 128, size: int = 5) -> np.ndarray:
    """MinHash signature (uint64 array) of the text's shingles."""
    from datasketch import MinHash  # imported on first use: it pulls in scipy, slow for a CLI start

    mh = MinHash(num_perm=num_perm, seed=1)
    sh = shingles(text, size)
    if sh:
        mh.update_batch(list(sh))
    return np.asarray(mh.hashvalues, dtype=np.uint64)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures of the same length."""
    if len(a) != len(b) or len(a) == 0:
        return 0.0
    return float(np.count_nonzero(a == b)) / len(a)


def band_hashes(sig: np.ndarray, bands: int = 16) -> list[int]:
    """One signed 64-bit hash per LSH band (fits an SQL INTEGER column)."""
    rows = len(sig) // bands
    out = []
    for b in range(bands):
        chunk = sig[b * rows : (b + 1) * rows].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        out.append(int.from_bytes(digest, "little", signed=True))
    return out


def to_blob(sig: np.ndarray) -> bytes:
    """Serialise a signature for storage."""
    return sig.astype("<u8").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    """Read back a stored signature."""
    return np.frombuffer(blob, dtype="<u8")


def best_match(sig: np.ndarray, candidates: Sequence[tuple[str, np.ndarray]]) -> tuple[str | None, float]:
    """The candidate most similar to `sig`, and its similarity."""
    best: tuple[str | None, float] = (None, 0.0)
    for key, other in candidates:
        s = similarity(sig, other)
        if s > best[1]:
            best = (key, s)
    return best
