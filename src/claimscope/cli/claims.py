"""Commands over attributed claims: claims (filtered list) and report (a brief of one article)."""

from __future__ import annotations

import html
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
from claimscope.model import Document
from claimscope.store.claims import STATUSES, StoredClaim, claims_of_document, find_claims

STATUS_STYLE = {"asserted": "green", "hedged": "yellow", "unconfirmed": "magenta", "negated": "red"}
AUTHOR = "@author"


def _who(c: StoredClaim) -> str:
    return "the article itself" if c.speaker == AUTHOR else c.speaker


@app.command(epilog="Examples:\n\n  claimscope claims --speaker Malikov\n\n"
             "  claimscope claims --about 'Islamic State' --status unconfirmed --since 2015-01-01")
def claims(
    speaker: Arg[str | None, typer.Option("--speaker", help="Speaker name or description (part of it).")] = None,
    about: Arg[str | None, typer.Option("--about", help="An entity (or words) the claim mentions.")] = None,
    status: Arg[str | None, typer.Option("--status", help="asserted, hedged, unconfirmed or negated.")] = None,
    since: Arg[str | None, typer.Option("--since", help="Published on or after YYYY[-MM[-DD]].")] = None,
    limit: Arg[int, typer.Option("--limit", min=1, help="At most this many claims.")] = 100,
    as_json: Arg[bool, typer.Option("--json", help="Print JSON lines instead of a table.")] = False,
    db: DbOpt = None,
    settings_file: SettingsOpt = None,
) -> None:
    """List stored claims: who said what, where, citing whom, how sure."""

    if status and status not in STATUSES:
        err_console.print(f"error: --status must be one of {', '.join(STATUSES)}", markup=False)
        raise typer.Exit(EXIT_USAGE)
    found = read_store(db, settings_file, lambda store: find_claims(
        store.query, speaker=speaker, about=about, status=status, since=since, limit=limit))
    if as_json:
        print_json_lines(found)
    if not found:
        err_console.print("no claims match; try fewer filters or `claimscope ingest` more articles", markup=False)
        raise typer.Exit(EXIT_FAILED)
    table = Table(show_lines=True)
    for col in ("published", "outlet", "speaker", "cue", "claim", "via", "status"):
        table.add_column(col, overflow="fold")
    for c in found:
        table.add_row(escape(c.published or ""), escape(c.outlet or ""), escape(_who(c)), escape(c.cue),
                      escape(c.content), escape(", ".join(c.via)),
                      f"[{STATUS_STYLE.get(c.status, 'white')}]{c.status}[/]")
    console.print(table)


def _entities(store_query: object, doc_id: str, cl: list[StoredClaim]) -> list[str]:
    """Entity names of the document: from the entities store when it is there, else from the claims."""
    from importlib import import_module

    try:
        mod = import_module("claimscope.store.entities")
        func = getattr(mod, "entities_of_document", None)
        if callable(func):
            found = [f"{e.name} ({e.type.lower()})" for e in func(store_query, doc_id)]
            if found:
                return found
    except ModuleNotFoundError:
        pass
    names: list[str] = []
    for c in cl:
        if c.speaker_kind == "entity":
            names += c.speakers
        names += c.via + [m["text"] for m in c.mentions if m["kind"] == "entity"]
    return list(dict.fromkeys(n for n in names if n and n != AUTHOR))


def _line(c: StoredClaim) -> tuple[str, str, str]:
    """(who + cue, content, how sure + citing) in plain text."""
    cue = f" ({c.cue})" if c.cue else ""
    sure = c.status + ("" if c.quote == "indirect" else f", {c.quote} quote")
    via = f"; citing {', '.join(c.via)}" if c.via else ""
    return f"{_who(c)}{cue}", c.content, sure + via


def report_markdown(doc: Document, cl: list[StoredClaim], entities: list[str]) -> str:
    """A Markdown brief of one article. Article text is escaped so it cannot inject markup."""
    def md(text: str) -> str:
        out = html.escape(text, quote=False)
        for ch in "\\`*_[]#|":
            out = out.replace(ch, "\\" + ch)
        return out

    lines = [f"# {md(doc.title or '(no title)')}", ""]
    meta = [x for x in (doc.outlet, doc.published, doc.author) if x]
    if meta:
        lines += [" · ".join(md(m) for m in meta), ""]
    lines += [f"Document `{doc.id[:12]}`", "", "## Who said what", ""]
    if not cl:
        lines.append("No attributed claims found.")
    for c in cl:
        who, content, sure = _line(c)
        lines.append(f"- **{md(who)}**: “{md(content)}” — *{md(sure)}*")
    lines += ["", "## Entities", ""]
    lines += [f"- {md(e)}" for e in entities] or ["None found."]
    return "\n".join(lines) + "\n"


def report_html(doc: Document, cl: list[StoredClaim], entities: list[str]) -> str:
    """A standalone HTML brief of one article; every piece of article text is escaped."""
    e = html.escape
    rows = []
    for c in cl:
        who, content, sure = _line(c)
        rows.append(f'<tr class="{e(c.status)}"><td>{e(who)}</td><td>{e(content)}</td><td>{e(sure)}</td></tr>')
    meta = " · ".join(e(m) for m in (doc.outlet, doc.published, doc.author) if m)
    ents = "".join(f"<li>{e(n)}</li>" for n in entities) or "<li>None found.</li>"
    return (
        "<!doctype html>\n<html><head><meta charset=\"utf-8\">"
        f"<title>{e(doc.title or 'claimscope report')}</title>"
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}td{vertical-align:top;padding:.3em}"
        ".hedged td:last-child{color:#a60}.unconfirmed td:last-child{color:#a0a}.negated td:last-child{color:#c00}"
        "</style></head><body>\n"
        f"<h1>{e(doc.title or '(no title)')}</h1>\n<p>{meta}</p>\n<p>Document <code>{e(doc.id[:12])}</code></p>\n"
        "<h2>Who said what</h2>\n<table><tr><th>Speaker (cue)</th><th>Claim</th><th>How sure</th></tr>\n"
        + "\n".join(rows) + "\n</table>\n"
        f"<h2>Entities</h2>\n<ul>{ents}</ul>\n</body></html>\n"
    )


def _print_terminal(doc: Document, cl: list[StoredClaim], entities: list[str]) -> None:
    console.print(f"[bold]{escape(doc.title or '(no title)')}[/bold]")
    meta = " · ".join(x for x in (doc.outlet, doc.published, doc.author) if x)
    if meta:
        console.print(escape(meta))
    console.print(f"document {doc.id[:12]}", highlight=False)
    console.rule("who said what")
    if not cl:
        console.print("no attributed claims found")
    for c in cl:
        who, content, sure = _line(c)
        style = STATUS_STYLE.get(c.status, "white")
        console.print(f"[bold]{escape(who)}[/bold]: {escape(content)} [{style}]({escape(sure)})[/]")
    console.rule("entities")
    console.print(escape(", ".join(entities)) if entities else "none found")


@app.command(epilog="Examples:\n\n  claimscope report 3f2a9c1b\n\n  claimscope report 3f2a9c1b --format html > brief.html")
def report(
    doc_id: Arg[str, typer.Argument(help="Document id or a unique prefix of it (4+ characters).")],
    fmt: Arg[str, typer.Option("--format", help="text (terminal), markdown or html.")] = "text",
    db: DbOpt = None,
    settings_file: SettingsOpt = None,
) -> None:
    """A readable brief of one article: title, outlet, date; who said what, citing whom, how sure; entities."""
    from claimscope.store import open_store

    if fmt not in ("text", "markdown", "md", "html"):
        err_console.print("error: --format must be text, markdown or html", markup=False)
        raise typer.Exit(EXIT_USAGE)
    try:
        store = open_store(settings_for(db, settings_file))
        doc = store.get_document(doc_id)
        cl = claims_of_document(store.query, doc.id)
        entities = _entities(store.query, doc.id, cl)
    except ClaimscopeError as exc:
        raise fail(exc) from exc
    store.close()
    if fmt in ("markdown", "md"):
        print(report_markdown(doc, cl, entities), end="")
    elif fmt == "html":
        print(report_html(doc, cl, entities), end="")
    else:
        _print_terminal(doc, cl, entities)
