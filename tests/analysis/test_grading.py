"""Grades: reliability from the registry, credibility with reasons; a single origin is never 1."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimscope.analysis.board import Board
from claimscope.analysis.grading import grade
from claimscope.analysis.registry import load_registry
from claimscope.analysis.report import apply_overrides, confirmed_by_two, event_json
from claimscope.errors import ConfigError
from claimscope.model import Annotations

from .helpers import doc


def test_single_origin_is_never_confirmed_however_many_outlets() -> None:
    g = grade([("ministry:interior", "A", "government")], n_outlets=7, conflicting_origins=0, hedged=False)
    assert g.credibility != 1
    assert any("circular" in w for w in g.why)


def test_independent_named_origins_confirm() -> None:
    g = grade([("a", "B", "wire"), ("b", "C", "government")], n_outlets=2, conflicting_origins=0, hedged=False)
    assert (g.reliability, g.credibility) == ("B", 1)


def test_origins_grouped_only_loosely_are_probably_true_not_confirmed() -> None:
    g = grade([("a", "B", "wire"), ("b", "C", "government")], n_outlets=2, conflicting_origins=0, hedged=False,
              confirmed=False)
    assert g.credibility == 2
    assert any("closely alike" in w for w in g.why)


def _two_bodies(second: str = "Four of the attackers were killed and seven were detained") -> Board:
    """The ministry and the security committee each state a toll of the same operation."""
    b = Board()
    b.add(doc("Four of the attackers were killed and seven detained by police in the operation, the Interior "
              "Ministry said.", "aaa-story.txt"), Annotations())
    b.add(doc(f"{second} by police during the operation, the National Security Committee said.", "bbb-story.txt"),
          Annotations())
    return b


def test_two_bodies_stating_the_same_in_alike_words_confirm_it() -> None:
    (p,) = event_json(_two_bodies())["propositions"]
    assert p["independent_origins"] == 2 and p["grade"]["credibility"] == 1


def test_a_statement_that_does_not_assert_it_confirms_nothing() -> None:
    b = _two_bodies()
    pid = next(iter(b.props))
    for m in b.props[pid].members[1:]:
        b.statements[m].status = "negated"
    assert not confirmed_by_two(b, pid)


def test_origins_giving_different_figures_do_not_confirm_each_other() -> None:
    b = _two_bodies("Five of the attackers were killed and nine were detained")
    pid = next(p for p in b.props if len(b.props[p].docs) == 2)
    assert not confirmed_by_two(b, pid)


def test_a_proposition_whose_statements_conflict_is_not_confirmed() -> None:
    g = grade([("a", "B", "wire"), ("b", "C", "government")], n_outlets=2, conflicting_origins=0, hedged=False,
              confirmed=True, inner_conflicts=1)
    assert g.credibility == 2 and any("disagree" in w for w in g.why)


def test_two_outlets_own_reporting_is_probably_true_not_confirmed() -> None:
    g = grade([("a", "B", "media_major"), ("b", "C", "media")], n_outlets=2, conflicting_origins=0, hedged=False)
    assert g.credibility == 2


def test_contradiction_makes_it_doubtful() -> None:
    g = grade([("a", "B", "wire"), ("b", "C", "media")], n_outlets=2, conflicting_origins=1, hedged=False)
    assert g.credibility == 4


def test_registry_defaults_by_kind_and_user_overrides(tmp_path: Path) -> None:
    reg = load_registry()
    assert reg.lookup("Reuters").reliability == "B"  # type: ignore[union-attr]
    user = tmp_path / "sources.json"
    user.write_text(json.dumps({"sources": [{"name": "Reuters", "kind": "wire", "reliability": "A"},
                                            {"name": "Local Daily", "kind": "media", "slugs": ["localdaily"]}]}))
    reg = load_registry(str(user))
    assert reg.lookup("Reuters").reliability == "A"  # type: ignore[union-attr]
    assert reg.outlet_of(None, "https://www.localdaily.kz/x", "x").name == "Local Daily"  # type: ignore[union-attr]


def test_a_user_entry_for_a_known_source_keeps_the_fields_it_does_not_give(tmp_path: Path) -> None:
    user = tmp_path / "sources.json"
    user.write_text(json.dumps({"sources": [{"name": "Interfax", "reliability": "C"}]}))
    reg = load_registry(str(user))
    src = reg.lookup("Interfax news agency")
    assert src is not None and src.reliability == "C" and src.kind == "wire"


def test_bad_registry_reliability_is_refused(tmp_path: Path) -> None:
    user = tmp_path / "sources.json"
    user.write_text(json.dumps({"sources": [{"name": "X", "kind": "media", "reliability": "Z"}]}))
    with pytest.raises(ConfigError):
        load_registry(str(user))


def test_analyst_override_replaces_the_grade_and_keeps_who_and_why() -> None:
    out: dict[str, Any] = {"propositions": [{"claims": [{"id": "abc:1"}], "grade": {"reliability": "C", "credibility": 1,
                                                                    "code": "C1", "meaning": "", "why": []}}]}
    apply_overrides(out, [{"anchor": "abc:1", "reliability": None, "credibility": 3, "analyst": "jdoe",
                           "reason": "one source really", "created_at": "2026-01-01T00:00:00Z"}])
    g = out["propositions"][0]["grade"]
    assert g["code"] == "C3" and g["override"]["analyst"] == "jdoe" and g["override"]["computed"] == "C1"
