"""NATO / Admiralty grades per proposition: source reliability A-F and information credibility 1-6."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CREDIBILITY = {1: "confirmed by independent sources", 2: "probably true", 3: "possibly true", 4: "doubtful",
               5: "improbable", 6: "cannot be judged"}


@dataclass
class Grade:
    """An Admiralty grade with the reasons that produced it."""

    reliability: str
    credibility: int
    why: list[str] = field(default_factory=list)
    override: dict[str, str] | None = None

    def code(self) -> str:
        """The two-character grade, e.g. "B2"."""
        return f"{self.reliability}{self.credibility}"

    def to_json(self) -> dict[str, Any]:
        """Plain dict for output."""
        out: dict[str, Any] = {"reliability": self.reliability, "credibility": self.credibility,
                               "code": self.code(), "meaning": CREDIBILITY[self.credibility], "why": self.why}
        if self.override:
            out["override"] = self.override
        return out


def grade(origins: list[tuple[str, str, str]], n_outlets: int, conflicting_origins: int, hedged: bool,
          confirmed: bool = True, inner_conflicts: int = 0) -> Grade:
    """Grade one proposition.

    origins: (key, reliability letter, kind) of each independent origin; conflicting_origins: how many
    independent origins state something that contradicts it; hedged: every mention is hedged; confirmed:
    two of its origins assert it in closely alike words and figures; inner_conflicts: conflicts
    between the proposition's own statements (figures or dates that disagree).
    """
    why: list[str] = []
    letters = sorted(r for _, r, _ in origins) or ["F"]
    reliability = letters[0]
    best = [k for k, r, _ in origins if r == reliability]
    why.append(f"reliability {reliability}: best origin {best[0] if best else 'unknown'} "
               f"({next((kind for k, r, kind in origins if r == reliability), 'unknown')})")
    n = len(origins)
    # Origins that name a body, person or wire; an outlet's own voice alone is weaker corroboration.
    named = sum(1 for _, _, kind in origins if kind not in ("media", "media_major", "state_media", "unknown"))
    if n == 0:
        return Grade("F", 6, [*why, "no origin could be traced: cannot be judged"])
    if conflicting_origins and conflicting_origins >= n:
        cred = 5
        why.append(f"contradicted by {conflicting_origins} independent origin(s) against {n} for it: improbable")
    elif conflicting_origins:
        cred = 4
        why.append(f"contradicted by {conflicting_origins} independent origin(s): doubtful")
    elif n >= 2 and (named >= 2 or n >= 3) and confirmed and not inner_conflicts:
        cred = 1
        why.append(f"{n} independent origins agree: confirmed")
    elif n >= 2 and (named >= 2 or n >= 3):
        cred = 2
        why.append(f"{n} origins, but " + (f"its own statements disagree on details ({inner_conflicts} conflict(s))"
                                           if inner_conflicts else
                                           "fewer than two assert it in closely alike words and figures")
                   + ": probably true, not confirmed")
    elif n >= 2:
        cred = 2
        why.append(f"{n} origins agree, but one is only an outlet's own unsourced reporting: probably true")
    elif hedged:
        cred = 4 if reliability in "DEF" else 3
        why.append("one origin and stated with hedges")
    elif reliability in "AB":
        cred = 2
        why.append("one origin, usually reliable, not contradicted: probably true")
    elif reliability in "CD":
        cred = 3
        why.append("one origin, not corroborated: possibly true")
    else:
        cred = 6 if reliability == "F" else 4
        why.append("one origin of unknown or poor reliability")
    if n == 1 and n_outlets > 1:
        why.append(f"{n_outlets} outlets carry it but all go back to one origin (circular reporting)")
    if n == 1 and cred == 1:  # never: a single origin is not confirmation
        cred = 2
    return Grade(reliability, cred, why)
