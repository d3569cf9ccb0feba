"""Origins: speakers to the bodies they speak for, page credits, vague speakers."""

from __future__ import annotations

from claimscope.analysis.origins import Resolver, credits, describes_person, is_vague
from claimscope.analysis.registry import load_registry


def test_spokesman_resolves_to_his_ministry_across_spellings() -> None:
    r = Resolver(load_registry())
    r.learn_roles("Interior Ministry spokesman Almas Sadubayev said four attackers were killed.")
    key, chain = r.resolve("Sadubaev", [])
    assert key == "ministry:interior"
    assert chain[0] == "Sadubaev"


def test_minister_title_names_the_ministry() -> None:
    r = Resolver(load_registry())
    assert r.resolve("Minister of Internal Affairs Kalmykhanbet Kassymov", [])[0] == "ministry:interior"
    assert r.resolve("Interior Minister Kalmukhanbet Kasymov", [])[0] == "ministry:interior"


def test_person_without_a_speaking_role_is_his_own_origin() -> None:
    r = Resolver(load_registry())
    r.learn_roles("Colonel Gulmurod Khalimov, the commander of the special police, appeared in a video.")
    first = r.resolve("Gulmurod Khalimov", [])[0]
    assert first == "person:khalimov"
    assert r.resolve("Gulmurod Halimov", [])[0] == first


def test_wire_speaker_is_the_wire() -> None:
    r = Resolver(load_registry())
    assert r.resolve("the Interfax news agency", [])[0] == "src:Interfax"


def test_vague_speakers_are_left_for_the_proposition() -> None:
    r = Resolver(load_registry())
    assert is_vague("Kazakh authorities") and is_vague("officials")
    assert r.resolve("Authorities in Kazakhstan", [])[0] is None


def test_credits_read_datelines_and_reports_but_not_interviews() -> None:
    reg = load_registry()
    assert credits("ASTANA (Reuters) - Gunmen attacked a base on Sunday, officials said.", reg, None) == ["Reuters"]
    assert credits("He joined the group in Syria, he said in the footage, reports AFP.", reg, None) == ["AFP"]
    assert credits("A resident told Reuters by telephone that he heard gunshots in the city.", reg, None) == []


def test_a_page_does_not_credit_itself() -> None:
    reg = load_registry()
    assert credits("ASTANA (Reuters) - Gunmen attacked a base.", reg, reg.lookup("Reuters")) == []


def test_an_unnamed_person_described_by_claimed_identity_or_role() -> None:
    assert describes_person("A man claiming to be the former head of the special police")
    assert describes_person("A senior police commander")
    assert not describes_person("A resident of the city")
    assert not describes_person("Colonel Ivan Petrov")


def test_a_place_after_of_or_a_vague_word_is_not_a_person() -> None:
    r = Resolver(load_registry())
    assert r.resolve("A resident of Aktobe", [])[0] != "person:aktobe"
    assert r.resolve("Local media", [])[0] is None
