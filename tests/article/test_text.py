"""The plain-text cleaner: furniture, captions, title, byline, date, trailing blocks."""

from __future__ import annotations

from claimscope.article.text import clean_text, parse_byline, split_units

BODY_1 = ("Security forces in the region detained three men on Tuesday after a raid on a flat "
          "where investigators say explosives were being assembled.")
BODY_2 = ("The interior ministry said the suspects had travelled abroad last year and returned "
          "with instructions from a foreign handler, according to a statement.")
BODY_3 = ("Relatives of the men told reporters that the detentions were arbitrary and that the "
          "family had not been allowed to see them since the raid.")


def page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def test_furniture_removed() -> None:
    raw = page("Accessibility links", "Breaking News", "Share", "Print", "Police Detain Three In Raid",
               BODY_1, BODY_2, "Advertisement", BODY_3)
    out = clean_text(raw)
    for furniture in ("Accessibility links", "Breaking News", "Share", "Print", "Advertisement"):
        assert furniture not in out.text
        assert furniture in out.boilerplate
    assert BODY_1 in out.text and BODY_2 in out.text and BODY_3 in out.text


def test_title_found() -> None:
    out = clean_text(page("Accessibility links", "Police Detain Three In Raid", BODY_1, BODY_2))
    assert out.title == "Police Detain Three In Raid"
    assert "Police Detain Three In Raid" not in out.text


def test_no_title_when_page_starts_with_body() -> None:
    assert clean_text(page(BODY_1, BODY_2)).title is None


def test_extra_headline_copies_removed() -> None:
    title = "Police Detain Three In Raid On Bomb Workshop"
    raw = page("World", title, "Recent Features", "World | Security | Asia", title,
               "A deck line that says what the story is about in one sentence.", title, BODY_1, BODY_2)
    out = clean_text(raw)
    assert out.title == title
    assert title not in out.text
    assert "A deck line that says what the story is about in one sentence." in out.text
    assert "World | Security | Asia" in out.boilerplate


def test_duplicated_caption_removed() -> None:
    caption = "A police officer stands guard outside the building."
    raw = page("Police Detain Three In Raid", caption, caption, BODY_1, BODY_2)
    out = clean_text(raw)
    assert caption not in out.text
    assert out.boilerplate.count(caption) == 2


def test_credit_line_and_its_caption_removed() -> None:
    raw = page("Police Detain Three In Raid", BODY_1, "Officers at the scene.",
               "Credit: Screenshot, state television", BODY_2)
    out = clean_text(raw)
    assert "Officers at the scene." not in out.text
    assert "Credit: Screenshot, state television" not in out.text
    assert BODY_2 in out.text


def test_byline_by_name_found() -> None:
    out = clean_text(page("Police Detain Three In Raid", "By Jane Doe and John Roe", BODY_1, BODY_2))
    assert out.author == "Jane Doe and John Roe"
    assert "By Jane Doe" not in out.text


def test_byline_with_dash_at_end_found() -> None:
    out = clean_text(page("Police Detain Three In Raid", BODY_1, BODY_2, "-- Joanna Paraszczuk"))
    assert out.author == "Joanna Paraszczuk"
    assert "Paraszczuk" not in out.text


def test_parse_byline_rejects_sentences() -> None:
    assert parse_byline("By the end of the day, the police had left the area.") is None
    assert parse_byline("-- and then the crowd dispersed") is None


def test_date_found_in_several_formats() -> None:
    for line, iso in [("January 21, 2015", "2015-01-21"), ("21.01.2015", "2015-01-21"),
                      ("2015-01-21", "2015-01-21"), ("21 January 2015 10:32", "2015-01-21"),
                      ("Published 01/21/2015, 10:32 AM", "2015-01-21")]:
        out = clean_text(page("Police Detain Three In Raid", line, BODY_1, BODY_2))
        assert out.published == iso, line
        assert line not in out.text


def test_date_in_dateline_found() -> None:
    out = clean_text(page("DUSHANBE, May 28, 2015, Asia-Plus – " + BODY_1, BODY_2))
    assert out.published == "2015-05-28"
    assert out.text.startswith("DUSHANBE, May 28, 2015")


def test_body_dates_are_not_publication_dates() -> None:
    out = clean_text(page("Police Detain Three In Raid",
                          "The raid followed a tip received on January 3, 2015, the ministry said in a statement.",
                          BODY_2))
    assert out.published is None


def test_trailing_blog_block_removed() -> None:
    raw = page("Police Detain Three In Raid", BODY_1, BODY_2, BODY_3, "About This Blog",
               '"Under The Flag" provides news, opinion, and analysis about the impact of extremist groups.',
               "Latest Posts")
    out = clean_text(raw)
    assert "About This Blog" not in out.text
    assert "Under The Flag" not in out.text
    assert BODY_3 in out.text


def test_trailing_author_box_removed() -> None:
    raw = page("Police Detain Three In Raid", BODY_1, BODY_2, BODY_3, "Sergey Ivanov", "TCA",
               "Sergey Ivanov has worked for the newspaper as a journalist and editor since 1999.")
    out = clean_text(raw)
    assert out.author == "Sergey Ivanov"
    assert "has worked for the newspaper" not in out.text
    assert BODY_3 in out.text


def test_bullet_lists_in_body_kept() -> None:
    raw = page("Police Detain Three In Raid", BODY_1, "The suspects were named as:", "• Ali Karimov, 37",
               "• Bakhtiyor Nazarov, 29", BODY_2)
    out = clean_text(raw)
    assert "• Ali Karimov, 37" in out.text and "• Bakhtiyor Nazarov, 29" in out.text


def test_repeated_pull_quote_removed_once() -> None:
    raw = page("Police Detain Three In Raid", BODY_1, BODY_2, BODY_1, BODY_3)
    out = clean_text(raw)
    assert out.text.count(BODY_1) == 1


def test_hard_wrapped_paragraph_joined() -> None:
    wrapped = ("Security forces in the region detained three men on Tuesday\n"
               "after a raid on a flat where investigators say explosives were\n"
               "being assembled, the interior ministry said in a statement.")
    assert split_units(wrapped) == [" ".join(wrapped.split("\n"))]


def test_empty_text_gives_empty_result() -> None:
    assert clean_text("  \n\n ").text == ""


def test_sentences_that_look_like_markers_kept() -> None:
    raw = page("Police Detain Three In Raid", BODY_1, BODY_2, "More on that later.",
               "Copyright lawyers for the broadcaster said the footage had been used without permission.",
               "The statement was distributed via AFP.", BODY_3)
    out = clean_text(raw)
    for line in ("More on that later.", "Copyright lawyers for the broadcaster", "distributed via AFP.", BODY_3):
        assert line in out.text


def test_headline_printed_twice_at_top_is_title() -> None:
    out = clean_text(page("Accessibility links", "Police Detain Three In Raid", "Police Detain Three In Raid",
                          BODY_1, BODY_2))
    assert out.title == "Police Detain Three In Raid"
    assert "Police Detain Three" not in out.text


def test_service_byline_found() -> None:
    out = clean_text(page("Police Detain Three In Raid", "By RFE/RL's Kyrgyz Service",
                          "January 21, 2015 10:32 GMT", BODY_1, BODY_2))
    assert out.author == "RFE/RL's Kyrgyz Service"
    assert out.published == "2015-01-21"


def test_headline_with_a_date_is_not_a_date_stamp() -> None:
    out = clean_text(page("Attack On June 5, 2016 Kills Ten In Aktobe", BODY_1, BODY_2))
    assert out.title == "Attack On June 5, 2016 Kills Ten In Aktobe"
    assert out.published is None


def test_list_block_not_joined() -> None:
    block = ("• Mahmadrasul Nasridinov, 37 years old, registered in Yaroslavl\n"
             "• Rivojidin Ismonov, 51 years old, registered in Ivanovo oblast\n"
             "• Shohinjonn Safolzoda, 21 years old, registered in Samara oblast")
    assert len(split_units(block)) == 3


def test_date_label_glued_to_first_paragraph_read() -> None:
    out = clean_text(page(" date 2024-03-23 " + BODY_1, BODY_2))
    assert out.published == "2024-03-23"
    assert BODY_1 in out.text


def test_byline_with_date_found() -> None:
    out = clean_text(page("Police Detain Three In Raid", "Written by Jane Doe on January 21, 2015", BODY_1, BODY_2))
    assert out.author == "Jane Doe"
    assert out.published == "2015-01-21"


def test_bare_name_beside_date_is_byline() -> None:
    out = clean_text(page("Police Detain Three In Raid", "Joanna Paraszczuk", "January 21, 2015", BODY_1, BODY_2))
    assert out.author == "Joanna Paraszczuk"
    assert out.title == "Police Detain Three In Raid"


def test_share_label_with_colon_removed() -> None:
    out = clean_text(page("Police Detain Three In Raid", BODY_1, BODY_2, "Share this:", "(Photo: Reuters)", BODY_3))
    assert "Share this" not in out.text and "(Photo: Reuters)" not in out.text


def test_byline_name_and_date_on_one_line_found() -> None:
    out = clean_text(page("Police Detain Three In Raid", "Ainura Bekova Nov 8, 2021", BODY_1, BODY_2))
    assert out.author == "Ainura Bekova"
    assert out.published == "2021-11-08"
    assert "Ainura Bekova" not in out.text


def test_byline_with_date_and_reading_time_found() -> None:
    out = clean_text(page("Police Detain Three In Raid", "Nov 8, 2021 · Ainura Bekova · 3 min read", BODY_1, BODY_2))
    assert out.author == "Ainura Bekova"
    assert out.published == "2021-11-08"


def test_weekday_or_label_before_date_is_not_a_byline() -> None:
    for stamp in ("Published Monday, Nov 8, 2021", "Wednesday 8 November 2021 10:32"):
        out = clean_text(page("Police Detain Three In Raid", stamp, BODY_1, BODY_2))
        assert out.author is None, stamp
        assert out.published == "2021-11-08", stamp


def test_closing_notices_after_last_paragraph_removed() -> None:
    notices = ["This article was produced with support from a regional media fund.",
               "(Reporting by Jane Doe; Editing by John Roe.)",
               "All rights reserved. Example-Kazakhstan news agency.",
               "Our Standards: The Thomson Reuters Trust Principles.",
               "Reprinted with the permission of an example broadcaster, Washington DC 20036.",
               "Sign up for the morning briefing newsletter."]
    out = clean_text(page("Police Detain Three In Raid", BODY_1, BODY_2, BODY_3, *notices))
    for notice in notices:
        assert notice not in out.text, notice
        assert notice in out.boilerplate, notice
    assert BODY_3 in out.text


def test_notice_like_sentence_before_body_kept() -> None:
    # A closing-notice pattern only counts after the last body paragraph.
    early = "This project was funded by a regional grant, the ministry said in a statement on Tuesday."
    out = clean_text(page("Police Detain Three In Raid", BODY_1, early, BODY_2, BODY_3))
    assert early in out.text


def test_contributor_credit_at_end_removed() -> None:
    out = clean_text(page("Police Detain Three In Raid", BODY_1, BODY_2, "Jane Doe contributed reporting.",
                          "Follow Jane Doe on Twitter @janedoe."))
    assert "contributed reporting" not in out.text and "Follow Jane Doe" not in out.text
    assert BODY_2 in out.text


def test_share_row_cookie_banner_and_counters_removed() -> None:
    furniture = ["Share on Facebook Share on Twitter Email", "We use cookies to improve your experience.",
                 "12 Comments", "3 min read", "Getting Data", "Story continues below advertisement",
                 "Item 1 of 3 Police officers stand guard near the building"]
    out = clean_text(page("Police Detain Three In Raid", BODY_1, *furniture, BODY_2, BODY_3))
    for line in furniture:
        assert line not in out.text, line
    assert BODY_1 in out.text and BODY_2 in out.text


def test_closing_notice_cuts_the_page_footer_after_it() -> None:
    blurb = ("Example Agency, the news division of Example Corp, is the world's largest multimedia "
             "news provider, reaching billions of people every day.")
    out = clean_text(page("Police Detain Three In Raid", BODY_1, BODY_2, BODY_3,
                          "Reporting by Jane Doe; Editing by John Roe", "Suggested Topics:", blurb))
    assert BODY_3 in out.text
    assert "Reporting by" not in out.text and blurb not in out.text


def test_read_more_link_dropped_and_body_after_it_kept() -> None:
    out = clean_text(page("Police Detain Three In Raid", BODY_1, BODY_2, "Read more",
                          "Security service foils attack plot in capital", BODY_3))
    assert "Read more" not in out.text and "foils attack plot" not in out.text
    assert BODY_3 in out.text


def test_headline_before_unpunctuated_deck_and_date_is_title() -> None:
    out = clean_text(page("Russia & FSU", "Suspected cell busted in capital region – security service",
                          "The security service claims the suspects were planning attacks on public places",
                          "Published: 12 Mar, 2023 14:05", BODY_1, BODY_2))
    assert out.title == "Suspected cell busted in capital region – security service"
    assert out.published == "2023-03-12"


def test_masthead_repeated_in_copyright_is_not_title() -> None:
    out = clean_text(page("The Example Times Of Asia", "Kazakhstan", "Parliament Tightens Control Over Literature",
                          "Aidana Example", "2 hours ago", "Share:", BODY_1, BODY_2, BODY_3,
                          "© 2024 The Example Times Of Asia. All Rights Reserved."))
    assert out.title == "Parliament Tightens Control Over Literature"
    assert out.author == "Aidana Example"
    assert "2 hours ago" not in out.text


def test_source_field_value_repeated_in_metadata_is_not_title() -> None:
    source = "Example Radio – Radio Free Example (Author)"
    out = clean_text(page("Document #2045123", source, "Tajik Court Jails Man For Joining Armed Group",
                          BODY_1, BODY_2, BODY_3, "Country:", "Tajikistan", "Source:", source))
    assert out.title == "Tajik Court Jails Man For Joining Armed Group"
