"""Statements: attributed claims and own-voice facts, one per clause."""

from __future__ import annotations

from claimscope.analysis.statements import AUTHOR, attribute, extract_statements
from claimscope.model import Annotations, Claim

from .helpers import doc


def test_trailing_cue_gives_speaker_and_content() -> None:
    text = "Four of the attackers were killed by police, ministry spokesman Almas Sadubayev said."
    speaker, cue, start, end, via = attribute(text)  # type: ignore[misc]
    assert "Sadubayev" in speaker and cue == "said"
    assert text[start:end] == "Four of the attackers were killed by police"


def test_leading_cue_gives_speaker_and_content() -> None:
    found = attribute("The Interior Ministry said that 18 people had died in the attacks.")
    assert found is not None
    assert found[0] == "The Interior Ministry"
    assert "18 people had died" in "The Interior Ministry said that 18 people had died in the attacks."[found[2]:found[3]]


def test_unattributed_sentence_is_the_author_speaking() -> None:
    sts = extract_statements(doc("Gunmen attacked a police station in the city on Monday morning.", "a.txt"),
                             Annotations())
    assert [s.speaker for s in sts] == [AUTHOR]


def test_coordinated_clauses_give_two_statements() -> None:
    sts = extract_statements(doc("Six people were killed and at least nine injured in the attacks on Sunday.",
                                 "a.txt"), Annotations())
    assert [s.content for s in sts] == ["Six people were killed", "at least nine injured in the attacks on Sunday."]


def test_pronoun_speaker_takes_the_previous_speaker() -> None:
    text = ("Four of the attackers were killed, ministry spokesman Almas Sadubayev said. "
            "Some remained at large, he said.")
    sts = extract_statements(doc(text, "a.txt"), Annotations())
    assert all("Sadubayev" in s.speaker for s in sts)


def test_offsets_point_at_the_content() -> None:
    d = doc("Headline\n\nPolice detained two suspects in the capital on Friday, officials said.", "a.txt")
    for s in extract_statements(d, Annotations()):
        assert d.text[s.start:s.end] == s.content


def test_non_english_document_gives_no_statements() -> None:
    d = doc("\u041a\u043e\u043c\u0430\u043d\u0434\u0438\u0440 \u043f\u0435\u0440\u0435\u0448\u0435\u043b.",
            "ru.txt", language="ru")
    assert extract_statements(d, Annotations()) == []


def test_upstream_claim_supplies_the_speaker_when_no_cue_is_found() -> None:
    text = "The shooting was a terrorist act in the view of President Nazarbayev's office today."
    claim = Claim(speaker="Nursultan Nazarbayev", cue="in the view of", content=text[:-1], start=0, end=len(text) - 1)
    sts = extract_statements(doc(text, "a.txt"), Annotations(claims=[claim]))
    assert sts[0].speaker == "Nursultan Nazarbayev"


def test_dash_that_sets_off_a_clause_splits_the_statement() -> None:
    text = "At least 40 people died in the fire at the market – making it the deadliest blaze in a decade."
    sts = extract_statements(doc(text, "a.txt"), Annotations())
    assert [s.content for s in sts] == ["At least 40 people died in the fire at the market",
                                        "making it the deadliest blaze in a decade."]


def test_dashes_around_a_list_of_names_do_not_split() -> None:
    text = "Two guards – Sergeant Ivan Petrov and Corporal Oleg Sidorov – were killed at the gate on Monday."
    assert len(extract_statements(doc(text, "a.txt"), Annotations())) == 1


def test_though_clause_is_a_statement_of_its_own() -> None:
    text = "The group has said it carried out the bombing, though officials have not addressed the claim."
    sts = extract_statements(doc(text, "a.txt"), Annotations())
    assert len(sts) == 2 and sts[1].content.startswith("officials have not")


def test_reason_clause_is_a_statement_of_its_own() -> None:
    sts = extract_statements(doc("The officer said he quit the army because of the pay cuts announced in March.",
                                 "a.txt"), Annotations())
    assert [s.content for s in sts] == ["he quit the army", "of the pay cuts announced in March."]
    assert all(s.speaker == "The officer" for s in sts)


def test_noun_reports_with_a_place_belongs_to_the_speaker_phrase() -> None:
    text = "Media reports in Ruritania had speculated that the mayor fled to the coast."
    found = attribute(text)
    assert found is not None
    assert found[0] == "Media reports in Ruritania" and found[4] == []
    assert text[found[2]:found[3]] == "the mayor fled to the coast."


def test_clause_naming_its_own_speaker_takes_that_speaker() -> None:
    text = ("The police spokesman said the road was closed, but in the broadcast, Governor Anna Berg claims "
            "the road was reopened at noon.")
    sts = extract_statements(doc(text, "a.txt"), Annotations())
    assert [s.speaker for s in sts] == ["The police spokesman", "Governor Anna Berg"]


def test_relative_clause_after_the_cue_is_the_writer_background() -> None:
    text = ("Police chief Omar Lind said a local gang started the riots, which destroyed two shops "
            "and injured at least forty people.")
    sts = extract_statements(doc(text, "a.txt"), Annotations())
    assert [s.content for s in sts] == ["a local gang started the riots", "destroyed two shops",
                                        "injured at least forty people."]
    assert [s.speaker for s in sts] == ["Police chief Omar Lind", AUTHOR, AUTHOR]


def test_a_verb_after_to_is_not_a_cue() -> None:
    text = ("The man, who sparked panic after failing to report for duty in April, says in the footage that he "
            "was driven to join the group.")
    speaker, cue, start, end, _ = attribute(text)  # type: ignore[misc]
    assert cue.startswith("says")
    assert text[start:end] == "he was driven to join the group."


def test_the_addressee_of_told_is_not_the_speaker() -> None:
    text = ("The suspect had been jailed for robbery before, security service head Ivan Petrov told a "
            "Security Council meeting.")
    speaker, cue, start, end, _ = attribute(text)  # type: ignore[misc]
    assert speaker == "security service head Ivan Petrov"
    assert text[start:end] == "The suspect had been jailed for robbery before"


def test_a_role_word_without_a_name_is_a_speaker() -> None:
    found = attribute("The attack had been planned abroad, the minister told reporters on Monday.")
    assert found is not None and found[0] == "the minister"


def test_identity_said_in_passing_is_a_statement_of_its_own() -> None:
    text = "Police detained the attacker, identified as 26-year-old Ivan Petrov, after a shootout on the main street."
    contents = [s.content for s in extract_statements(doc(text, "a.txt"), Annotations())]
    assert "identified as 26-year-old Ivan Petrov" in contents
    assert any(c.startswith("Police detained the attacker") for c in contents)


def test_aside_in_a_speaker_phrase_is_the_writers_statement() -> None:
    text = ("Colonel Ivan Petrov, 41, who vanished after failing to report for duty in late April, says in the "
            "video that he has joined the group.")
    sts = {s.content: s for s in extract_statements(doc(text, "a.txt"), Annotations())}
    assert sts["who vanished after failing to report for duty in late April"].speaker == AUTHOR
    assert sts["Colonel Ivan Petrov, 41"].speaker == AUTHOR
    assert sts["he has joined the group."].speaker == "Colonel Ivan Petrov"


def test_a_name_ending_in_ed_is_a_speaker_not_a_verb() -> None:
    (st,) = extract_statements(doc("Mohammed Ahmed said the attack had been planned for months.", "a.txt"),
                               Annotations())
    assert st.speaker == "Mohammed Ahmed"


def test_a_clause_before_a_trailing_cue_is_content_not_speaker() -> None:
    (st,) = extract_statements(doc("Four police officers died in the attack, the city police department confirmed "
                                   "to Shymkent Today.", "a.txt"), Annotations())
    assert (st.speaker, st.content) == ("the city police department", "Four police officers died in the attack")


def test_a_body_described_in_lower_case_is_a_speaker() -> None:
    (st,) = extract_statements(doc("Families of the dead officers will receive 10 million tenge each, the city "
                                   "administration said.", "a.txt"), Annotations())
    assert st.speaker == "the city administration"
