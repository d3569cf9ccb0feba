"""Conflicts: counts, dates and denials that cannot all be true; parts, minimums and tallies that can."""

from __future__ import annotations

from claimscope.analysis.board import Board
from claimscope.analysis.conflicts import counts, day_ranges, find_conflicts
from claimscope.model import Annotations, DateMention

from .helpers import doc


def _board(*texts: str) -> Board:
    b = Board()
    for i, t in enumerate(texts):
        b.add(doc(t, f"outlet{i}-story.txt"), Annotations())
    return b


def _kinds(b: Board) -> list[str]:
    return [c.kind for c in find_conflicts(b)]


def test_different_tolls_for_the_same_attack_conflict() -> None:
    b = _board("The gunman killed three officers and two civilians in the attack on the police station.",
               "The gunman killed three officers and four civilians in the attack on the police station.")
    assert _kinds(b) == ["count"]


def test_at_least_five_and_six_do_not_conflict() -> None:
    b = _board("At least five people were killed in the attack on the police station in the city.",
               "Six people were killed in the attack on the police station in the city, doctors said.")
    assert "count" not in _kinds(b)


def test_a_part_beside_the_whole_is_no_conflict() -> None:
    b = _board("Three officers were killed in the attack on the police station in the city centre.",
               "Six people were killed in the attack on the police station in the city, doctors said.")
    assert "count" not in _kinds(b)


def test_background_figures_of_another_event_are_not_compared() -> None:
    b = _board("Five people were killed in the attack on the police station in the city.",
               "In the attack on the police station last month, seven people were killed in the city.")
    assert "count" not in _kinds(b)


def test_counts_tie_numbers_to_outcomes() -> None:
    cs = counts("killed three officers and two civilians and wounded at least eight other people")
    assert {(c.outcome, c.group, c.value, c.qualifier) for c in cs} == {
        ("killed", "officers", 3, "exact"), ("killed", "civilians", 2, "exact"), ("injured", "people", 8, "min")}


def test_late_april_and_may_six_do_not_overlap() -> None:
    (a0, a1), = day_ranges("he disappeared in late April")
    (b0, b1), = day_ranges("he disappeared on May 6")
    assert a1 < b0


def test_denial_conflicts_with_what_it_denies() -> None:
    b = _board("The president said the attackers fled toward the border of Ukraine after the concert attack.",
               "Ukraine has denied any involvement in the concert attack and the attackers' flight to its border.")
    assert "denial" in _kinds(b)


def test_a_total_of_people_may_include_the_attackers_the_page_reports_killed() -> None:
    b = _board("Gunmen killed six people in attacks on two gun shops and a base in the city on Sunday.",
               "At least 10 people were killed in the attacks in the city on Sunday. Police said four attackers "
               "were killed in the operation.")
    assert "count" not in _kinds(b)


def test_a_total_of_people_without_attackers_killed_still_conflicts() -> None:
    b = _board("Gunmen killed six people in attacks on two gun shops and a base in the city on Sunday.",
               "At least 10 people were killed in the attacks in the city on Sunday. Police said four attackers "
               "were detained in the operation.")
    assert "count" in _kinds(b)


def test_rejecting_the_claim_denies_what_the_page_reported_just_before() -> None:
    b = _board("The group claimed responsibility for the bombing in a statement on Telegram. The Interior Ministry "
               "rejected the claim, saying the attackers had no links to any foreign group.")
    (c,) = [c for c in find_conflicts(b) if c.kind == "denial"]
    assert "claimed responsibility" in b.statements[c.b].sentence


def test_a_denial_on_one_page_conflicts_with_the_claim_on_another_page_of_the_event() -> None:
    long_a = ("Gunmen attacked a checkpoint near the city on Monday night. A source said the gunmen had crossed the "
              "border from the south a week before the attack. Two attackers were killed at the scene. The deputy "
              "minister said the detained men were citizens. Prosecutors opened a criminal case.")
    long_b = ("Residents heard gunfire for ten minutes on Monday night. An ambulance driver said two cars burned. "
              "The neighbouring country's foreign ministry denied reports that the gunmen had crossed the border from "
              "the south. Schools stayed closed on Tuesday. Families of the dead will receive compensation.")
    b = Board(one_event=True)
    b.add(doc(long_a, "aaa-story.txt"), Annotations())
    b.add(doc(long_b, "bbb-story.txt"), Annotations())
    assert [c.kind for c in find_conflicts(b) if c.kind == "denial"] == ["denial"]


def test_an_armed_groups_claim_conflicts_with_a_government_blaming_another_group() -> None:
    b = _board("The Islamic State group claimed responsibility for the bombing of the bus in the city on Monday.",
               "The security committee said the bombing of the bus in the city was organised by the Ansar al-Fajr "
               "movement.")
    (c,) = [c for c in find_conflicts(b) if c.kind == "responsibility"]
    assert set(c.why.removeprefix("held responsible: ").split(" against ")) == {"Islamic State group", "Ansar al-Fajr"}


def test_a_group_denying_involvement_conflicts_with_what_pins_the_attack_on_it() -> None:
    b = _board("The committee said the bombing of the bus in the city was organised by the Ansar al-Fajr movement.",
               "The Ansar al-Fajr movement denied any involvement in the bombing of the bus in the city.")
    assert "denial" in _kinds(b)


def test_a_larger_toll_published_a_day_later_is_the_toll_rising_not_a_conflict() -> None:
    b = Board()
    b.add(doc("A bomb on a city bus killed 14 people in the city on Monday.", "aaa-story.txt", published="2024-10-14"),
          Annotations())
    b.add(doc("Fifteen people were killed by the bomb on the city bus, after a wounded woman died in hospital.",
              "bbb-story.txt", published="2024-10-15"), Annotations())
    assert "count" not in _kinds(b)
    b = Board()
    b.add(doc("A bomb on a city bus killed 14 people in the city on Monday.", "aaa-story.txt", published="2024-10-15"),
          Annotations())
    b.add(doc("Fifteen people were killed by the bomb on the city bus, after a wounded woman died in hospital.",
              "bbb-story.txt", published="2024-10-14"), Annotations())
    assert "count" in _kinds(b)


def test_a_weekday_resolved_against_the_publication_date_conflicts_with_a_written_date() -> None:
    a_text = "The security service said its forces on Thursday conducted a raid on a house in the capital."
    thursday = a_text.index("Thursday")
    b = Board()
    b.add(doc(a_text, "aaa-story.txt", published="2015-07-17"),
          Annotations(dates=[DateMention(start=thursday, end=thursday + 8, text="Thursday", value="2015-07-16")]))
    b.add(doc("On July 17, troops stormed a private house in the capital, the security service said.",
              "bbb-story.txt", published="2015-07-18"), Annotations())
    (why,) = [c.why for c in find_conflicts(b) if c.kind == "date"]
    assert why in ("dated differently: July 16 against July 17", "dated differently: July 17 against July 16")


def test_the_day_something_was_said_is_not_the_day_it_happened() -> None:
    b = _board("Gunmen stormed the police station on June 5, officials said.",
               "The ministry said on June 6 that gunmen stormed the police station.")
    assert "date" not in _kinds(b)


def test_an_unnamed_claimant_holds_no_one_responsible() -> None:
    b = _board("The group said it carried out the bombing of the bus in the city on Monday.",
               "Officials said it carried out the bombing of the bus in the city, which was organised by the Ansar "
               "al-Fajr movement.")
    assert "responsibility" not in _kinds(b)


def test_an_investigation_ordered_by_a_president_blames_no_one() -> None:
    b = _board("The Islamic State group claimed responsibility for the bombing of the bus in the city.",
               "An investigation into the bombing of the bus was ordered by President Tokayev on Monday.")
    assert "responsibility" not in _kinds(b)
