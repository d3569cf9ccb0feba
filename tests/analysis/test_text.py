"""Comparison tokens: synonyms, phrases and acronyms fold to one word."""

from __future__ import annotations

from claimscope.analysis.text import content_tokens, is_furniture, sentences


def test_phrase_synonyms_fold_to_the_group_word() -> None:
    assert content_tokens("Police shot dead two gunmen") == content_tokens("Police killed two gunmen")


def test_group_names_and_acronyms_read_as_one_word() -> None:
    a = content_tokens("The Islamic State claimed responsibility for the bombing")
    b = content_tokens("ISIL claimed responsibility for the bombing")
    c = content_tokens("IS was behind the bombing")
    assert a == b == c


def test_lower_case_is_stays_a_verb() -> None:
    assert "isis" not in content_tokens("The city is calm and the market is open")


def test_wire_sign_off_does_not_make_the_last_paragraph_furniture() -> None:
    text = "A headline\n\nHe said Sunday would be a day of mourning. REUTERS\n"
    assert [s.text for s in sentences(text)] == ["He said Sunday would be a day of mourning."]


def test_a_sentence_with_a_footnote_mark_is_prose_not_furniture() -> None:
    assert not is_furniture('He said the suspect "became close to Salafists" while in jail.*')
