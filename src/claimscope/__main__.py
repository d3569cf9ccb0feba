"""`python -m claimscope` runs the CLI."""

from claimscope.cli import main

main()
