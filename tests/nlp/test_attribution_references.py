"""cs_attribution: descriptions resolved to whom they refer, and what is not a claim (sentences written
for these tests; entities are given as the entities component would give them)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from support.pipelines import pipeline

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def nlp():
    """The model with cs_attribution only, loaded once."""
    return pipeline("cs_attribution")


def claims(nlp, text: str, entities: list[tuple[str, str, str | None, list[str]]] | None = None) -> list[dict[str, Any]]:
    """Claims of `text`; entities are (name, type, kind, aliases), their mentions found in the text."""
    doc = nlp.make_doc(text)
    ents = []
    for name, etype, kind, aliases in entities or []:
        spans = [[m.start(), m.end()] for n in [name, *aliases] for m in re.finditer(re.escape(n), text)]
        ents.append({"name": name, "type": etype, "kind": kind, "aliases": aliases, "roles": [],
                     "mentions": sorted(spans)})
    doc._.cs_entities = ents
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return list(doc._.cs_claims)


def find(found: list[dict[str, Any]], **want: Any) -> dict[str, Any]:
    for c in found:
        if all(c.get(k) == v for k, v in want.items()):
            return c
    raise AssertionError(f"no claim with {want} in {found}")


def test_the_source_is_the_earlier_source_with_the_same_head_noun(nlp) -> None:
    text = ("A source in the border guard told Kabar on Monday that five men were detained. "
            "The men were later released on bail, the source said.")
    found = claims(nlp, text, [("Kabar", "ORG", "media", [])])
    c = find(found, cue="said")
    assert c["speaker"] == "A source in the border guard"


def test_the_agencys_press_service_is_the_agency_named_before(nlp) -> None:
    text = ("Uzbekistan's State Security Service (SGB) has detained 14 people suspected of belonging to a cell "
            "of the Islamic Movement of Uzbekistan (IMU), the agency's press service said on Wednesday.")
    found = claims(nlp, text, [("State Security Service", "ORG", "government", ["SGB"]),
                               ("Islamic Movement of Uzbekistan", "ORG", "armed_group", ["IMU"])])
    assert find(found, cue="said")["speaker"] == "State Security Service"


def test_a_report_released_by_an_organisation_speaks_for_it(nlp) -> None:
    text = ("Militants are increasingly targeting labor migrants, according to a report released on Monday by "
            "the Caspian Policy Institute. The report argues that recruiters exploit the debt of workers.")
    found = claims(nlp, text, [("Caspian Policy Institute", "ORG", "think_tank", [])])
    assert find(found, cue="according to")["speaker"] == "Caspian Policy Institute"
    assert find(found, cue="argues")["speaker"] == "Caspian Policy Institute"


def test_gives_his_name_as_names_the_speaker_and_the_speaker_refers_back(nlp) -> None:
    text = ("Three armed men appear in the video. One of them, who gives his name as Abu Dawud al-Aqtobi, "
            "says the group has hundreds of fighters in the region. In the video, the speaker also claims "
            "that the group has received money from supporters.")
    found = claims(nlp, text, [("Abu Dawud al-Aqtobi", "PERSON", None, [])])
    assert find(found, cue="says")["speaker"] == "Abu Dawud al-Aqtobi"
    assert find(found, cue="claims")["speaker"] == "Abu Dawud al-Aqtobi"


def test_closing_cue_wins_over_the_authors_no_evidence_frame(nlp) -> None:
    text = ("Anna Petrova studies migration. But there is no evidence that the security services have "
            "disrupted the networks, Petrova said.")
    found = claims(nlp, text, [("Anna Petrova", "PERSON", None, ["Petrova"])])
    c = find(found, cue="said")
    assert c["speaker"] == "Anna Petrova" and c["status"] == "negated"
    assert not [x for x in found if x["speaker"] == "@author"]


def test_quote_paragraph_without_cue_continues_the_previous_speaker(nlp) -> None:
    text = ('"Recruitment now happens on phones, late at night," Anna Petrova told reporters.\n\n'
            '"Governments prefer to arrest people after the fact. Very little is done to reach migrants."')
    found = claims(nlp, text, [("Anna Petrova", "PERSON", None, [])])
    c = find(found, cue="")
    assert c["speaker"] == "Anna Petrova" and c["content"].startswith("Governments prefer")


def test_comment_apposition_is_cut_and_marks_the_claim_unconfirmed(nlp) -> None:
    text = ("Former recruits quoted in the report claimed that recruiters were paid 50,000 rubles for every "
            "man they sent, a figure the authors were unable to verify.")
    c = find(claims(nlp, text), cue="claimed")
    assert c["speaker"] == "Former recruits quoted in the report"
    assert c["content"].endswith("for every man they sent")
    assert c["status"] == "unconfirmed"


def test_act_object_and_unsaid_whether_are_not_claims(nlp) -> None:
    text = ("The ministry did not say whether the attackers belonged to any group. The Aral Front claimed "
            "responsibility in a statement posted on Telegram.")
    found = claims(nlp, text, [("Aral Front", "ORG", "armed_group", [])])
    assert not [c for c in found if c["cue"].lower().startswith(("claimed", "did not say"))]


def test_unnamed_could_not_verify_marks_the_claim_just_before(nlp) -> None:
    text = ('The Aral Front said in a statement that its fighters had "targeted the police." '
            "Reuters could not verify the claim.")
    found = claims(nlp, text, [("Aral Front", "ORG", "armed_group", []), ("Reuters", "ORG", "media", [])])
    assert find(found, speaker="Aral Front")["status"] == "unconfirmed"


def test_closing_told_outlet_after_a_title_is_a_claim(nlp) -> None:
    text = "Two of the men were also fined 100,000 som each, prosecutor Nurlan Asanov told AKIpress."
    found = claims(nlp, text, [("Nurlan Asanov", "PERSON", None, []), ("AKIpress", "ORG", "media", [])])
    c = find(found, speaker="Nurlan Asanov")
    assert c["content"].startswith("Two of the men were also fined")


def test_time_phrase_is_not_part_of_the_speaker(nlp) -> None:
    found = claims(nlp, "Officials at the time said that the attackers had trained abroad.")
    assert find(found, cue="said")["speaker"] == "Officials"


def test_reply_with_only_its_tail_quoted_is_mixed(nlp) -> None:
    text = ('Dilshod Karimov, a lawyer, denied the charges. He told Asia-Plus the young man had only watched '
            'videos online and "never spoke to any recruiter."')
    found = claims(nlp, text, [("Dilshod Karimov", "PERSON", None, [])])
    c = find(found, quote="mixed")
    assert c["speaker"] == "Dilshod Karimov" and c["content"].startswith("the young man had only watched")


def test_stance_object_followed_by_what_was_argued_is_one_claim(nlp) -> None:
    text = ("Rights groups have criticised the prosecutions, arguing that many defendants are jailed for "
            "possessing literature.")
    found = claims(nlp, text)
    assert not [c for c in found if c["content"] == "the prosecutions"]
    assert find(found, cue="arguing")["content"].startswith("many defendants are jailed")
