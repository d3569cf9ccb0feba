"""Settings: the packaged settings.toml, overlaid by a user file and environment variables."""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from claimscope.errors import ConfigError

Settings = dict[str, Any]


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"cannot read settings file {path}: {exc.strerror}; check the path") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"settings file {path} is not valid TOML ({exc}); fix or remove it") from exc


def default_settings() -> Settings:
    """The packaged defaults."""
    text = resources.files("claimscope").joinpath("settings.toml").read_text("utf-8")
    return tomllib.loads(text)


@lru_cache(maxsize=8)
def _load(path: str | None, env_key: tuple[tuple[str, str], ...]) -> Settings:
    settings = default_settings()
    candidates = [Path(path)] if path else [Path("claimscope.toml")]
    for candidate in candidates:
        if candidate.exists() or path:
            settings = _merge(settings, _read_toml(candidate))
    env = dict(env_key)
    if env.get("CLAIMSCOPE_DB"):
        settings["store"]["db"] = env["CLAIMSCOPE_DB"]
    if env.get("CLAIMSCOPE_MODEL"):
        settings["nlp"]["model"] = env["CLAIMSCOPE_MODEL"]
    return settings


def load_settings(path: str | None = None) -> Settings:
    """Defaults, then `path` (or env CLAIMSCOPE_SETTINGS, or ./claimscope.toml), then env overrides."""
    path = path or os.environ.get("CLAIMSCOPE_SETTINGS") or None
    env = tuple(sorted((k, v) for k, v in os.environ.items() if k.startswith("CLAIMSCOPE_")))
    return _load(path, env)


def data_path(*parts: str) -> Path:
    """Path of a data file shipped in claimscope/nlp/data."""
    return Path(str(resources.files("claimscope").joinpath("nlp", "data", *parts)))
