"""The typer application object and helpers shared by the command modules."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from claimscope.config import Settings, load_settings
from claimscope.errors import ClaimscopeError

app = typer.Typer(
    name="claimscope",
    help="Who said what in conflict and extremism news: ingest articles, extract entities and "
    "attributed claims, weigh sources.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
    epilog="Exit codes: 0 success; 1 some inputs failed (each named on stderr) or nothing matched; "
    "2 usage error; 3 configuration, model or database problem. Settings: ./claimscope.toml or "
    "CLAIMSCOPE_SETTINGS; the database: --db or CLAIMSCOPE_DB.",
)

console = Console()
err_console = Console(stderr=True)

T = TypeVar("T")

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_CONFIG = 0, 1, 2, 3

# The options every command that reads the store takes.
DbOpt = Annotated[str | None, typer.Option("--db", help="SQLite file (default ./claimscope.db or env CLAIMSCOPE_DB).",
                                           show_default=False)]
SettingsOpt = Annotated[str | None, typer.Option("--settings", help="Settings file (TOML) overriding the defaults.",
                                                 show_default=False)]


def fail(exc: ClaimscopeError) -> typer.Exit:
    """Print a ClaimscopeError as one line on stderr and return the exit to raise."""
    err_console.print(f"[red]error:[/red] {escape(str(exc))}", markup=True, highlight=False)
    return typer.Exit(EXIT_CONFIG)


def settings_for(db: str | None = None, settings_file: str | None = None) -> Settings:
    """Load settings, applying a --db option on top."""
    settings = load_settings(settings_file)
    if db:
        settings = {**settings, "store": {**settings["store"], "db": db}}
    return settings


def is_tty() -> bool:
    """True when stderr is a terminal (progress bars only then)."""
    return sys.stderr.isatty()


def read_store(db: str | None, settings_file: str | None, fn: Callable[[Any], T]) -> T:
    """Open the store, run one read against it, close it; a ClaimscopeError becomes a one-line exit 3."""
    from claimscope.store import open_store

    try:
        store = open_store(settings_for(db, settings_file))
        try:
            return fn(store)
        finally:
            store.close()
    except ClaimscopeError as exc:
        raise fail(exc) from exc


def print_json_lines(records: list[Any]) -> None:
    """Each dataclass record as one JSON line; exit 1 when there are none."""
    for record in records:
        print(json.dumps(asdict(record), ensure_ascii=False))
    raise typer.Exit(EXIT_OK if records else EXIT_FAILED)


class _Rate(TextColumn):
    """Documents per second so far."""

    def __init__(self) -> None:
        super().__init__("")
        self.started = time.perf_counter()

    def render(self, task: Task) -> Text:
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        return Text(f"{task.completed / elapsed:5.1f} docs/s")


def progress_bar() -> Progress:
    """A progress bar on stderr (documents, rate, time), shown only on a terminal."""
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    _Rate(), TimeElapsedColumn(), console=err_console, transient=False,
                    disable=not err_console.is_terminal)
