"""The furniture data file parses and its sections do what they say."""

from __future__ import annotations

import pytest

from claimscope.article.furniture import furniture, parse_sections


def test_furniture_file_compiles() -> None:
    f = furniture()
    assert f.line.fullmatch("Accessibility links")
    assert f.tail.fullmatch("About This Blog")
    assert f.credit.fullmatch("Credit: Screenshot, state television")
    assert f.caption.fullmatch("Image caption,")


def test_furniture_patterns_do_not_match_sentences() -> None:
    f = furniture()
    sentence = "The ministry said the suspects shared videos on social networks, according to a statement."
    assert not f.line.fullmatch(sentence)
    assert not f.tail.fullmatch(sentence)


def test_unknown_section_rejected() -> None:
    with pytest.raises(ValueError, match="unknown section"):
        parse_sections("[menus]\nhome\n")


def test_footer_section_matches_notices_not_news() -> None:
    f = furniture()
    assert f.closing.fullmatch("This article was produced with support from a regional media fund.")
    assert f.closing.fullmatch("Link to the news agency is required when using the materials.")
    assert not f.closing.fullmatch("The report was published by a London think tank on Monday.")
    assert not f.closing.fullmatch("Copies of the video were shared on Telegram, the ministry said.")
    assert not f.closing.fullmatch("Copyright lawyers said the footage had been used without permission.")
    assert f.footer.fullmatch("Follow Jane Doe on Twitter @janedoe.")
    assert not f.footer.fullmatch("Follow the money, the prosecutor told the court.")
