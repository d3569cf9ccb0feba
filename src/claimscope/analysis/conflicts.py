"""Conflicts: statements that cannot all be true as worded."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimscope.analysis.board import Board


@dataclass(frozen=True)
class Conflict:
    """Two statements that cannot both hold, and why."""

    a: str
    b: str
    kind: str  # count | date | title | denial
    why: str


def find_conflicts(board: Board) -> list[Conflict]:
    """Every conflict on the board."""
    return []
