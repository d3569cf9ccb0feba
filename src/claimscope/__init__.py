"""claimscope: who said what in conflict and extremism news."""

__version__ = "0.1.0"
