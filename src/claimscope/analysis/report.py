"""The board as plain data: propositions with their claims, origins and grade; conflicts; unread pages."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from claimscope.analysis.board import Board, Link, one_body_one_key
from claimscope.analysis.conflicts import Conflict, find_conflicts
from claimscope.analysis.grading import CREDIBILITY, Grade, grade
from claimscope.model import Annotations, Document
from claimscope.nlp.gazetteer import is_acronym

CONFIRM_SIMILARITY = 0.35  # statements of two origins this alike say the same thing, not merely the same topic


def origin_reliability(board: Board, key: str) -> tuple[str, str]:
    """(reliability letter, kind) of an origin key, from the source registry."""
    if key.startswith("src:"):
        src = board.registry.lookup(key[4:])
        if src:
            return src.reliability, src.kind
        return board.registry.reliability("media")[0], "media"
    kind = board.resolver.kinds.get(key)
    if kind is None:
        kind = "person" if key.startswith(("person:", "group:")) else "government" if key.startswith(
            ("ministry:", "org:", "gov:")) else "unknown"
    return board.registry.reliability(kind)[0], kind


def grade_proposition(board: Board, pid: int, conflicts: list[Conflict]) -> Grade:
    """The Admiralty grade of one proposition, from its origins and the conflicts against it."""
    _, keys = board.independent_origins(pid)
    origins = [(k, *origin_reliability(board, k)) for k in keys]
    members = set(board.props[pid].members)
    against: set[str] = set()
    for c in conflicts:
        if c.a in members and c.b not in members:
            against.add(board.origin(c.b)[0])
        elif c.b in members and c.a not in members:
            against.add(board.origin(c.a)[0])
    against.update(board.origin(m)[0] for m in board.denials(pid))  # grouped with what they deny
    outlets = {board.docs[board.statements[m].doc_id].outlet for m in members}
    hedged = all(board.statements[m].status in ("hedged", "unconfirmed") for m in members)
    inner = sum(1 for c in conflicts if c.a in members and c.b in members and c.kind in ("count", "date"))
    body = one_body_one_key(against | set(keys))
    contradicting = len({body[k] for k in against} - {body[k] for k in keys})
    # (whether origins confirm each other matters only where "confirmed" is still possible)
    confirmed = len(keys) >= 2 and not contradicting and not inner and confirmed_by_two(board, pid)
    return grade(origins, len(outlets), contradicting, hedged, confirmed=confirmed, inner_conflicts=inner)


def confirmed_by_two(board: Board, pid: int, min_similarity: float = CONFIRM_SIMILARITY) -> bool:
    """True when two independent origins confirm each other: each asserts the proposition (not hedged,
    unconfirmed or negated), in closely alike words, with the same figures where both give figures.

    Grouping may join statements that are only loosely alike; "confirmed" asks more than grouping does.
    """
    by_origin: dict[str, list[str]] = {}
    members = [m for m in board.core(pid) if board.statements[m].status == "asserted"]
    body = one_body_one_key({board.origin(m)[0] for m in members})
    for m in members:
        by_origin.setdefault(body[board.origin(m)[0]], []).append(m)

    def alike(x: str, y: str) -> bool:
        sx, sy = board.statements[x], board.statements[y]
        nx, ny = {t for t in sx.tokens if t.isdigit()}, {t for t in sy.tokens if t.isdigit()}
        return (not (nx and ny) or bool(nx & ny)) and board.similarity(sx, sy) >= min_similarity

    keys = list(by_origin)
    return any(alike(x, y) for i, a in enumerate(keys) for b in keys[i + 1:]
               for x in by_origin[a][-4:] for y in by_origin[b][-4:])


def proposition_json(board: Board, pid: int, conflicts: list[Conflict],
                     near: list[tuple[str, Link]] | None = None) -> dict[str, Any]:
    """One proposition in the EVENTS.md output shape, with the evidence for each grouping.

    ``near`` statements came close to the proposition without reaching the grouping threshold: they are
    listed (``"near": true``) so the analyst sees them, but never counted as origins.
    """
    prop = board.props[pid]
    n, keys = board.independent_origins(pid)
    label = board.statements[board.representative(pid)]
    outlets = sorted({board.docs[board.statements[m].doc_id].outlet for m in prop.members})
    core = set(board.core(pid))
    claims = [board.statement_json(m) for m in prop.members]
    for c in claims:
        c["counted"] = c["id"] in core  # outliers of the group are shown but not counted as origins
    for sid, _ in near or []:
        claims.append({**board.statement_json(sid), "counted": False, "near": True})
    return {"id": f"p{pid}", "statement": label.content,
            "claims": claims,
            "outlets": outlets, "independent_origins": n, "origins": keys,
            "evidence": [link.to_json() for link in prop.links] + [{**link.to_json(), "near": True}
                                                                    for _, link in near or []],
            "grade": grade_proposition(board, pid, conflicts).to_json()}


def conflict_json(board: Board, c: Conflict) -> dict[str, Any]:
    """One conflict as a pair of claims and the reason."""
    a, b = board.statements[c.a], board.statements[c.b]
    # A conflict is shown in the sentences that carry it (the statement alone may lack its date or subject).
    return {"a": {"id": a.id, "source": a.source, "content": c.a_text or a.sentence or a.content,
                  "statement": a.content, "speaker": a.speaker},
            "b": {"id": b.id, "source": b.source, "content": c.b_text or b.sentence or b.content,
                  "statement": b.content, "speaker": b.speaker},
            "why": c.why, "kind": c.kind}


def event_json(board: Board) -> dict[str, Any]:
    """The whole board: shared propositions, conflicts, and the documents it did not read."""
    board.settle()
    conflicts = find_conflicts(board)
    near = board.near_members()
    props = [proposition_json(board, pid, conflicts, near.get(pid)) for pid in board.props if board.shared(pid)]
    return {"propositions": props, "conflicts": [conflict_json(board, c) for c in conflicts],
            "documents": [{"id": d.id, "source": d.source, "outlet": d.outlet, "credited": d.credited,
                           "published": d.published,
                           "dated": date.fromordinal(d.day).isoformat() if d.day else None,
                           "language": d.language, "read": d.read, "skipped": d.skipped} for d in board.docs.values()],
            "not_read": [d.source for d in board.unread()]}


def select(out: dict[str, Any], *, about: Sequence[str] = (), since: str | None = None) -> dict[str, Any]:
    """The board narrowed to propositions about any of these names, reported on or after ``since``.

    A name matches a claim's speaker, entities or words (whole words; acronyms such as "IS" only in capitals).
    A page counts from its publication date, else the date it names most; an undated page never matches
    ``since``. A conflict is kept when either of its sides is in a kept proposition.
    """
    props = out["propositions"]
    if about:
        pattern = _names_pattern(about)
        props = [p for p in props if any(pattern.search(c["content"]) or pattern.search(c.get("speaker") or "")
                                         or any(pattern.fullmatch(e) for e in c.get("entities", []))
                                         for c in p["claims"])]
    if since:
        dated = {d["source"] for d in out.get("documents", []) if (d.get("dated") or "") >= since}
        props = [p for p in props if any(c["source"] in dated for c in p["claims"])]
    if len(props) == len(out["propositions"]):
        return out
    kept = {c["id"] for p in props for c in p["claims"]}
    conflicts = [c for c in out["conflicts"] if c["a"]["id"] in kept or c["b"]["id"] in kept]
    return {**out, "propositions": props, "conflicts": conflicts}


def _names_pattern(names: Sequence[str]) -> re.Pattern[str]:
    parts = []
    for name in dict.fromkeys(n.strip() for n in names if n.strip()):
        words = r"\s+".join(re.escape(w) for w in name.split())
        parts.append(f"(?-i:{words})" if is_acronym(name) else words)
    return re.compile(r"(?<!\w)(?:" + "|".join(parts or ["(?!)"]) + r")(?!\w)", re.IGNORECASE)


def apply_overrides(out: dict[str, Any], overrides: list[dict[str, Any]]) -> dict[str, Any]:
    """Put analysts' grades (who, when, why) on the propositions that hold their anchor statement."""
    by_anchor: dict[str, dict[str, Any]] = {}
    for o in overrides:
        by_anchor[o["anchor"]] = o  # a later override wins
    for p in out["propositions"]:
        hit = next((by_anchor[c["id"]] for c in p["claims"] if c["id"] in by_anchor), None)
        if hit is None:
            continue
        g = p["grade"]
        computed = g["code"]
        if hit.get("reliability"):
            g["reliability"] = hit["reliability"]
        if hit.get("credibility"):
            g["credibility"] = int(hit["credibility"])
        g["code"] = f"{g['reliability']}{g['credibility']}"
        g["meaning"] = CREDIBILITY[g["credibility"]]
        g["override"] = {"analyst": hit["analyst"], "at": hit["created_at"], "why": hit["reason"],
                         "computed": computed}
        g["why"] = [*g["why"], f"overridden by {hit['analyst']} at {hit['created_at']}: {hit['reason']}"]
    return out


def weigh(pairs: Iterable[tuple[Document, Annotations]], board: Board | None = None) -> dict[str, Any]:
    """Build a board from annotated documents and return it as plain data."""
    board = board or Board()
    for doc, ann in pairs:
        board.add(doc, ann)
    return event_json(board)


__all__ = ["apply_overrides", "event_json", "grade_proposition", "select", "weigh"]
