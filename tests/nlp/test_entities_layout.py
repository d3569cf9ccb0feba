"""Page layout lines (claimscope.nlp.layout): sentences, headlines, bylines, breadcrumb labels."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from claimscope.nlp.layout import Lines  # noqa: E402

TEXT = ("Breaking News\n\nKyrgyz Police Detain Nine Suspects In Osh\n\nHome | World | Central Asia\n\n"
        "Police in Osh detained nine people on Monday.\n\n-- Anna Petrova")


@pytest.fixture(scope="module")
def lines() -> Lines:
    return Lines(spacy.blank("en")(TEXT))


def token_at(lines: Lines, word: str, nth: int = 0) -> int:
    return [t.i for t in lines.tokens if t.text == word][nth]


def test_short_line_is_a_label_and_long_title_a_heading(lines: Lines) -> None:
    assert lines.kind(token_at(lines, "Breaking")) == "label"
    assert lines.kind(token_at(lines, "Detain")) == "heading"


def test_sentence_and_byline(lines: Lines) -> None:
    assert lines.kind(token_at(lines, "detained")) == "sentence"
    assert lines.kind(token_at(lines, "Petrova")) == "byline"


def test_breadcrumb_parts_are_labels_filled_or_not(lines: Lines) -> None:
    central = token_at(lines, "Central")
    assert lines.kind(central) == "label" and not lines.furniture(central, central + 2)
    asia = token_at(lines, "Asia")
    assert lines.furniture(asia, asia + 1)


def test_copyright_and_picture_credit_lines_are_furniture() -> None:
    lines = Lines(spacy.blank("en")("Police detained two men.\n\nCredit: Screenshot, Amaq News Agency\n\n"
                                    "Copyright (c) 2015 RFE/RL, Inc. All rights reserved."))
    amaq = [t.i for t in lines.tokens if t.text == "Amaq"][0]
    rferl = [t.i for t in lines.tokens if t.text.startswith("RFE")][0]
    assert lines.furniture(amaq, amaq + 3) and lines.furniture(rferl, rferl + 1)
    assert not lines.furniture(0, 1)
