"""Publication dates as pages print them."""

from __future__ import annotations

import pytest

from claimscope.article.dates import normalise_date, parse_date


@pytest.mark.parametrize(("text", "iso"), [
    ("January 21, 2015", "2015-01-21"),
    ("Jan. 21st, 2015", "2015-01-21"),
    ("21 January 2015 10:32", "2015-01-21"),
    ("18 Jul, 2016 05:51", "2016-07-18"),
    ("21.01.2015", "2015-01-21"),
    ("2015-01-21", "2015-01-21"),
    ("Published 07/18/2016, 01:33 PM", "2016-07-18"),
    ("31/12/2019", "2019-12-31"),
    ("09:00 28.05.2015 Регион", "2015-05-28"),
    ("28 мая 2015 г.", "2015-05-28"),
])
def test_date_formats_parsed(text: str, iso: str) -> None:
    assert parse_date(text) == iso


def test_impossible_dates_ignored() -> None:
    assert parse_date("31.02.2015") is None
    assert parse_date("in 2015 and 2016") is None


def test_normalise_date_accepts_iso_and_timestamps() -> None:
    assert normalise_date("2016-07-18T13:33:00+00:00") == "2016-07-18"
    assert normalise_date("2016-07") == "2016-07"
    assert normalise_date("July 18, 2016") == "2016-07-18"
    assert normalise_date("soon") is None
