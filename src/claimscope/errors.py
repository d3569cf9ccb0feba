"""One exception hierarchy; every message tells the user what to do next."""

from __future__ import annotations


class ClaimscopeError(Exception):
    """Base class for every error claimscope raises on purpose."""


class ConfigError(ClaimscopeError):
    """The settings file or an environment override is invalid."""


class SourceError(ClaimscopeError):
    """An input could not be read or fetched (file, URL, feed, WARC, stdin)."""


class BlockedAddressError(SourceError):
    """A URL resolves to a private, loopback or link-local address."""


class ArticleError(ClaimscopeError):
    """A page was read but holds no usable article (empty, binary, no text)."""


class StoreError(ClaimscopeError):
    """The database cannot be opened, migrated or written."""


class ModelError(ClaimscopeError):
    """The spaCy model named in the settings is not installed."""


class NotFoundError(ClaimscopeError):
    """A document, entity or claim asked for by id or name does not exist."""
