"""cs_amounts: money and counts with units and qualifiers (sentences written for these tests)."""

from __future__ import annotations

import pytest

from support.pipelines import SHARED, pipeline, score_dates_amounts_on_dev

spacy = pytest.importorskip("spacy")

from claimscope.nlp.numbers import parse_number  # noqa: E402


@pytest.fixture(scope="module")
def nlp():
    """The configured model with cs_dates, cs_amounts only, loaded once."""
    return pipeline("cs_dates", "cs_amounts")


def amounts(nlp, text: str) -> list[tuple[float, str, str]]:
    return [(a["value"], a["unit"], a["qualifier"]) for a in nlp(text)._.cs_amounts]


def test_parse_number_digits_words_and_scales():
    assert parse_number("4,000") == 4000
    assert parse_number("1.5 million") == 1_500_000
    assert parse_number("twenty-five") == 25
    assert parse_number("two hundred and fifty thousand") == 250_000
    assert parse_number("a dozen") == 12
    assert parse_number("two dozen") == 24
    assert parse_number("hundreds") is None
    assert parse_number("thousand") is None


def test_money_with_sign_and_scale(nlp):
    assert amounts(nlp, "The donor gave around $70 million to the fund.") == [(70_000_000, "USD", "approx")]


def test_money_with_currency_words(nlp):
    text = "He was fined 500,000 roubles, she paid 20,000 som and they lost 3 million tenge and 100 euros."
    assert amounts(nlp, text) == [(500_000, "RUB", "exact"), (20_000, "KGS", "exact"),
                                  (3_000_000, "KZT", "exact"), (100, "EUR", "exact")]


def test_counts_of_persons_are_people(nlp):
    text = "Six gunmen attacked the post and 4,000 men and women fled, among them nine children."
    assert amounts(nlp, text) == [(6, "people", "exact"), (4000, "people", "exact"), (9, "people", "exact")]


def test_counts_of_things_keep_the_noun(nlp):
    assert amounts(nlp, "Police seized seven assault rifles and two trucks.") == [
        (7, "rifles", "exact"), (2, "trucks", "exact")]


def test_qualifiers(nlp):
    text = ("As many as 300 fighters joined, at least 12 soldiers died, more than 50 villagers fled, "
            "up to 40 officers were sent and about 20 vehicles burned.")
    assert [q for _, _, q in amounts(nlp, text)] == ["max", "min", "min", "max", "approx"]


def test_partitive_counts_the_noun_after_of(nlp):
    assert amounts(nlp, "Three of the detained students were released.") == [(3, "people", "exact")]


def test_elided_noun_takes_the_previous_unit(nlp):
    text = "Five of the suspects are foreigners and four are local residents."
    assert amounts(nlp, text) == [(5, "people", "exact"), (4, "people", "exact")]


def test_bare_number_subject_of_a_harm_verb_is_people(nlp):
    assert amounts(nlp, "At least 10 killed in border clash") == [(10, "people", "min")]


def test_durations_ages_identifiers_and_vague_words_are_not_amounts(nlp):
    text = ("He served three years under Article 205 after a five-minute trial; the 30-year-old, aged 30, "
            "joined hundreds of others and dozens of men, 40 percent of them, in 2014.")
    assert amounts(nlp, text) == []


def test_components_run_on_an_unparsed_or_empty_doc():
    import claimscope.nlp.components  # noqa: F401

    blank = spacy.blank("en")
    blank.add_pipe("cs_dates")
    blank.add_pipe("cs_amounts")
    doc = blank("Police paid $5 million on 21.01.2015 and detained five of the 20 suspects.")
    assert [d["value"] for d in doc._.cs_dates] == ["2015-01-21"]
    assert [(a["value"], a["unit"]) for a in doc._.cs_amounts][0] == (5_000_000, "USD")
    assert blank("")._.cs_amounts == []


def test_both_ends_of_a_range_count_the_same_noun(nlp):
    assert amounts(nlp, "Between 2,000 and 4,000 Central Asians have gone to Syria.") == [
        (2000, "people", "exact"), (4000, "people", "exact")]


def test_rates_are_not_counts(nlp):
    assert amounts(nlp, "One in four residents and one of every nine voters earn six figures.") == []


def test_compound_nouns_count_their_head(nlp):
    assert amounts(nlp, "Three election debates and two police officers.") == [
        (3, "debates", "exact"), (2, "people", "exact")]


def test_one_is_not_a_count(nlp):
    assert amounts(nlp, "One soldier died.") == []


def test_demonyms_are_people(nlp):
    assert amounts(nlp, "Two Tajiks and three Uzbeks were detained.") == [
        (2, "people", "exact"), (3, "people", "exact")]


def test_amount_offsets_cover_the_text(nlp):
    doc = nlp("Officials said up to 500 citizens had left.")
    a = doc._.cs_amounts[0]
    assert doc.text[a["start"]:a["end"]] == a["text"] == "up to 500 citizens"


@pytest.mark.slow
def test_dev_gold_amounts_f1_at_least_090(nlp, tmp_path):
    gold_dir, corpus_dir = SHARED / "gold" / "dev", SHARED / "corpus" / "dev"
    if not gold_dir.is_dir() or not corpus_dir.is_dir():
        pytest.skip("the shared gold/dev corpus is not available next to the repository")
    assert score_dates_amounts_on_dev(nlp, gold_dir, corpus_dir, tmp_path)["amounts_f"] >= 0.90
