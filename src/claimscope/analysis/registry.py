"""The source registry: outlets, wires and bodies with their kind and default reliability (A-F).

Defaults ship in analysis/data/sources.json; a user file named by ``[analysis] source_registry`` in the
settings (same JSON shape) adds sources or overrides kinds and single sources by name.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from claimscope.analysis.lexicon import data_file
from claimscope.errors import ConfigError

RELIABILITY = "ABCDEF"


@dataclass(frozen=True)
class Source:
    """One known outlet, wire or body."""

    name: str
    kind: str
    reliability: str
    why: str
    wire: bool = False
    aliases: tuple[str, ...] = ()
    slugs: tuple[str, ...] = ()


@dataclass
class Registry:
    """Known sources, looked up by name, alias, web host or file-name slug."""

    kinds: dict[str, dict[str, str]]
    sources: dict[str, Source] = field(default_factory=dict)
    _alias: dict[str, str] = field(default_factory=dict)
    _entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    _slug: dict[str, str] = field(default_factory=dict)
    _pattern: re.Pattern[str] | None = None

    def add(self, entry: dict[str, Any]) -> None:
        """Add one source entry (name, kind, optional reliability/aliases/slugs/wire/why).

        An entry for a name already known overrides only the fields it gives: a user file can regrade
        "Interfax" without repeating its aliases.
        """
        old = self._entries.get(str(entry.get("name")))
        if old is not None:
            given = entry
            entry = {**old, **given}
            if given.get("kind", old.get("kind")) != old.get("kind"):
                # a new kind brings its own default grade and reason, unless the entry gives them
                for key in ("reliability", "why"):
                    if key not in given:
                        entry.pop(key, None)
        self._entries[str(entry["name"])] = entry
        kind = str(entry.get("kind", "unknown"))
        base = self.kinds.get(kind, self.kinds["unknown"])
        rel = str(entry.get("reliability", base["reliability"])).upper()
        if rel not in RELIABILITY:
            raise ConfigError(f"source {entry.get('name')!r}: reliability {rel!r} is not one of A-F; fix the registry")
        name = str(entry["name"])
        src = Source(name=name, kind=kind, reliability=rel, why=str(entry.get("why", base["why"])),
                     wire=bool(entry.get("wire", kind == "wire")), aliases=tuple(entry.get("aliases", [name])),
                     slugs=tuple(entry.get("slugs", [])))
        self.sources[name] = src
        for a in (name, *src.aliases):
            self._alias[a if len(a) <= 4 else a.casefold()] = name
        for s in src.slugs:
            self._slug[s.casefold()] = name
        self._pattern = None

    def lookup(self, text: str) -> Source | None:
        """The source named exactly by text (short names are case-sensitive: "AP", "RT")."""
        text = text.strip().strip("\"'\u201c\u201d")
        text = re.sub(r"^(?:the|The)\s+", "", text)
        text = re.sub(r"\s+(?:news agency|agency|newspaper|website|TV channel|channel)$", "", text)
        name = self._alias.get(text) or (self._alias.get(text.casefold()) if len(text) > 4 else None)
        if name is None:
            name = self._alias.get("The " + text) or self._alias.get(("the " + text).casefold())
        return self.sources.get(name) if name else None

    def find_in(self, text: str) -> list[tuple[int, int, Source]]:
        """Every registry name occurring in text, with offsets."""
        if self._pattern is None:
            names = sorted(self._alias_keys(), key=len, reverse=True)
            self._pattern = re.compile(r"(?<![\w/])(" + "|".join(re.escape(n) for n in names) + r")(?![\w/])", re.I)
        out = []
        for m in self._pattern.finditer(text):
            src = self.lookup(m.group(1))
            if src is None and len(m.group(1)) <= 4:
                continue
            if src:
                out.append((m.start(), m.end(), src))
        return out

    def _alias_keys(self) -> list[str]:
        keys: list[str] = []
        for src in self.sources.values():
            keys.extend(a for a in (src.name, *src.aliases) if len(a) >= 2)
        return keys

    def by_slug(self, slug: str) -> Source | None:
        """The source whose web host or file-name slug this is."""
        name = self._slug.get(slug.casefold())
        return self.sources.get(name) if name else None

    def outlet_of(self, outlet: str | None, url: str | None, source: str) -> Source | None:
        """The registry entry for a document's outlet: its outlet name, URL host or file-name prefix."""
        if outlet:
            found = self.lookup(outlet)
            if found:
                return found
        if url:
            host = (urlparse(url).hostname or "").removeprefix("www.")
            for part in host.split(".")[:-1]:
                found = self.by_slug(part)
                if found:
                    return found
        stem = Path(source).name.split(".")[0]
        first = re.split(r"[-_]", stem)[0] if stem else ""
        return self.by_slug(first) if first else None

    def reliability(self, kind: str) -> tuple[str, str]:
        """Default (reliability, why) of a kind of source."""
        k = self.kinds.get(kind, self.kinds["unknown"])
        return k["reliability"], k["why"]


def load_registry(path: str | None = None) -> Registry:
    """The shipped registry, overlaid by a user file (same JSON shape) when a path is given."""
    base = json.loads(data_file("sources.json").read_text("utf-8"))
    reg = Registry(kinds=dict(base["kinds"]))
    for entry in base["sources"]:
        reg.add(entry)
    if path:
        try:
            user = json.loads(Path(path).read_text("utf-8"))
        except OSError as exc:
            raise ConfigError(f"cannot read source registry {path}: {exc.strerror}; check [analysis] "
                              "source_registry") from exc
        except ValueError as exc:
            raise ConfigError(f"source registry {path} is not valid JSON ({exc}); fix it") from exc
        for kind, spec in (user.get("kinds") or {}).items():
            reg.kinds[kind] = {**reg.kinds.get(kind, {}), **spec}
        for entry in user.get("sources") or []:
            reg.add(entry)
    return reg
