"""Commands over documents: ingest, docs, show, search, extract."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any
from typing import Annotated as Arg

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from claimscope import flow
from claimscope.cli.app import (
    EXIT_FAILED,
    EXIT_OK,
    DbOpt,
    SettingsOpt,
    app,
    console,
    err_console,
    fail,
    progress_bar,
    read_store,
    settings_for,
)
from claimscope.errors import ClaimscopeError, StoreError
from claimscope.exports.json import document_json
from claimscope.model import Document, Failure

if TYPE_CHECKING:
    from claimscope.store.sqlite import SQLiteStore



def _report_failure(f: Failure) -> None:
    err_console.print(f"[yellow]failed:[/yellow] {escape(f.source)}: {escape(f.reason)}", markup=True, highlight=False,
                      soft_wrap=True)


@app.command(epilog="Examples:\n\n  claimscope ingest examples/\n\n  claimscope ingest https://example.org/news.rss "
             "--db team.db\n\n  cat page.html | claimscope ingest - --source 'RFE/RL' --published 2015-01-21")
def ingest(
    sources: Arg[list[str], typer.Argument(help="Files, folders, URLs, RSS/Atom feeds, WARC files, or - for stdin.")],
    db: DbOpt = None,
    published: Arg[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for every document.")] = None,
    source: Arg[str | None, typer.Option("--source", help="Outlet name for every document.")] = None,
    allow_private: Arg[bool, typer.Option("--allow-private", help="Allow URLs on private, loopback and "
                                          "link-local addresses.")] = False,
    nlp: Arg[bool, typer.Option("--nlp/--no-nlp", help="Extract entities, dates, amounts and claims.")] = True,
    settings_file: SettingsOpt = None,
) -> None:
    """Ingest articles into the store: each stored once, near-duplicates linked, failures named.

    Exit status 0 when every input was stored (or was already there), 1 when any failed.
    """
    from claimscope.store import open_store

    settings = settings_for(db, settings_file)
    try:
        store = open_store(settings)
    except ClaimscopeError as exc:
        raise fail(exc) from exc
    counts: Counter[str] = Counter()
    failures: list[Failure] = []
    try:
        items = flow.documents(sources, settings, allow_private=allow_private, published=published,
                               source_name=source, stdin=sys.stdin.buffer)
        fresh = _skip_stored(items, store, counts)
        with progress_bar() as progress:
            task = progress.add_task("ingesting", total=None)
            for item in flow.annotated(fresh, settings, nlp=nlp):
                if isinstance(item, Failure):
                    failures.append(item)
                    _report_failure(item)
                else:
                    doc, ann = item
                    try:
                        result = store.add_document(doc, ann)
                    except StoreError as exc:
                        # one document the database refuses is a failure of that input, not of the run
                        failure = Failure(doc.source, str(exc).removeprefix(f"{doc.source}: "))
                        failures.append(failure)
                        _report_failure(failure)
                        progress.advance(task)
                        continue
                    counts[result.status] += 1
                    if not doc.is_english:
                        counts["not_english"] += 1
                        err_console.print(f"[cyan]stored, not read:[/cyan] {escape(doc.source)}: language "
                                          f"{doc.language!r}; entity and claim extraction skip non-English "
                                          "documents", markup=True, highlight=False, soft_wrap=True)
                progress.advance(task)
    except ClaimscopeError as exc:
        raise fail(exc) from exc
    finally:
        total = store.count_documents()
        store.close()
    _summary(counts, failures, total, settings["store"]["db"])
    raise typer.Exit(EXIT_FAILED if failures else EXIT_OK)


def _skip_stored(
    items: Iterable[Document | Failure], store: SQLiteStore, counts: Counter[str]
) -> Iterator[Document | Failure]:
    """Drop exact duplicates before the NLP runs (recording the sighting)."""
    for item in items:
        if isinstance(item, Document) and store.has_document(item.id):
            store.add_document(item)
            counts["duplicate"] += 1
            continue
        yield item


def _summary(counts: Counter[str], failures: list[Failure], total: int, db: str) -> None:
    table = Table(title=f"ingest into {db}", show_header=False, title_justify="left")
    table.add_row("stored", str(counts["stored"]))
    table.add_row("near-duplicates (stored, linked)", str(counts["near_duplicate"]))
    table.add_row("duplicates (already stored)", str(counts["duplicate"]))
    table.add_row("not English (stored and flagged, not read)", str(counts["not_english"]))
    table.add_row("failed", str(len(failures)))
    table.add_row("documents in store", str(total))
    console.print(table)
    console.print(f"{counts['stored']} stored, {counts['near_duplicate']} near-duplicates, "
                  f"{counts['duplicate']} duplicates, {len(failures)} failed; {total} documents in the store",
                  highlight=False)
    if failures:
        console.print("[bold]failed inputs:[/bold]")
        for f in failures:
            console.print(f"  {f.source}: {f.reason}", markup=False, highlight=False, soft_wrap=True)


@app.command(epilog="Examples:\n\n  claimscope docs\n\n  claimscope docs --limit 100 --db team.db\n\n"
             "  for id in $(claimscope docs --ids); do claimscope report $id; done")
def docs(
    db: DbOpt = None,
    limit: Arg[int, typer.Option(help="How many documents to list.")] = 50,
    offset: Arg[int, typer.Option(help="Skip this many first.")] = 0,
    ids: Arg[bool, typer.Option("--ids", help="Print only the ids, one a line (for scripts).")] = False,
    settings_file: SettingsOpt = None,
) -> None:
    """List stored documents, newest first."""
    rows, total = read_store(db, settings_file,
                             lambda store: (store.list_documents(limit, offset), store.count_documents()))
    if ids:
        for d in rows:
            print(d.id)
        return
    table = Table(title=f"{total} documents", title_justify="left")
    for col in ("id", "published", "outlet", "lang", "title", "near-dup of"):
        table.add_column(col, overflow="fold")
    for d in rows:
        table.add_row(d.id[:12], d.published or "", d.outlet or "", d.language or "", d.title or "(no title)",
                      f"{d.near_duplicate_of[:12]} ({d.similarity:.2f})" if d.near_duplicate_of else "")
    console.print(table)


@app.command(epilog="Examples:\n\n  claimscope show 3f2a9c1b\n\n  claimscope show 3f2a9c1b --json")
def show(
    doc_id: Arg[str, typer.Argument(help="Document id or a unique prefix of it (4+ characters).")],
    db: DbOpt = None,
    as_json: Arg[bool, typer.Option("--json", help="Print the document as JSON.")] = False,
    settings_file: SettingsOpt = None,
) -> None:
    """Show one document: metadata and clean text."""

    def read(store: SQLiteStore) -> tuple[Document, list[dict[str, Any]], list[dict[str, Any]]]:
        doc = store.get_document(doc_id)
        return doc, store.sightings(doc.id), store.near_duplicates(doc.id)

    doc, sightings, near = read_store(db, settings_file, read)
    if as_json:
        out = document_json(doc)
        out["sightings"], out["near_duplicates"] = sightings, near
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return
    meta = Table(show_header=False, box=None)
    for key, value in (("id", doc.id), ("title", doc.title), ("author", doc.author), ("published", doc.published),
                       ("outlet", doc.outlet), ("url", doc.url), ("language", doc.language),
                       ("source", doc.source), ("ingested", doc.ingested_at)):
        if value:
            meta.add_row(f"[bold]{key}[/bold]", str(value).replace("[", r"\["))
    if doc.near_duplicate_of:
        meta.add_row("[bold]near-duplicate of[/bold]", f"{doc.near_duplicate_of} (similarity {doc.similarity:.2f})")
    for n in near:
        meta.add_row("[bold]copy[/bold]", f"{n['id'][:12]} {n['outlet'] or ''} (similarity {n['similarity']:.2f})")
    if len(sightings) > 1:
        meta.add_row("[bold]seen in[/bold]", ", ".join(s["source"] for s in sightings).replace("[", r"\["))
    console.print(meta)
    console.rule()
    console.print(doc.text, markup=False, highlight=False)


@app.command(epilog="Examples:\n\n  claimscope search 'Islamic State'\n\n  claimscope search GKNB --limit 5")
def search(
    query: Arg[str, typer.Argument(help="Words to find (all must occur) in titles and texts.")],
    db: DbOpt = None,
    limit: Arg[int, typer.Option(help="How many results.")] = 20,
    settings_file: SettingsOpt = None,
) -> None:
    """Full-text search over stored titles and texts, with snippets. Exit 1 when nothing matches."""
    hits = read_store(db, settings_file, lambda store: store.search(query, limit))
    if not hits:
        err_console.print(f"no documents match {query!r}", markup=False)
        raise typer.Exit(EXIT_FAILED)
    for hit in hits:
        console.print(f"[bold cyan]{hit.id[:12]}[/bold cyan]  {_esc(hit.title or '(no title)')}  "
                      f"[dim]{_esc(hit.outlet or '')} {hit.published or ''}[/dim]")
        console.print(_highlighted(hit.snippet), highlight=False)


def _highlighted(snippet: str) -> Text:
    """A snippet whose matches the store marked with \\x02 ... \\x03, as styled text (never markup)."""
    text = Text("    ")
    for i, part in enumerate(snippet.replace("\x03", "\x02").split("\x02")):
        text.append(part, style="bold yellow" if i % 2 else "")
    return text


def _esc(text: str) -> str:
    return text.replace("[", r"\[")


@app.command(epilog="Examples:\n\n  claimscope extract article.txt --format json\n\n"
             "  claimscope extract corpus/ --format jsonl > out.jsonl\n\n"
             "  claimscope extract page.html --published 2015-01-21 --no-nlp")
def extract(
    paths: Arg[list[str], typer.Argument(help="Files, folders, URLs, feeds, WARC files, or - for stdin.")],
    fmt: Arg[str, typer.Option("--format", help="json (one object, or a list) or jsonl (one object a line, "
                               "with a 'source' key).")] = "json",
    published: Arg[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for every document.")] = None,
    source: Arg[str | None, typer.Option("--source", help="Outlet name for every document.")] = None,
    allow_private: Arg[bool, typer.Option("--allow-private", help="Allow private-network URLs.")] = False,
    nlp: Arg[bool, typer.Option("--nlp/--no-nlp", help="Run entity, date, amount and claim extraction.")] = True,
    settings_file: SettingsOpt = None,
) -> None:
    """Extract documents without a database and print them in the shape of gold/SCHEMA.md.

    A file that fails gets one line on stderr and the rest go on; exit status 1 if any failed.
    """
    if fmt not in ("json", "jsonl"):
        err_console.print(f"--format must be json or jsonl, not {fmt!r}", markup=False)
        raise typer.Exit(2)
    settings = settings_for(None, settings_file)
    failed = 0
    collected: list[dict] = []
    try:
        items = flow.documents(paths, settings, allow_private=allow_private, published=published,
                               source_name=source, stdin=sys.stdin.buffer)
        for item in flow.annotated(items, settings, nlp=nlp):
            if isinstance(item, Failure):
                failed += 1
                _report_failure(item)
                continue
            doc, ann = item
            obj = document_json(doc, ann, source=doc.source)
            if fmt == "jsonl":
                sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
                sys.stdout.flush()
            else:
                collected.append(obj)
    except ClaimscopeError as exc:
        raise fail(exc) from exc
    if fmt == "json" and collected:
        print(json.dumps(collected[0] if len(collected) == 1 else collected, ensure_ascii=False, indent=2))
    raise typer.Exit(EXIT_FAILED if failed else EXIT_OK)
