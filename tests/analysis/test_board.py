"""The board: grouping across outlets, origins and independence, grades, incremental adds."""

from __future__ import annotations

import re
from dataclasses import replace

from claimscope.analysis.board import Board
from claimscope.analysis.report import event_json
from claimscope.analysis.statements import Statement
from claimscope.model import Annotations, Claim, DateMention, Entity, EntityMention

from .helpers import doc

SPOKESMAN_A = ("Four of the attackers were killed and seven detained by police in the operation, "
               "Interior Ministry spokesman Almas Sadubayev said.")
SPOKESMAN_B = ("Four of the gunmen were killed and seven others detained by police in the operation, "
               "ministry spokesman Almas Sadubaev said.")


def _shared(out: dict) -> list[dict]:
    return out["propositions"]


def test_same_statement_in_two_outlets_is_one_proposition_with_evidence() -> None:
    b = Board()
    b.add(doc(SPOKESMAN_A, "aaa-story.txt"), Annotations())
    b.add(doc(SPOKESMAN_B, "bbb-story.txt"), Annotations())
    props = _shared(event_json(b))
    assert len(props) == 1
    ev = props[0]["evidence"][0]
    assert ev["score"] >= b.threshold and "attacker" in ev["shared_words"]


def test_outlets_quoting_one_spokesman_count_one_origin_and_are_not_confirmed() -> None:
    b = Board()
    b.add(doc(SPOKESMAN_A, "aaa-story.txt"), Annotations())
    b.add(doc(SPOKESMAN_B, "bbb-story.txt"), Annotations())
    p = _shared(event_json(b))[0]
    assert p["independent_origins"] == 1
    assert p["grade"]["credibility"] != 1


def test_two_outlets_in_their_own_voice_are_two_origins() -> None:
    b = Board()
    b.add(doc("Police shut down public transport and malls in the city after the attacks on Sunday.",
              "aaa-story.txt"), Annotations())
    b.add(doc("After the Sunday attacks police closed public transport and malls across the city.",
              "bbb-story.txt"), Annotations())
    p = _shared(event_json(b))[0]
    assert p["independent_origins"] == 2
    assert p["grade"]["credibility"] == 2  # two outlets' own reporting: probably true, not confirmed


def test_copied_text_on_two_sites_is_one_chain() -> None:
    text = ("Police shut down public transport and malls in the city after the attacks on Sunday. "
            "A third group hijacked a bus and used it to ram the gate of the base before guards killed one.")
    b = Board()
    b.add(doc(text, "aaa-story.txt"), Annotations())
    b.add(doc("Breaking news\n" + text, "bbb-story.txt"), Annotations())
    for p in _shared(event_json(b)):
        assert p["independent_origins"] == 1


def test_a_page_crediting_a_wire_counts_with_the_wire() -> None:
    b = Board()
    b.add(doc("ALMATY (Reuters) - Police detained the attacker in a shootout on a busy central street.",
              "reuters-story.txt"), Annotations())
    b.add(doc("Police detained the attacker after a shootout on a busy central street, Reuters reported.",
              "othersite-story.txt"), Annotations())
    p = _shared(event_json(b))[0]
    assert p["independent_origins"] == 1


def test_adding_an_article_updates_the_board_without_rebuilding_it() -> None:
    b = Board()
    b.add(doc(SPOKESMAN_A, "aaa-story.txt"), Annotations())
    first = dict(b.prop_of)
    b.add(doc(SPOKESMAN_B, "bbb-story.txt"), Annotations())
    assert all(b.prop_of[s] == p for s, p in first.items())
    assert len({b.prop_of[s] for s in b.statements}) == len(first)


def test_non_english_pages_are_kept_and_flagged_not_read() -> None:
    b = Board()
    b.add(doc("\u0428\u0435\u0441\u0442\u044c \u0447\u0435\u043b\u043e\u0432\u0435\u043a \u043f\u043e\u0433\u0438"
              "\u0431\u043b\u0438.", "ru-story.txt", language="ru"), Annotations())
    out = event_json(b)
    assert out["not_read"] == ["ru-story.txt"]
    assert out["documents"][0]["read"] is False


def test_a_pages_second_statement_of_a_proposition_joins_it() -> None:
    a = ("Police said the gunman killed four officers at the station on Monday. "
         "Residents reported hearing gunfire for an hour.")
    b = ("The gunman killed four officers at the police station on Monday, officials said. "
         "Later the regional police chief repeated that the gunman had killed four officers at the station.")
    board = Board()
    board.add(doc(a, "aaa-story.txt"), Annotations())
    board.add(doc(b, "bbb-story.txt"), Annotations())
    props = [p for p in _shared(event_json(board)) if any("four officers" in c["content"] for c in p["claims"])]
    assert len(props) == 1
    assert sum(c["source"] == "bbb-story.txt" for c in props[0]["claims"]) == 2


def test_unnamed_person_on_a_page_about_one_person_is_that_person() -> None:
    text = ("A man claiming to be the former commander of the special police said he had joined the group. "
            "Ivan Petrov disappeared in April. Ivan Petrov was trained abroad. Relatives of Ivan Petrov were shocked.")
    mentions = [EntityMention(m.start(), m.end(), "Ivan Petrov") for m in re.finditer("Ivan Petrov", text)]
    speaker = "A man claiming to be the former commander of the special police"
    start = text.index("he had joined")
    claim = Claim(speaker=speaker, cue="said", content="he had joined the group", start=start, end=start + 23)
    ann = Annotations(entities=[Entity(name="Ivan Petrov", type="PERSON", mentions=mentions)], claims=[claim])
    board = Board()
    board.add(doc(text, "aaa-story.txt"), ann)
    sid = next(s for s in board.statements.values() if "joined the group" in s.content).id
    assert board.origin(sid)[0] == "person:petrov"


def test_unnamed_person_talking_about_the_pages_subject_is_not_the_subject() -> None:
    text = ("Ivan Petrov disappeared in April. Ivan Petrov joined the group. Relatives of Ivan Petrov were shocked. "
            "Petrov was trained abroad, according to a senior official.")
    mentions = [EntityMention(m.start(), m.end(), "Ivan Petrov") for m in re.finditer("Ivan Petrov", text)]
    ann = Annotations(entities=[Entity(name="Ivan Petrov", type="PERSON", mentions=mentions)])
    board = Board()
    board.add(doc(text, "aaa-story.txt"), ann)
    sid = next(s for s in board.statements.values() if "trained abroad" in s.content).id
    assert board.statements[sid].speaker == "a senior official"
    assert board.origin(sid)[0] != "person:petrov"


def test_one_shared_word_is_enough_when_both_count_the_same_outcome() -> None:
    a = Statement(id="a", doc_id="d1", source="a.txt", start=0, end=1, content="Dozens more people are reported injured.",
                  tokens=["12", "more", "people", "reported", "injure"], frames=["#injured:victims"])
    b = Statement(id="b", doc_id="d2", source="b.txt", start=0, end=1, content="38 others were injured.",
                  tokens=["38", "other", "injure"], frames=["#injured:victims"])
    c = replace(b, frames=[])
    assert Board._overlap(a, b)
    assert not Board._overlap(a, c)


def test_statements_sharing_only_a_name_are_not_grouped() -> None:
    b = Board()
    b.add(doc("Ivan Petrovsky Kulibaev was born in a village near the southern border.", "aaa-story.txt"),
              Annotations())
    b.add(doc("Investigators are still questioning Ivan Petrovsky Kulibaev about his travel abroad.",
              "bbb-story.txt"), Annotations())
    assert _shared(event_json(b)) == []


def test_statements_counting_the_same_outcome_are_grouped_despite_different_numbers() -> None:
    b = Board()
    b.add(doc("Gunmen killed three police officers and two civilians in the city on Monday.", "aaa-story.txt"),
          Annotations())
    b.add(doc("At least six people were killed in the shootout in the city on Monday.", "bbb-story.txt"),
          Annotations())
    props = _shared(event_json(b))
    assert len(props) == 1 and len(props[0]["claims"]) == 2


def test_a_statement_close_to_a_proposition_is_shown_beside_it_but_not_counted() -> None:
    b = Board(near_threshold=0.01)
    b.add(doc(SPOKESMAN_A, "aaa-story.txt"), Annotations())
    b.add(doc(SPOKESMAN_B, "bbb-story.txt"), Annotations())
    b.add(doc("Relatives of the seven men gathered outside the police headquarters overnight.", "ccc-story.txt"),
          Annotations())
    p = _shared(event_json(b))[0]
    near = [c for c in p["claims"] if c.get("near")]
    assert [c["source"] for c in near] == ["ccc-story.txt"]
    assert near[0]["counted"] is False and p["independent_origins"] == 1
    assert any(e.get("near") for e in p["evidence"])


def test_pages_published_far_apart_are_not_grouped() -> None:
    b = Board(window_days=30)
    b.add(doc(SPOKESMAN_A, "aaa-story.txt", published="2015-06-01"), Annotations())
    b.add(doc(SPOKESMAN_B, "bbb-story.txt", published="2016-06-05"), Annotations())
    b.add(doc(SPOKESMAN_B + " Police are still searching.", "ccc-story.txt", published="2016-06-07"), Annotations())
    props = _shared(event_json(b))
    assert len(props) == 1
    assert sorted(c["source"] for c in props[0]["claims"]) == ["bbb-story.txt", "ccc-story.txt"]


def test_reading_pages_in_worker_processes_gives_the_same_board() -> None:
    cities = ["Almaty", "Aktobe", "Bishkek", "Osh", "Dushanbe", "Tashkent", "Khujand"]
    pages = [doc(f"Gunmen killed {n % 5 + 2} people at a police station in {cities[n % 7]} on Monday, the Interior "
                 f"Ministry said. Police detained {n % 3 + 1} suspects in {cities[(n + 3) % 7]} later that day.",
                 f"outlet{n % 9}-story-{n}.txt") for n in range(80)]
    one, two = Board(), Board()
    assert one.add_many(((p, Annotations()) for p in pages), workers=1) == 80
    assert two.add_many(((p, Annotations()) for p in pages), workers=2) == 80

    def shape(b: Board) -> list[list[str]]:
        return sorted(sorted(c["id"] for c in p["claims"]) for p in event_json(b)["propositions"])

    assert shape(one) == shape(two) and shape(one)


def test_pages_without_a_publication_date_are_placed_by_the_date_they_name() -> None:
    a = Annotations(dates=[DateMention(start=0, end=4, text="June 1, 2015", value="2015-06-01")])
    b = Annotations(dates=[DateMention(start=0, end=4, text="June 5, 2016", value="2016-06-05")])
    board = Board(window_days=30)
    board.add(doc(SPOKESMAN_A, "aaa-story.txt", published=None), a)
    board.add(doc(SPOKESMAN_B, "bbb-story.txt", published=None), b)
    assert _shared(event_json(board)) == []


def test_undated_pages_naming_month_days_far_apart_are_not_grouped() -> None:
    june = Annotations(dates=[DateMention(start=0, end=6, text="June 5", value="--06-05")])
    july = Annotations(dates=[DateMention(start=0, end=7, text="July 18", value="--07-18")])
    board = Board(window_days=30)
    board.add(doc(SPOKESMAN_A, "aaa-story.txt"), june)
    board.add(doc(SPOKESMAN_B, "bbb-story.txt"), july)
    assert _shared(event_json(board)) == []


def test_undated_page_naming_a_close_month_day_is_grouped_with_a_dated_page() -> None:
    board = Board(window_days=30)
    board.add(doc(SPOKESMAN_A, "aaa-story.txt", published="2016-06-06"), Annotations())
    board.add(doc(SPOKESMAN_B, "bbb-story.txt"),
              Annotations(dates=[DateMention(start=0, end=6, text="June 5", value="--06-05")]))
    assert len(_shared(event_json(board))) == 1


def test_a_proposition_is_labelled_by_a_whole_clause_not_a_fragment() -> None:
    b = Board()
    b.add(doc("Police said four of the attackers were killed and seven detained in the operation.", "aaa-story.txt"),
          Annotations())
    b.add(doc(SPOKESMAN_B, "bbb-story.txt"), Annotations())
    p = _shared(event_json(b))[0]
    assert p["statement"][:1].isupper()
