"""The [ingest] settings as one typed record, validated once per batch."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from typing import Any

from claimscope.config import Settings
from claimscope.errors import ConfigError

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True)
class IngestOptions:
    """Limits and switches that every source reader obeys."""

    max_bytes: int = 50 * 1024 * 1024
    timeout_seconds: float = 20.0
    max_redirects: int = 5
    allow_private: bool = False
    allow_networks: tuple[Network, ...] = ()
    user_agent: str = "claimscope/0.1"
    feed_fetch_items: bool = True
    feed_min_embedded_chars: int = 400


def _number(section: dict[str, Any], key: str, default: float, kind: type) -> Any:
    value = section.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ConfigError(f"[ingest] {key} must be a non-negative number, not {value!r}; fix settings.toml")
    return kind(value)


def _networks(values: Any) -> tuple[Network, ...]:
    if not isinstance(values, list):
        raise ConfigError("[ingest] allow_networks must be a list of CIDR strings such as \"10.1.2.0/24\"")
    out = []
    for value in values:
        try:
            out.append(ipaddress.ip_network(str(value), strict=False))
        except ValueError as exc:
            raise ConfigError(f"[ingest] allow_networks entry {value!r} is not a CIDR network ({exc}); "
                              "write it like \"10.1.2.0/24\" or \"::1/128\"") from exc
    return tuple(out)


def ingest_options(settings: Settings, *, allow_private: bool = False) -> IngestOptions:
    """Read the [ingest] section; `allow_private` (the CLI flag) can only widen what the file allows."""
    section = dict(settings.get("ingest", {}))
    defaults = IngestOptions()
    return IngestOptions(
        max_bytes=_number(section, "max_bytes", defaults.max_bytes, int),
        timeout_seconds=_number(section, "timeout_seconds", defaults.timeout_seconds, float),
        max_redirects=_number(section, "max_redirects", defaults.max_redirects, int),
        allow_private=bool(section.get("allow_private", False)) or allow_private,
        allow_networks=_networks(section.get("allow_networks", [])),
        user_agent=str(section.get("user_agent", defaults.user_agent)),
        feed_fetch_items=bool(section.get("feed_fetch_items", defaults.feed_fetch_items)),
        feed_min_embedded_chars=_number(section, "feed_min_embedded_chars",
                                        defaults.feed_min_embedded_chars, int),
    )
