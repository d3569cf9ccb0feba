"""cs_dates: calendar expressions resolved to ISO 8601 (sentences written for these tests)."""

from __future__ import annotations

import pytest

from support.pipelines import SHARED, pipeline, score_dates_amounts_on_dev

spacy = pytest.importorskip("spacy")

from claimscope.nlp.components.dates import choose_year, parse_published  # noqa: E402


@pytest.fixture(scope="module")
def nlp():
    """The configured model with cs_dates, cs_amounts only, loaded once."""
    return pipeline("cs_dates", "cs_amounts")


def values(nlp, text: str, published: str | None = None) -> list[str]:
    doc = nlp.make_doc(text)
    doc._.cs_published = published
    return [d["value"] for d in nlp(doc)._.cs_dates]


def test_month_day_resolves_to_the_publication_year(nlp):
    assert values(nlp, "The minister spoke at a January 20 press conference in Bishkek.", "2015-01-21") == [
        "2015-01-20"]


def test_month_alone_takes_the_previous_year_when_it_is_later_in_the_calendar(nlp):
    assert values(nlp, "The group released a video in October.", "2015-01-21") == ["2014-10"]


def test_future_tense_moves_a_month_forward(nlp):
    assert values(nlp, "Parliament will vote on the bill in March.", "2015-11-10") == ["2016-03"]


def test_past_tense_keeps_a_month_in_the_past(nlp):
    assert values(nlp, "The police raided the house in February.", "2015-01-21") == ["2014-02"]


def test_without_publication_date_the_year_stays_unknown(nlp):
    text = "Police detained him on February 22 and released him in early March."
    assert values(nlp, text) == ["--02-22", "--03"]


def test_explicit_years_and_numeric_dates(nlp):
    text = "The law of 21.01.2015 replaced the rules of 2014-06-30, adopted in March 2013 and amended since 2010."
    assert values(nlp, text) == ["2015-01-21", "2014-06-30", "2013-03", "2010"]


def test_day_month_year_and_weekday_prefix(nlp):
    assert values(nlp, "Posted on Thursday, 16 July 2015 at 10:00.") == ["2015-07-16"]


def test_a_written_date_wins_over_its_weekday(nlp):
    assert values(nlp, "The raid took place on Thursday, July 16.", "2015-07-30") == ["2015-07-16"]


def test_weekday_is_the_most_recent_one(nlp):
    # 2015-01-21 is a Wednesday
    assert values(nlp, "Security forces arrested three men on Friday.", "2015-01-21") == ["2015-01-16"]


def test_weekday_in_future_tense_is_the_next_one(nlp):
    assert values(nlp, "The court will hear the case on Friday.", "2015-01-21") == ["2015-01-23"]


def test_weekday_without_publication_date_is_omitted(nlp):
    assert values(nlp, "Security forces arrested three men on Friday.") == []


def test_relative_days_weeks_months_and_years(nlp):
    text = ("He was detained yesterday. Officials met last week and earlier this month. "
            "The law passed last year and was used two days ago.")
    assert values(nlp, text, "2015-01-21") == ["2015-01-20", "2015-W03", "2015-01", "2014", "2015-01-19"]


def test_month_with_relative_year(nlp):
    assert values(nlp, "He left in April this year, not in June last year.", "2015-08-01") == [
        "2015-04", "2014-06"]
    assert values(nlp, "He left in April this year.") == ["--04"]


def test_durations_ages_and_vague_periods_are_not_dates(nlp):
    text = "He served three years in prison, is 30 years old, and in recent years has lived abroad."
    assert values(nlp, text, "2015-01-21") == []


def test_may_the_verb_is_not_a_month(nlp):
    assert values(nlp, "Officials may release the suspects. The report came out in May.") == ["--05"]


def test_number_followed_by_plural_noun_is_not_a_year(nlp):
    assert values(nlp, "About 2000 people marched in the capital.") == []


def test_mentions_carry_offsets(nlp):
    doc = nlp.make_doc("Arrests followed on November 2.")
    doc._.cs_published = None
    mention = nlp(doc)._.cs_dates[0]
    assert doc.text[mention["start"]:mention["end"]] == mention["text"] == "November 2"


def test_choose_year_prefers_the_near_past():
    ref = parse_published("2015-12-28")
    assert ref is not None
    assert choose_year(1, 3, ref.day, None, 4.0) == 2016
    assert choose_year(11, None, ref.day, None, 4.0) == 2015


def test_partial_publication_dates_are_read():
    ref = parse_published("2015-07")
    assert ref is not None and ref.precision == "month"
    assert parse_published("not a date") is None


@pytest.mark.slow
def test_dev_gold_dates_f1_at_least_090(nlp, tmp_path):
    gold_dir, corpus_dir = SHARED / "gold" / "dev", SHARED / "corpus" / "dev"
    if not gold_dir.is_dir() or not corpus_dir.is_dir():
        pytest.skip("the shared gold/dev corpus is not available next to the repository")
    summary = score_dates_amounts_on_dev(nlp, gold_dir, corpus_dir, tmp_path)
    assert summary["dates_f"] >= 0.90
