"""Commands over entities: entities (list), entity NAME (one actor), actors add (extend the gazetteer)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated as Arg

import typer
from rich.markup import escape
from rich.table import Table

from claimscope.cli.app import (
    EXIT_FAILED,
    EXIT_USAGE,
    DbOpt,
    SettingsOpt,
    app,
    console,
    err_console,
    fail,
    print_json_lines,
    read_store,
    settings_for,
)
from claimscope.errors import ClaimscopeError
from claimscope.nlp.gazetteer import ENTITY_TYPES, append_user_actor, user_actor_path
from claimscope.store.entities import get_entity, list_entities

KINDS = ("armed_group", "government", "media", "ngo", "think_tank", "party", "international", "company", "venue")

actors_app = typer.Typer(help="Your own actors: names the gazetteer should know (added to the packaged list).",
                         no_args_is_help=True)
app.add_typer(actors_app, name="actors")


def _check_type(type_: str | None) -> str | None:
    if type_ is None:
        return None
    if type_.upper() not in ENTITY_TYPES:
        err_console.print(f"error: --type must be one of {', '.join(ENTITY_TYPES)}", markup=False)
        raise typer.Exit(EXIT_USAGE)
    return type_.upper()


@app.command(epilog="Examples:\n\n  claimscope entities --type ORG\n\n  claimscope entities --search bukhari")
def entities(
    type_: Arg[str | None, typer.Option("--type", help="PERSON, ORG or PLACE.")] = None,
    search: Arg[str | None, typer.Option("--search", help="Part of a name or alias.")] = None,
    limit: Arg[int, typer.Option("--limit", min=1, help="At most this many entities.")] = 100,
    as_json: Arg[bool, typer.Option("--json", help="Print JSON lines instead of a table.")] = False,
    db: DbOpt = None,
    settings_file: SettingsOpt = None,
) -> None:
    """List stored entities (people, organisations, places), most mentioned first."""

    wanted = _check_type(type_)
    found = read_store(db, settings_file,
                       lambda store: list_entities(store.query, type_=wanted, search=search, limit=limit))
    if as_json:
        print_json_lines(found)
    if not found:
        err_console.print("no entities match; try another --search or `claimscope ingest` articles first",
                          markup=False)
        raise typer.Exit(EXIT_FAILED)
    table = Table("name", "type", "kind", "country", "mentions", "documents", box=None)
    for e in found:
        table.add_row(escape(e.name), e.type, e.kind or "", e.country or "", str(e.mentions), str(e.documents))
    console.print(table)


@app.command(epilog="Examples:\n\n  claimscope entity 'Imam Bukhori'\n\n  claimscope entity GKNB --json")
def entity(
    name: Arg[str, typer.Argument(help="A canonical name or any alias (case-insensitive).")],
    as_json: Arg[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
    db: DbOpt = None,
    settings_file: SettingsOpt = None,
) -> None:
    """One entity: aliases, roles, mention count, the documents naming it, first and last seen."""
    from claimscope.store import open_store

    try:
        settings = settings_for(db, settings_file)
        store = open_store(settings)
        detail = get_entity(store.query, name, settings["nlp"].get("cs_entities", {}).get("user_actors") or None)
    except ClaimscopeError as exc:
        err_console.print(f"error: {exc}", markup=False, highlight=False)
        raise typer.Exit(EXIT_FAILED) from exc
    store.close()
    if as_json:
        print(json.dumps(asdict(detail), ensure_ascii=False, indent=2))
        return
    head = f"[bold]{escape(detail.name)}[/bold]  {detail.type}"
    if detail.kind:
        head += f" · {detail.kind}"
    if detail.country:
        head += f" · {detail.country}"
    console.print(head)
    if detail.lat is not None and detail.lon is not None:
        console.print(f"coordinates: {detail.lat:.4f}, {detail.lon:.4f}")
    console.print("aliases: " + (escape(", ".join(detail.aliases)) or "-"))
    console.print("roles: " + (escape("; ".join(detail.roles)) or "-"))
    console.print(f"mentions: {detail.mentions} in {len(detail.documents)} document(s); "
                  f"first seen {detail.first_seen or '?'}, last seen {detail.last_seen or '?'}")
    table = Table("document", "published", "outlet", "title", "mentions", box=None)
    for d in detail.documents:
        table.add_row(d.id[:12], d.published or "", escape(d.outlet or ""), escape((d.title or "")[:70]),
                      str(d.mentions))
    console.print(table)


@actors_app.command("add", epilog="Example:\n\n  claimscope actors add 'Jund al-Khilafah' --type ORG "
                    "--kind armed_group --country KZ --alias 'Soldiers of the Caliphate'")
def actors_add(
    name: Arg[str, typer.Argument(help="Canonical name.")],
    type_: Arg[str, typer.Option("--type", help="PERSON, ORG or PLACE.")] = "ORG",
    kind: Arg[str | None, typer.Option("--kind", help=f"One of {', '.join(KINDS)} (or your own).")] = None,
    country: Arg[str | None, typer.Option("--country", help="ISO 3166-1 alpha-2 code, e.g. KG.")] = None,
    alias: Arg[list[str] | None, typer.Option("--alias", help="Another name or spelling (repeatable).")] = None,
    settings_file: SettingsOpt = None,
) -> None:
    """Add an actor to your gazetteer file (read with the packaged actors on the next run)."""
    wanted = _check_type(type_) or "ORG"
    if country and (len(country) != 2 or not country.isalpha()):
        err_console.print("error: --country takes a two-letter ISO code such as KG", markup=False)
        raise typer.Exit(EXIT_USAGE)
    settings = settings_for(None, settings_file)
    path = user_actor_path(settings["nlp"].get("cs_entities", {}).get("user_actors") or None)
    try:
        append_user_actor(path, name.strip(), wanted, kind, country.upper() if country else None,
                          [a.strip() for a in alias or [] if a.strip()])
    except ClaimscopeError as exc:
        raise fail(exc) from exc
    console.print(f"added {escape(name)} ({wanted}) to {escape(str(path))}")
