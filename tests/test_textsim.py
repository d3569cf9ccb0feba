"""MinHash similarity used for near-duplicates."""

from __future__ import annotations

from claimscope import textsim

TEXT = "four gunmen opened fire on a police station in the centre of the city on Monday morning " * 4


def test_identical_texts_have_similarity_one() -> None:
    assert textsim.similarity(textsim.signature(TEXT), textsim.signature(TEXT)) == 1.0


def test_similarity_tracks_shared_shingles() -> None:
    other = "the weather in the mountains was cold and clear with snow expected later in the week " * 4
    assert textsim.similarity(textsim.signature(TEXT), textsim.signature(other)) < 0.2


def test_signatures_round_trip_through_storage() -> None:
    sig = textsim.signature(TEXT)
    assert (textsim.from_blob(textsim.to_blob(sig)) == sig).all()


def test_band_hashes_are_signed_64_bit() -> None:
    hashes = textsim.band_hashes(textsim.signature(TEXT))
    assert len(hashes) == 16
    assert all(-(2**63) <= h < 2**63 for h in hashes)
