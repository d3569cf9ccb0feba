"""cs_attribution: attribution patterns, speakers, quotes and status (sentences written for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from support.pipelines import pipeline

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def nlp():
    """The model with cs_attribution only (speakers then come from spaCy's entities), loaded once."""
    return pipeline("cs_attribution")


def claims(nlp, text: str) -> list[dict[str, Any]]:
    return list(nlp(text)._.cs_claims)


def one(nlp, text: str, **want: Any) -> dict[str, Any]:
    found = claims(nlp, text)
    for c in found:
        if all(c.get(k) == v for k, v in want.items()):
            return c
    raise AssertionError(f"no claim with {want} in {found}")


def test_said_that_gives_speaker_cue_and_content(nlp) -> None:
    text = "John Carter said that the border crossing at Osh was closed on Monday."
    c = one(nlp, text, speaker="John Carter")
    assert c["cue"] == "said"
    assert c["content"] == "the border crossing at Osh was closed on Monday"
    assert text[c["start"]:c["end"]] == c["content"]
    assert c["quote"] == "indirect" and c["status"] == "asserted"


def test_content_before_cue(nlp) -> None:
    c = one(nlp, "The militants crossed the river at night, the Interior Ministry said.",
            speaker="Interior Ministry")
    assert c["content"] == "The militants crossed the river at night"


def test_quote_then_said_x(nlp) -> None:
    c = one(nlp, "“We will not negotiate with terrorists,” said Maria Lopez.", speaker="Maria Lopez")
    assert c["content"] == "We will not negotiate with terrorists,"
    assert c["quote"] == "direct"


def test_according_to(nlp) -> None:
    c = one(nlp, "According to the United Nations, about 3,000 families have fled the fighting.",
            cue="According to")
    assert c["speaker"] == "United Nations"
    assert c["content"] == "about 3,000 families have fled the fighting"


def test_told_reporters_keeps_addressee_in_cue(nlp) -> None:
    c = one(nlp, "Peter Novak told reporters at a press conference in Almaty that the suspects were armed.",
            speaker="Peter Novak")
    assert c["cue"] == "told reporters"
    assert c["content"] == "the suspects were armed"


def test_citing_gives_via(nlp) -> None:
    c = one(nlp, "Citing the Interior Ministry, Reuters reported that six gunmen were killed.", speaker="Reuters")
    assert c["via"] == ["Interior Ministry"]
    assert c["content"] == "six gunmen were killed"


def test_relative_clause_document_speaks_for_its_author(nlp) -> None:
    text = ("Amnesty International published a report on Tuesday. The report, which found that 40 people were "
            "held without charge, was sent to the government.")
    c = one(nlp, text, cue="found")
    assert c["speaker"] == "Amnesty International"
    assert c["content"] == "40 people were held without charge"


def test_interrupted_quote_is_one_claim_joined(nlp) -> None:
    text = "“The attack was planned abroad,” Maria Lopez said. “We know who paid for it.”"
    c = one(nlp, text, speaker="Maria Lopez")
    assert c["content"] == "The attack was planned abroad, ... We know who paid for it."
    assert c["quote"] == "direct"
    assert len(claims(nlp, text)) == 1


def test_quote_going_on_in_new_paragraph_is_new_claim_same_speaker(nlp) -> None:
    text = ("“The attack was planned abroad,” Maria Lopez said.\n\n"
            "“We know who paid for it and we will find them.”")
    found = claims(nlp, text)
    assert len(found) == 2
    assert found[1]["speaker"] == "Maria Lopez" and found[1]["cue"] == ""
    assert found[1]["content"].startswith("We know who paid")


def test_colon_and_guillemets(nlp) -> None:
    c = one(nlp, "The ministry spokesman Ivan Petrov said: «The situation on the border is under control.»",
            speaker="Ivan Petrov")
    assert c["content"] == "The situation on the border is under control."
    assert c["quote"] == "direct"


def test_pronoun_resolves_to_last_speaker(nlp) -> None:
    text = ("Maria Lopez said the talks had failed. She added that new sanctions were likely.")
    c = one(nlp, text, cue="added")
    assert c["speaker"] == "Maria Lopez"
    assert c["speaker_kind"] == "pronoun"


def test_unnamed_source_kept_as_description(nlp) -> None:
    c = one(nlp, "A local official told the newspaper that ten houses were burned.", cue="told the newspaper")
    assert c["speaker"] == "A local official"
    assert c["speaker_kind"] == "description"


def test_author_no_evidence_is_negated(nlp) -> None:
    c = one(nlp, "There is no evidence that the group has received money from abroad.", speaker="@author")
    assert c["status"] == "negated"
    assert c["content"] == "the group has received money from abroad"


def test_denied_is_negated_and_alleged_is_hedged(nlp) -> None:
    text = ("Maria Lopez denied that the army had shelled the village. "
            "Police said an alleged member of the cell was arrested.")
    assert one(nlp, text, speaker="Maria Lopez")["status"] == "negated"
    assert one(nlp, text, cue="said")["status"] == "hedged"


def test_admission_elsewhere_makes_claims_unconfirmed(nlp) -> None:
    text = ("Peter Novak claimed that the group had received $5 million from abroad. "
            "Peter Novak said that the group meets in Osh.\n\n"
            "Novak admitted that the information has not been confirmed.")
    assert one(nlp, text, cue="claimed")["status"] == "unconfirmed"
    assert one(nlp, text, cue="admitted")["status"] == "asserted"


def test_plain_sentence_has_no_claim(nlp) -> None:
    assert claims(nlp, "The river rose by two metres overnight and flooded the market.") == []


def test_learned_frames_add_stance_cues(nlp) -> None:
    from claimscope.nlp.components.attribution import extract_claims

    doc = nlp.make_doc("Senator Jane Moss blasted the new tax plan on Monday.")
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    c = one(nlp, doc.text, cue="blasted")
    assert c["content"] == "the new tax plan"
    assert extract_claims(doc, learned_min_precision=1.1) == []


def test_cue_in_the_middle_of_its_content(nlp) -> None:
    c = one(nlp, "To win the state, Maria Lopez said, the party must spend more on television.", cue="said")
    assert c["content"] == "To win the state ... the party must spend more on television"


def test_transcript_speaker_lines(nlp) -> None:
    text = "TAPPER: Do you think the talks will resume this year?\n\nLOPEZ: Not before the election, no."
    found = claims(nlp, text)
    assert [(c["speaker"], c["cue"]) for c in found] == [("TAPPER", ":"), ("LOPEZ", ":")]


def test_colon_line_needs_a_name(nlp) -> None:
    assert claims(nlp, "Update: the road to the airport has reopened after the floods.") == []


def test_reportedly_is_the_articles_hedged_claim(nlp) -> None:
    c = one(nlp, "The suspects reportedly possessed a cache of rifles and pistols.", speaker="@author")
    assert c["cue"] == "reportedly" and c["status"] == "hedged"


def test_impersonal_passive_is_the_articles_hedged_claim(nlp) -> None:
    c = one(nlp, "It was reported that the border crossing had been closed.", speaker="@author")
    assert c["content"] == "the border crossing had been closed" and c["status"] == "hedged"
