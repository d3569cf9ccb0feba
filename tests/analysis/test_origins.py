"""Origins: speakers to the bodies they speak for, page credits, vague speakers."""

from __future__ import annotations

from claimscope.analysis.board import Board, one_body_one_key
from claimscope.analysis.origins import Resolver, credits, describes_person, is_vague
from claimscope.analysis.registry import load_registry
from claimscope.analysis.report import event_json
from claimscope.model import Annotations

from .helpers import doc


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


def test_a_witness_an_outlet_spoke_to_is_the_outlets_own_reporting() -> None:
    b = Board()
    b.add(doc("Gunfire was heard for about ten minutes near the checkpoint, the Interior Ministry said.",
              "aaa-story.txt"), Annotations())
    b.add(doc("Residents of the Sairam district said they heard gunfire for about ten minutes near the checkpoint.",
              "bbb-story.txt"), Annotations())
    (sid,) = b.by_doc[next(d for d in b.docs if b.docs[d].source == "bbb-story.txt")]
    assert b.origin(sid)[0] == b.family(b.statements[sid].doc_id)


def test_an_armed_group_known_to_the_gazetteer_is_keyed_and_graded_as_one() -> None:
    r = Resolver(load_registry())
    key, _ = r.resolve("Islamic State Khorasan Province (ISKP)", [])
    assert key == "org:islamic state khorasan province" and r.kinds[key] == "armed_group"


def test_one_body_named_more_or_less_fully_is_one_origin() -> None:
    assert one_body_one_key(["org:city administration", "org:shymkent city administration", "src:Reuters"]) == {
        "org:city administration": "org:shymkent city administration",
        "org:shymkent city administration": "org:shymkent city administration", "src:Reuters": "src:Reuters"}


def test_a_denial_grouped_with_what_it_denies_is_counted_against_it() -> None:
    b = Board()
    b.add(doc("The gunmen had crossed the border from the south a week before the attack, a source said.",
              "aaa-story.txt"), Annotations())
    b.add(doc("The gunmen crossed the border from the south a week before the attack, an official told reporters.",
              "bbb-story.txt"), Annotations())
    b.add(doc("The neighbouring country's foreign ministry denied reports that the gunmen had crossed the border "
              "from the south.", "ccc-story.txt"), Annotations())
    pid = next(p for p in b.props if len(b.props[p].docs) == 3)
    (denial,) = b.denials(pid)
    assert b.statements[denial].source == "ccc-story.txt"
    assert denial not in b.core(pid)
    (p,) = [p for p in event_json(b)["propositions"] if len(p["outlets"]) == 3]
    assert p["grade"]["credibility"] >= 4
