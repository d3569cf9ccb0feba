"""Commands over the evidence board: weigh, proposition."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from typing import Annotated as Arg
from typing import Any

import typer
from rich.table import Table
from rich.text import Text

from claimscope import flow
from claimscope.analysis.board import STATE_VERSION, Board
from claimscope.analysis.registry import load_registry
from claimscope.analysis.report import apply_overrides, event_json, select
from claimscope.cli.app import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    DbOpt,
    SettingsOpt,
    app,
    console,
    err_console,
    fail,
    progress_bar,
    settings_for,
)
from claimscope.config import Settings
from claimscope.errors import ClaimscopeError, NotFoundError
from claimscope.model import Annotations, Document, Failure


def _registry(settings: Settings) -> Any:
    return load_registry(settings.get("analysis", {}).get("source_registry"))


def _board(settings: Settings, *, one_event: bool = False) -> Board:
    """An empty board configured from the [analysis] settings (one_event: every page reports one event)."""
    return Board(_registry(settings), window_days=int(settings.get("analysis", {}).get("window_days", 30)),
                 one_event=one_event)


def _workers(settings: Settings) -> int:
    """Processes reading pages for the board: [analysis] workers, 0 = one per core."""
    import os

    n = int(settings.get("analysis", {}).get("workers", 0))
    return n if n > 0 else (os.cpu_count() or 1)


def weigh_folders(paths: list[str], settings: Settings, *, nlp: bool = True) -> tuple[dict[str, dict[str, Any]], int]:
    """One board per folder (no database): {folder: event output}, and how many inputs failed."""
    failed = 0
    docs: list[tuple[str, Document]] = []
    for folder in paths:
        for item in flow.documents([folder], settings):
            if isinstance(item, Failure):
                failed += 1
                err_console.print(f"{item.source}: {item.reason}", markup=False, highlight=False)
            else:
                docs.append((folder, item))
    folder_of = {id(d): f for f, d in docs}
    boards = {f: _board(settings, one_event=True) for f in paths}
    for doc, ann in _annotate([d for _, d in docs], settings, nlp):
        boards[folder_of[id(doc)]].add(doc, ann)
    return {f: event_json(b) for f, b in boards.items()}, failed


def _annotate(docs: list[Document], settings: Settings, nlp: bool) -> list[tuple[Document, Annotations]]:
    """Annotate all documents in one pipeline run (models loaded once); bare annotations without NLP."""
    if not nlp:
        return [(d, Annotations()) for d in docs]
    out: list[tuple[Document, Annotations]] = []
    try:
        for item in flow.annotated(iter(docs), settings, n_process=1):
            if not isinstance(item, Failure):
                out.append(item)
        return out
    except ClaimscopeError as exc:
        available = _available_components(settings)
        err_console.print(f"warning: {exc}; weighing with the components that load ({', '.join(available) or 'none'})",
                          markup=False, highlight=False)
    reduced = {**settings, "nlp": {**settings["nlp"], "components": available}}
    try:
        return [item for item in flow.annotated(iter(docs), reduced, n_process=1) if not isinstance(item, Failure)]
    except ClaimscopeError as exc:
        err_console.print(f"warning: {exc}; weighing without NLP annotations", markup=False, highlight=False)
        return [(d, Annotations()) for d in docs]


def _available_components(settings: Settings) -> list[str]:
    """The configured components whose factories are registered in this build."""
    import importlib

    from spacy.language import Language

    importlib.import_module("claimscope.nlp.components")
    return [c for c in settings["nlp"]["components"] if Language.has_factory(c)]


@app.command(epilog="Examples:\n\n  claimscope weigh --about 'Islamic State' --since 2024-03-01\n\n"
             "  claimscope weigh corpus/events/crocus/ --format json\n\n"
             "  claimscope weigh events/a events/b --format jsonl")
def weigh(
    paths: Arg[list[str] | None, typer.Argument(help="Folders of articles, one event each (no database).")] = None,
    fmt: Arg[str, typer.Option("--format", help="table, json, or jsonl (one object a line with 'source').")] = "table",
    about: Arg[str | None, typer.Option("--about", help="Only propositions that mention this entity.")] = None,
    since: Arg[str | None, typer.Option("--since", help="Only documents published on or after YYYY-MM-DD.")] = None,
    nlp: Arg[bool, typer.Option("--nlp/--no-nlp", help="Run the NLP pipeline on folder inputs.")] = True,
    db: DbOpt = None,
    settings_file: SettingsOpt = None,
) -> None:
    """Weigh claims: propositions with grade, outlets against independent origins, and conflicts.

    Without PATHs the board is built from the database; with PATHs each folder is weighed on its own.
    """
    if fmt not in ("table", "json", "jsonl"):
        err_console.print(f"--format must be table, json or jsonl, not {fmt!r}", markup=False)
        raise typer.Exit(EXIT_USAGE)
    if since and not _is_date(since):
        err_console.print(f"--since must be a date YYYY-MM-DD (or YYYY-MM, YYYY), not {since!r}", markup=False)
        raise typer.Exit(EXIT_USAGE)
    settings = settings_for(db, settings_file)
    try:
        if paths:
            results, failed = weigh_folders(paths, settings, nlp=nlp)
        else:
            results, failed = {"store": _from_store(settings)}, 0
        names = _about_names(about, settings) if about else []
    except ClaimscopeError as exc:
        raise fail(exc) from exc
    for source, out in results.items():
        out = select(out, about=names, since=since)
        if fmt == "jsonl":
            sys.stdout.write(json.dumps({"source": source, **out}, ensure_ascii=False) + "\n")
        elif fmt == "json":
            print(json.dumps(out if len(results) == 1 else {"source": source, **out}, ensure_ascii=False, indent=2))
        else:
            _table(source, out, about=about, since=since)
    raise typer.Exit(EXIT_FAILED if failed else EXIT_OK)


def _is_date(text: str) -> bool:
    return re.fullmatch(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?", text) is not None


def _about_names(about: str, settings: Settings) -> list[str]:
    """The name asked for and, when the actor gazetteer knows it, the actor's other names ("ISIL" -> IS...)."""
    from claimscope.nlp.gazetteer import load_actors

    names = [about]
    for actor in load_actors(settings.get("nlp", {}).get("user_actors") or None).lookup(about):
        names += [actor.name, *actor.aliases]
    return names


def _table(source: str, out: dict[str, Any], *, about: str | None = None, since: str | None = None) -> None:
    """Propositions (grade, outlets against origins, conflicts) and then the conflicts, as two tables."""
    scope = "".join([f" about {about!r}" if about else "", f" since {since}" if since else ""])
    props = out["propositions"]
    owner = {c["id"]: p["id"] for p in props for c in p["claims"]}
    n_conflicts: Counter[str] = Counter()
    for c in out["conflicts"]:
        for pid in {owner.get(c["a"]["id"]), owner.get(c["b"]["id"])} - {None}:
            n_conflicts[str(pid)] += 1
    table = Table(title=Text(f"{source}{scope}: {len(props)} propositions, {len(out['conflicts'])} conflicts"),
                  caption="grade: source reliability A-F, information credibility 1-6 (1 = confirmed by "
                          "independent origins); details: claimscope proposition ID")
    table.add_column("id", no_wrap=True)
    table.add_column("grade", no_wrap=True)
    table.add_column("outlets", justify="right")
    table.add_column("origins", justify="right")
    table.add_column("conflicts", justify="right")
    table.add_column("statement", ratio=1)
    for p in props:
        origins = str(p["independent_origins"])
        if p["independent_origins"] == 1 and len(p["outlets"]) > 1:
            origins = f"[yellow]{origins}[/yellow]"  # circular reporting: many outlets, one origin
        table.add_row(p["id"], _grade_cell(p["grade"]), str(len(p["outlets"])), origins,
                      f"[red]{n_conflicts[p['id']]}[/red]" if n_conflicts[p["id"]] else "",
                      Text(_clip(_said(p), 160)))
    console.print(table)
    if not out.get("documents"):
        console.print("no documents to weigh: add some with `claimscope ingest PATH|URL`", markup=False)
    elif not props:
        console.print("no statement is made by two or more of these pages (or matches the filters)", markup=False)
    if out["conflicts"]:
        ctable = Table(title="conflicts: statements that cannot all be true as worded")
        ctable.add_column("between", no_wrap=True)
        ctable.add_column("why", ratio=1)
        ctable.add_column("one side", ratio=2)
        ctable.add_column("the other", ratio=2)
        outlets = {d["source"]: d["outlet"] for d in out.get("documents", [])}
        for c in out["conflicts"]:
            between = " / ".join(dict.fromkeys(owner.get(c[k]["id"], "-") for k in ("a", "b")))
            ctable.add_row(between, Text(c["why"]), _side(c["a"], outlets), _side(c["b"], outlets))
        console.print(ctable)
    if out.get("not_read"):
        console.print(f"not read ({len(out['not_read'])}, stored and flagged): " + ", ".join(out["not_read"]),
                      markup=False, highlight=False)


def _said(p: dict[str, Any]) -> str:
    """A proposition's statement with who says it ("Islamic State Khorasan Province claimed: responsibility ...")."""
    c = next((c for c in p["claims"] if c["content"] == p["statement"]), None)
    if c is None or c["speaker"] == "@author":
        return str(p["statement"])
    cue = c["cue"] or "said"
    if cue.lower().startswith(("according to", "citing")):
        return f"{cue[:1].upper()}{cue[1:]} {c['speaker']}: {p['statement']}"
    return f"{c['speaker']} {cue}: {p['statement']}"


def _grade_cell(g: dict[str, Any]) -> str:
    style = {1: "green", 2: "green", 3: "yellow", 4: "red", 5: "red"}.get(int(g["credibility"]), "dim")
    mark = "*" if g.get("override") else ""
    return f"[{style}]{g['code']}{mark}[/{style}]"


def _side(c: dict[str, Any], outlets: dict[str, str]) -> Text:
    outlet = outlets.get(c["source"], "")
    text = Text(f"[{outlet}] " if outlet else "", style="bold")
    text.append(_clip(c["content"], 140))
    return text


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1].rstrip() + "…"


def _from_store(settings: Settings) -> dict[str, Any]:
    """The board over the database: the saved board plus the documents stored since, saved again."""
    import pickle
    import zlib

    from claimscope import __version__
    from claimscope.store import board as stored
    from claimscope.store import open_store
    from claimscope.store.sqlite import settings_hash

    store = open_store(settings)
    try:
        version = f"{__version__}:{STATE_VERSION}:{settings_hash(settings)}"
        blob = stored.load_state(store, version)
        board = None
        if blob:
            try:
                board = pickle.loads(zlib.decompress(blob))  # noqa: S301 - the board's own cache in its own database
            except Exception:  # noqa: BLE001 - a damaged or foreign cache is rebuilt, never fatal
                board, blob = None, None
        if board is None:
            board = _board(settings)
        with progress_bar() as progress:
            task = progress.add_task("weighing", total=None)
            added = board.add_many(stored.load_annotated(store, exclude=frozenset(board.docs)),
                                   workers=_workers(settings), progress=lambda n: progress.advance(task, n))
        out = apply_overrides(event_json(board), stored.overrides(store))
        stored.save_snapshot(store, out)
        if added or blob is None:
            stored.save_state(store, zlib.compress(pickle.dumps(board)), len(board.docs), version)
    finally:
        store.close()
    return out


@app.command(epilog="Examples:\n\n  claimscope grade p12 --credibility 2 --analyst jdoe --why 'second source found'")
def grade(
    pid: Arg[str, typer.Argument(help="Proposition id as `claimscope weigh` shows it (e.g. p12).")],
    reliability: Arg[str | None, typer.Option("--reliability", help="Source reliability A-F.")] = None,
    credibility: Arg[int | None, typer.Option("--credibility", help="Information credibility 1-6.")] = None,
    analyst: Arg[str, typer.Option("--analyst", help="Who makes the call.")] = "",
    why: Arg[str, typer.Option("--why", help="The reason, kept with the grade.")] = "",
    db: DbOpt = None,
    settings_file: SettingsOpt = None,
) -> None:
    """Override a proposition's grade; the override is stored (who, when, why) and survives re-runs."""
    if reliability is None and credibility is None:
        err_console.print("give --reliability and/or --credibility", markup=False)
        raise typer.Exit(2)
    if not analyst or not why:
        err_console.print("give --analyst NAME and --why REASON: overrides are kept with who and why", markup=False)
        raise typer.Exit(2)
    from claimscope.store import open_store
    from claimscope.store.board import add_override

    settings = settings_for(db, settings_file)
    try:
        store = open_store(settings)
        try:
            saved = add_override(store, pid, reliability=reliability, credibility=credibility, analyst=analyst,
                                 reason=why)
        finally:
            store.close()
    except ClaimscopeError as exc:
        raise fail(exc) from exc
    console.print(f"{pid}: grade override stored ({saved['created_at']}, {analyst}); it applies from the next "
                  "`claimscope weigh`", markup=False)


@app.command(epilog="Examples:\n\n  claimscope proposition p12")
def proposition(
    pid: Arg[str, typer.Argument(help="Proposition id as `claimscope weigh` shows it (e.g. p12).")],
    db: DbOpt = None,
    settings_file: SettingsOpt = None,
) -> None:
    """Show a proposition's evidence trail: each mention's document, outlet, speaker, origin chain and why it
    was grouped; the conflicts; the grade's reasons."""
    settings = settings_for(db, settings_file)
    try:
        out = _from_store(settings)
        props = {p["id"]: p for p in out["propositions"]}
        if pid not in props:
            raise NotFoundError(f"no proposition {pid!r}; list them with `claimscope weigh`")
    except ClaimscopeError as exc:
        raise fail(exc) from exc
    p = props[pid]
    console.print(Text.assemble((p["id"], "bold"), " ", _said(p)), highlight=False)
    console.print(f"grade {p['grade']['code']} ({p['grade']['meaning']}); {len(p['outlets'])} outlets, "
                  f"{p['independent_origins']} independent origins", highlight=False)
    for why in p["grade"]["why"]:
        console.print(f"  - {why}", markup=False)
    evidence = {e["statement"]: e for e in p["evidence"]}
    for c in p["claims"]:
        console.print(f"\n[{c['outlet']}] {c['speaker']}: {c['content']}", markup=False)
        console.print(f"  document {c['source']} [{c['start']}:{c['end']}]", markup=False)
        console.print("  origin: " + " -> ".join(c["chain"]) + f"  => {c['origin']}", markup=False)
        e = evidence.get(c["id"])
        if e:
            how = "close, not grouped" if c.get("near") else "grouped"
            console.print(f"  {how}: score {e['score']}, words {e['shared_words']}, numbers {e['shared_numbers']}",
                          markup=False)
        if not c.get("counted", True):
            console.print("  not counted as an origin (" + ("below the grouping threshold" if c.get("near") else
                                                             "an outlier of the group") + ")", markup=False)
    ids = {c["id"] for c in p["claims"]}
    for c in out["conflicts"]:
        if c["a"]["id"] in ids or c["b"]["id"] in ids:
            console.print(f"\nconflict: {c['why']}\n  {c['a']['content']}\n  {c['b']['content']}", markup=False)


@app.command(epilog="Examples:\n\n  claimscope sources\n\n  claimscope sources --search interfax\n\n"
             "  claimscope sources --kind wire --format json")
def sources(
    kind: Arg[str | None, typer.Option("--kind", help="Only sources of this kind (wire, media, government, ...).")] = None,
    search: Arg[str | None, typer.Option("--search", help="Only sources whose name or alias contains this.")] = None,
    fmt: Arg[str, typer.Option("--format", help="table or json.")] = "table",
    db: DbOpt = None,
    settings_file: SettingsOpt = None,
) -> None:
    """The source registry behind the grades: kinds with their default reliability (A-F) and known sources.

    Edit it with your own JSON file (same shape as the packaged sources.json) named by
    `[analysis] source_registry` in claimscope.toml: entries merge by name, kinds by kind.
    """
    settings = settings_for(db, settings_file)
    try:
        reg = _registry(settings)
    except ClaimscopeError as exc:
        raise fail(exc) from exc
    needle = (search or "").casefold()
    known = [s for s in reg.sources.values()
             if (not kind or s.kind == kind) and (not needle or any(needle in a.casefold() for a in (s.name, *s.aliases)))]
    kinds = {k: v for k, v in reg.kinds.items() if not kind or k == kind}
    if fmt == "json":
        print(json.dumps({"kinds": kinds, "sources": [
            {"name": s.name, "kind": s.kind, "reliability": s.reliability, "why": s.why, "wire": s.wire,
             "aliases": list(s.aliases)} for s in known]}, ensure_ascii=False, indent=2))
        raise typer.Exit(EXIT_OK if known or kinds else EXIT_FAILED)
    if not search:
        ktable = Table(title="kinds of source and their default reliability")
        for col in ("kind", "reliability", "why"):
            ktable.add_column(col)
        for k, v in kinds.items():
            ktable.add_row(Text(k), Text(str(v["reliability"])), Text(v["why"]))
        console.print(ktable)
    user_file = settings.get("analysis", {}).get("source_registry") or "packaged defaults only"
    stable = Table(title=Text(f"{len(known)} known sources (registry: {user_file})"))
    for col in ("name", "kind", "reliability", "aliases"):
        stable.add_column(col)
    for s in sorted(known, key=lambda s: s.name.casefold()):
        stable.add_row(Text(s.name), Text(s.kind), s.reliability, Text(", ".join(a for a in s.aliases if a != s.name)))
    console.print(stable)
    raise typer.Exit(EXIT_OK if known or not search else EXIT_FAILED)
