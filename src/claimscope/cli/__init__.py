"""The `claimscope` command: a typer app; each stage's commands live in their own module.

Exit codes: 0 success; 1 some inputs failed (each named on stderr) or nothing matched;
2 usage error (bad option or argument); 3 configuration, model or database problem.
"""

from __future__ import annotations

import importlib
import sys

from claimscope.cli.app import app
from claimscope.errors import ClaimscopeError

# Importing a module registers its commands on `app`; the order is the order of `--help`.
for _name in ("documents", "entities", "claims", "weigh"):
    try:
        importlib.import_module(f"claimscope.cli.{_name}")
    except ModuleNotFoundError as _exc:  # an area whose commands are not installed in this build
        if _exc.name != f"claimscope.cli.{_name}":
            raise


def main() -> None:
    """Entry point of the `claimscope` script."""
    try:
        app()
    except ClaimscopeError as exc:  # pragma: no cover - typer normally handles exits
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(3)
