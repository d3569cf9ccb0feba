"""cs_attribution: reported-speech patterns beyond the basic frames (sentences written for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from support.pipelines import pipeline

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def nlp():
    """The model with cs_attribution only, loaded once."""
    return pipeline("cs_attribution")


def claims(nlp, text: str, title: str | None = None) -> list[dict[str, Any]]:
    doc = nlp.make_doc(text)
    doc._.cs_title = title
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return list(doc._.cs_claims)


def find(found: list[dict[str, Any]], **want: Any) -> dict[str, Any]:
    for c in found:
        if all(c.get(k) == v for k, v in want.items()):
            return c
    raise AssertionError(f"no claim with {want} in {found}")


def test_headline_name_colon_is_a_claim_without_offsets(nlp) -> None:
    text = "Aibek Usenov spoke in Osh on Monday. Usenov said the border would stay open."
    c = find(claims(nlp, text, title="Usenov: Border Crossing Will Stay Open"), cue=":")
    assert c["content"] == "Border Crossing Will Stay Open"
    assert (c["start"], c["end"]) == (0, 0)


def test_headline_says_verb_and_trailing_says(nlp) -> None:
    text = "Aibek Usenov spoke in Osh on Monday. Usenov said the border would stay open."
    c = find(claims(nlp, text, title="Aibek Usenov Says Border Will Stay Open"), cue="Says")
    assert c["content"] == "Border Will Stay Open"
    c = find(claims(nlp, text, title="Border Will Stay Open, Aibek Usenov Says"), cue="Says")
    assert c["content"] == "Border Will Stay Open"


def test_headline_with_a_contested_cue_has_a_claim_status(nlp) -> None:
    text = "Aibek Usenov spoke in Osh on Monday. Usenov said the attackers had fled abroad."
    c = find(claims(nlp, text, title="Aibek Usenov Claims Attackers Fled Abroad"), cue="Claims")
    assert c["status"] in ("asserted", "hedged", "unconfirmed", "negated")


def test_headline_without_a_named_speaker_has_no_claim(nlp) -> None:
    text = "The crossing at Osh reopened on Monday after a week."
    found = claims(nlp, text, title="Stealth Over Borders: Crossing Reopens After a Week")
    assert not [c for c in found if c["cue"] == ":"]


def test_quotation_signed_after_a_dash(nlp) -> None:
    text = "Readers wrote to us.\n\n“The crossing should never have been closed.” ― Gulnara Tashieva\n"
    c = find(claims(nlp, text), cue="―")
    assert c["content"].startswith("The crossing should never have been closed")
    assert "Tashieva" in c["speaker"]


def test_dash_aside_is_not_a_signature(nlp) -> None:
    text = "The committee reviewed the list of border crossings ― Osh Province\n"
    assert not [c for c in claims(nlp, text) if c["cue"] == "―"]


def test_speech_verb_after_an_apposition_subject(nlp) -> None:
    text = ("On Monday in Bishkek, while visiting the market, the deputy minister Aibek Usenov said the border "
            "would stay open all winter.")
    c = find(claims(nlp, text), cue="said")
    assert c["content"].startswith("the border would stay open")


def test_quote_closed_by_full_stop_then_short_subject_and_cue(nlp) -> None:
    text = "“The convoy left the city before dawn and reached the border by noon.” Usenov said."
    c = find(claims(nlp, text), cue="said")
    assert c["content"].startswith("The convoy left the city")


def test_poll_answer_words_are_contents(nlp) -> None:
    text = ("Six in 10 voters said the minister is honest, and three-quarters said the same of his deputy. "
            "Asked whether the border should close, 72 percent of farmers said yes.")
    found = claims(nlp, text)
    assert find(found, content="yes")["cue"] == "said"
    assert find(found, content="the same of his deputy")
    assert find(found, content="the minister is honest")


def test_cue_set_off_by_commas_inside_its_content(nlp) -> None:
    text = "Time, the minister added, was on the side of the farmers in the valley."
    c = find(claims(nlp, text), cue="added")
    assert "was on the side of the farmers" in c["content"]
    assert c["content"].startswith("Time")


def test_reply_to_a_request_for_comment(nlp) -> None:
    text = "A spokesman for the ministry did not respond to a request for comment."
    c = find(claims(nlp, text), content="a request for comment")
    assert c["status"] == "negated"


def test_whom_a_cue_urges_belongs_to_the_content(nlp) -> None:
    text = "The governor urged the ministry to reopen the crossing before the harvest."
    c = find(claims(nlp, text), cue="urged")
    assert c["content"].startswith("the ministry to reopen the crossing")


def test_opening_phrase_is_not_part_of_what_was_said(nlp) -> None:
    text = "Frustrated by the delays at the border, the governor said the ministry had failed the farmers."
    c = find(claims(nlp, text), cue="said")
    assert c["content"] == "the ministry had failed the farmers"


def test_as_x_noted_gives_the_main_clause(nlp) -> None:
    text = "As the Osh Times noted, the minister raised more than $1.1 million from the mining industry."
    c = find(claims(nlp, text), cue="noted")
    assert c["content"] == "the minister raised more than $1.1 million from the mining industry"


def test_question_quote_then_titled_subject_and_cue(nlp) -> None:
    text = "''Why do the largest mining companies pay lower rates than the farmers do?'' Mrs. Otunbayeva asked."
    c = find(claims(nlp, text), cue="asked")
    assert c["content"].startswith("Why do the largest mining companies")


def test_quote_closing_inside_another_quote_keeps_its_cue(nlp) -> None:
    text = "“She was the only one who came with the right question, ‘What can we do? What help do you need?’” Usenov said."
    c = find(claims(nlp, text), cue="said")
    assert c["content"].startswith("She was the only one")
