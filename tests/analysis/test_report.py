"""Narrowing the board's output: propositions about an actor, reported since a date; conflicts follow."""

from __future__ import annotations

from typing import Any

from claimscope.analysis.report import select


def _claim(cid: str, source: str, content: str, entities: list[str] | None = None) -> dict[str, Any]:
    return {"id": cid, "source": source, "content": content, "entities": entities or []}


OUT: dict[str, Any] = {
    "propositions": [
        {"id": "p1", "claims": [_claim("a1", "a.txt", "The Islamic State claimed the attack", ["Islamic State"]),
                                _claim("b1", "b.txt", "IS said it carried out the attack")]},
        {"id": "p2", "claims": [_claim("a2", "a.txt", "This is the second attack this month"),
                                _claim("c2", "c.txt", "It is the second such attack in a month")]},
    ],
    "conflicts": [{"a": {"id": "a1"}, "b": {"id": "b1"}, "why": "x"},
                  {"a": {"id": "a2"}, "b": {"id": "b1"}, "why": "y"},
                  {"a": {"id": "a2"}, "b": {"id": "c2"}, "why": "z"}],
    "documents": [{"source": "a.txt", "dated": "2016-06-05"}, {"source": "b.txt", "dated": None},
                  {"source": "c.txt", "dated": "2016-07-18"}],
}


def test_about_matches_an_acronym_only_in_capitals() -> None:
    out = select(OUT, about=["IS"])
    assert [p["id"] for p in out["propositions"]] == ["p1"]


def test_about_matches_any_of_an_actors_names() -> None:
    out = select(OUT, about=["ISIL", "Islamic State"])
    assert [p["id"] for p in out["propositions"]] == ["p1"]


def test_conflicts_touching_a_kept_proposition_are_kept() -> None:
    out = select(OUT, about=["Islamic State"])
    assert [c["why"] for c in out["conflicts"]] == ["x", "y"]


def test_since_keeps_propositions_reported_on_or_after_the_date() -> None:
    out = select(OUT, since="2016-07")
    assert [p["id"] for p in out["propositions"]] == ["p2"]


def test_no_filter_returns_the_board_unchanged() -> None:
    assert select(OUT) is OUT


def test_about_matches_who_speaks() -> None:
    out = {**OUT, "propositions": [{"id": "p3", "claims": [{**_claim("d1", "a.txt", "responsibility for the attack"),
                                                            "speaker": "Islamic State Khorasan Province"}]}]}
    assert [p["id"] for p in select(out, about=["Islamic State Khorasan Province"])["propositions"]] == ["p3"]
