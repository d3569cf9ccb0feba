"""cs_entities: typed, linked, described entities (sentences written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.pipelines import pipeline

spacy = pytest.importorskip("spacy")

from claimscope.nlp.gazetteer import (  # noqa: E402
    ActorIndex,
    append_user_actor,
    is_acronym,
    load_actors,
    norm_key,
    read_actor_file,
)
from claimscope.nlp.linking import base_key, surname  # noqa: E402


@pytest.fixture(scope="module")
def nlp():
    """The configured model with cs_entities only, loaded once."""
    return pipeline("cs_entities")


def ents(nlp, text: str) -> dict[str, dict]:
    return {e["name"]: e for e in nlp(text)._.cs_entities}


def names(e: dict) -> set[str]:
    return {norm_key(e["name"]), *(norm_key(a) for a in e["aliases"])}


def find(found: dict[str, dict], surface: str) -> dict:
    for e in found.values():
        if norm_key(surface) in names(e):
            return e
    raise AssertionError(f"{surface!r} not among {sorted(found)}")


def test_acronyms_of_one_group_are_one_entity(nlp):
    found = ents(nlp, "Daesh fighters crossed the border. ISIL later claimed the attack, and the Islamic State "
                      "group published photographs of the ISIS convoy.")
    groups = [e for e in found.values() if e["type"] == "ORG"]
    assert len(groups) == 1
    assert groups[0]["kind"] == "armed_group"
    assert {"islamic state", "daesh", "isil", "isis"} <= names(groups[0])


def test_transliteration_variant_maps_to_the_canonical_group(nlp):
    """The document's own wording names the entity; the gazetteer's canonical name is an alias."""
    found = ents(nlp, "Fighters of the Imam Bukhori group pledged allegiance to the Taliban in November.")
    group = find(found, "Imam Bukhori group")
    assert group["name"] == "Imam Bukhori group" and "Katibat al-Imam Bukhari" in group["aliases"]


def test_security_service_aliases_resolve_by_the_documents_country(nlp):
    kg = ents(nlp, "Kyrgyzstan's security forces raided a flat in Osh, Kyrgyzstan, the GKNB said on Monday.")
    tj = ents(nlp, "Police in Dushanbe, Tajikistan, detained two men, the GKNB said. Tajikistan has tightened "
                   "controls in Khatlon.")
    assert find(kg, "GKNB")["country"] == "KG"
    assert find(tj, "GKNB")["country"] == "TJ"


def test_surname_links_to_the_full_name(nlp):
    found = ents(nlp, "Bakyt Osmonaliev, a lawyer in Bishkek, filed the complaint. Osmonaliev said the court "
                      "had ignored the evidence.")
    person = find(found, "Bakyt Osmonaliev")
    assert person["type"] == "PERSON" and "Osmonaliev" in person["aliases"]
    assert len(person["mentions"]) == 2


def test_acronym_defined_in_parentheses_joins_its_long_form(nlp):
    found = ents(nlp, "The Eastern Frontier Coordination Council (EFCC) met in Almaty. The EFCC said it would "
                      "meet again in March.")
    council = find(found, "Eastern Frontier Coordination Council")
    assert "EFCC" in council["aliases"] and len(council["mentions"]) == 3


def test_spelling_variant_within_an_article_is_one_person(nlp):
    found = ents(nlp, "Commander Rustam Nazarov led the raid. Later, Rustam Nasarov told reporters the village "
                      "was secure.")
    people = [e for e in found.values() if e["type"] == "PERSON"]
    assert len(people) == 1


def test_roles_from_title_apposition_relative_clause_and_copula(nlp):
    found = ents(nlp, "Kazakh President Nursultan Nazarbaev met Nurtai Abykaev, the chairman of the National "
                      "Security Committee. Kadyr Malikov, who leads the Religion, Law and Politics analytical "
                      "center, spoke first. Kadyr Malikov is the director of a Bishkek-based think tank.")
    assert "Kazakh President" in find(found, "Nursultan Nazarbaev")["roles"]
    assert any(r.startswith("chairman of the National Security Committee") for r in find(found, "Nurtai Abykaev")["roles"])
    roles = find(found, "Kadyr Malikov")["roles"]
    assert any(r.startswith("leads the Religion, Law and Politics") for r in roles)
    assert "director of a Bishkek-based think tank" in roles


def test_name_with_lowercase_head_is_an_organisation(nlp):
    found = ents(nlp, "Kadyr Malikov, who leads the Religion, Law and Politics analytical center, spoke first.")
    center = find(found, "Religion, Law and Politics analytical center")
    assert center["type"] == "ORG" and center["kind"] == "think_tank"


def test_country_possessive_state_body_is_an_organisation(nlp):
    found = ents(nlp, "Citing Kazakhstan's state press service, the newspaper reported that the meeting was held.")
    body = find(found, "Kazakhstan's state press service")
    assert body["type"] == "ORG" and body["kind"] == "government" and body["country"] == "KZ"
    assert not any(e["type"] == "PERSON" for e in found.values())  # "Citing Kazakhstan" is no person


def test_nationalities_and_religions_are_not_entities(nlp):
    found = ents(nlp, "Tajik and Uzbek militants, most of them Sunni Muslims, joined Kyrgyz fighters.")
    assert not found


def test_capital_is_a_place_with_coordinates(nlp):
    found = ents(nlp, "The talks were held in Bishkek on Monday.")
    place = find(found, "Bishkek")
    assert place["type"] == "PLACE" and place["country"] == "KG"
    assert place["lat"] == pytest.approx(42.87, abs=0.1) and place["lon"] == pytest.approx(74.59, abs=0.1)


def test_named_region_and_district_are_places(nlp):
    found = ents(nlp, "Residents of Tajikistan's Yovon district and the Rasht Valley were questioned, as were "
                      "people in the northern Chui region.")
    assert find(found, "Yovon district")["type"] == "PLACE"
    assert find(found, "Rasht Valley")["country"] == "TJ"
    assert "chuy region" in names(find(found, "Chui region"))


def test_page_furniture_lines_yield_no_entities(nlp):
    found = ents(nlp, "Breaking News\n\nLatest Posts\n\nRecent Features\n\nThe meeting ended in Osh.")
    assert set(found) == {"Osh"}


def test_faction_named_after_a_region_is_an_organisation(nlp):
    found = ents(nlp, "According to the report, there is a fighting faction within the group named Mawarannahr.")
    assert find(found, "Mawarannahr")["type"] == "ORG"


def test_initials_standing_for_a_name_are_a_person(nlp):
    found = ents(nlp, "A citizen of Kyrgyzstan A.B.K. was detained in June, the committee said.")
    assert find(found, "A.B.K.")["type"] == "PERSON"


def test_lowercase_words_never_match_acronym_aliases(nlp):
    found = ents(nlp, "It is what it is, and we let it be.")
    assert not found


def test_mentions_point_at_the_surface_text(nlp):
    text = "Reuters reported that the Taliban took Kunduz."
    doc = nlp(text)
    for e in doc._.cs_entities:
        for m in e["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]


def test_actor_file_rows_and_user_additions(tmp_path: Path):
    path = tmp_path / "actors.tsv"
    append_user_actor(path, "Eastern Frontier Council", "ORG", "government", "KG", ["EFC", "Frontier Council"])
    rows = read_actor_file(path)
    assert rows == [("Eastern Frontier Council", "ORG", "government", "KG", ["EFC", "Frontier Council"])]
    index = load_actors(str(path))
    assert [a.name for a in index.lookup("Frontier Council")] == ["Eastern Frontier Council"]
    load_actors.cache_clear()


def test_acronym_alias_matches_only_its_own_case():
    index = ActorIndex()
    index.add("Islamic State", "ORG", "armed_group", None, ["IS"])
    assert index.lookup("IS") and not index.lookup("is")
    assert is_acronym("RFE/RL") and not is_acronym("Taliban")


def test_packaged_gazetteer_has_several_hundred_actors():
    index = load_actors()
    assert len(index.actors) >= 400
    assert {a.type for a in index.actors} <= {"PERSON", "ORG", "PLACE"}


def test_short_form_keys():
    assert surname("Abu Bakr al-Baghdadi") == "baghdadi"
    assert base_key("the Islamic State group") == "islamic state"


def test_output_dicts_are_the_entity_record(nlp):
    import dataclasses

    from claimscope.model import Entity, EntityMention

    for e in nlp("Reuters reported from Bishkek.")._.cs_entities:
        rebuilt = Entity(**{**e, "mentions": [EntityMention(**m) for m in e["mentions"]]})
        assert dataclasses.asdict(rebuilt) == e


def test_headline_and_byline_entities_are_added_without_mentions(nlp):
    doc = nlp.make_doc("The group released a new video on Monday, officials said.")
    doc._.cs_title = "Islamic State in Afghanistan Targets Central Asia"
    doc._.cs_author = "Joanna Paraszczuk"
    found = {e["name"]: e for e in nlp(doc)._.cs_entities}
    assert {"Islamic State", "Afghanistan", "Central Asia", "Joanna Paraszczuk"} <= set(found) and "Asia" not in found
    assert found["Joanna Paraszczuk"]["roles"] == ["author"] and found["Afghanistan"]["mentions"] == []


def test_an_outlet_byline_is_not_a_person(nlp):
    doc = nlp.make_doc("Officials said the border was closed.")
    doc._.cs_author = "Reuters"
    assert not nlp(doc)._.cs_entities


def test_bylines_of_two_people_and_of_a_desk(nlp):
    doc = nlp.make_doc("Officials said the border was closed.")
    doc._.cs_author = "Mariya Petrova and Olzhas Temirov"
    assert {e["name"] for e in nlp(doc)._.cs_entities} == {"Mariya Petrova", "Olzhas Temirov"}
    doc = nlp.make_doc("Officials said the border was closed.")
    doc._.cs_author = "Arutz Sheva Staff"
    assert not nlp(doc)._.cs_entities


def test_lowercase_compass_word_starts_a_region(nlp):
    found = ents(nlp, "Tajikistan is located in central Asia, north of Afghanistan.")
    assert find(found, "central Asia")["name"] == "Central Asia" and "Asia" not in found


def test_lowercase_compass_word_before_a_country_keeps_the_country(nlp):
    found = ents(nlp, "The group recruits in south-west Kazakhstan and west Kazakhstan.")
    assert set(found) == {"Kazakhstan"}


def test_name_defined_by_its_acronym_is_an_organisation(nlp):
    found = ents(nlp, "Shortly after the Northern Frontier Liberation Province's (NFLP) first attack, the NFLP "
                      "released a statement.")
    group = find(found, "Northern Frontier Liberation Province")
    assert group["type"] == "ORG" and "NFLP" in group["aliases"]


def test_group_noun_after_a_name_makes_it_an_organisation(nlp):
    found = ents(nlp, "The rest of the Sayfullo Bakhromov faction pledged allegiance to the new emir.")
    assert find(found, "Sayfullo Bakhromov")["type"] == "ORG"


def test_newspaper_head_word_overrides_a_person_tag(nlp):
    found = ents(nlp, "Russia's Novaya Pravda reported that the suspects were detained.")
    assert find(found, "Novaya Pravda")["type"] == "ORG"


def test_share_buttons_are_not_entities_but_platforms_in_sentences_are(nlp):
    found = ents(nlp, "Share on Facebook Twitter Telegram\n\nThe video was posted on Telegram on Monday.")
    assert set(found) == {"Telegram"} and len(found["Telegram"]["mentions"]) == 1


def test_bare_name_of_a_city_and_its_region_is_the_city(nlp):
    found = ents(nlp, "The presidents met in Batken, the capital of the Batken region.")
    assert find(found, "Batken")["name"] == "Batken" and "batken region" not in names(find(found, "Batken"))
    assert "batken region" in names(find(found, "Batken region"))


def test_district_named_like_a_foreign_city_is_not_that_city(nlp):
    found = ents(nlp, "Officials in the Rasht district of Tajikistan said the road was closed.")
    assert find(found, "Rasht district")["country"] != "IR"


def test_component_pickles_after_use(nlp):
    import pickle

    nlp("Reuters reported from Bishkek.")
    assert pickle.loads(pickle.dumps(nlp.get_pipe("cs_entities"))) is not None


def test_surname_that_is_also_a_town_is_the_person(nlp):
    found = ents(nlp, "Hillary Clinton spoke in Ohio. Clinton said that Hillary would win.")
    person = find(found, "Hillary Clinton")
    assert {"Clinton", "Hillary"} <= set(person["aliases"])
    assert [e["name"] for e in found.values() if e["type"] == "PLACE"] == ["Ohio"]


def test_two_people_sharing_a_kunya_and_nisba_stay_two(nlp):
    found = ents(nlp, "The video showed two militants, named as Abu Hafs al-Uzbeki and Abu Sa'ad al-Uzbeki.")
    assert len([e for e in found.values() if e["type"] == "PERSON"]) == 2


def test_person_name_variants():
    from claimscope.nlp.linking import same_person_variant

    assert same_person_variant("gulmorad halimov", "gulmurod halimov")
    assert same_person_variant("emamoli rahmon", "emomali rahmon")
    assert not same_person_variant("abu hafs al-uzbeki", "abu sa'ad al-uzbeki")
    assert not same_person_variant("bill clinton", "hillary clinton")


def test_known_surname_means_the_person_named_in_full_here(nlp):
    found = ents(nlp, "Rustam Putin, a farmer from Osh, was detained on Monday. Putin denied the charges.")
    person = find(found, "Rustam Putin")
    assert "Putin" in person["aliases"] and "Vladimir Putin" not in person["aliases"]
    assert not any("vladimir putin" in names(e) for e in found.values())


def test_acronym_definition_after_a_sentence_initial_article(nlp):
    found = ents(nlp, "The Eastern Frontier Coordination Council (EFCC) met on Monday.")
    assert "EFCC" in find(found, "Eastern Frontier Coordination Council")["aliases"]


def test_country_owning_a_body_is_also_a_place_mention(nlp):
    found = ents(nlp, "Kazakhstan's interior ministry said the suspects were detained.")
    assert find(found, "Kazakhstan")["type"] == "PLACE"
    body = find(found, "Kazakhstan's interior ministry")
    assert body["name"] == "Kazakhstan's interior ministry" and "Interior Ministry of Kazakhstan" in body["aliases"]
