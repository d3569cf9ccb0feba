"""Page -> Document: refusals, HTML metadata, overrides, ids and language."""

from __future__ import annotations

import pytest

from claimscope.article.build import content_id, is_html, to_document
from claimscope.config import default_settings
from claimscope.errors import ArticleError
from claimscope.model import Page

SETTINGS = default_settings()

PARAS = [
    "Security forces in the region detained three men on Tuesday after a raid on a flat where "
    "investigators say explosives were being assembled for an attack on a police station.",
    "The interior ministry said the suspects had travelled abroad last year and returned with "
    "instructions from a foreign handler, according to a statement published on its website.",
    "Relatives of the men told reporters that the detentions were arbitrary and that the family had "
    "not been allowed to see them since the raid, which took place before dawn.",
    "A court in the capital is expected to rule on Friday on whether the men will remain in custody "
    "while the investigation continues, a lawyer for one of the suspects said.",
]

ARTICLE_HTML = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Police detain three in raid | Steppe Times</title>
<meta property="og:title" content="Police detain three in raid on bomb workshop">
<meta property="og:site_name" content="Steppe Times">
<meta name="author" content="Aigerim Bekova">
<meta property="article:published_time" content="2016-06-06T10:32:00+06:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/asia">Asia</a></li></ul></nav>
<article>
<h1>Police detain three in raid on bomb workshop</h1>
<p class="byline">By Aigerim Bekova</p>
{''.join(f'<p>{p}</p>' for p in PARAS)}
<div class="share">Share this article</div>
</article>
<footer><p>Copyright 2016 Steppe Times. All rights reserved.</p></footer>
</body></html>"""


def page(data: bytes | str, **kw: object) -> Page:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return Page(source="test", data=raw, **kw)  # type: ignore[arg-type]


def test_empty_refused() -> None:
    with pytest.raises(ArticleError, match="empty"):
        to_document(page(b""), SETTINGS)
    with pytest.raises(ArticleError, match="empty"):
        to_document(page(b" \n\t \n"), SETTINGS)


@pytest.mark.parametrize(("data", "kind"), [
    (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + b"\x00\x01" * 40, "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "PNG"),
])
def test_pdf_and_png_refused(data: bytes, kind: str) -> None:
    with pytest.raises(ArticleError, match=kind):
        to_document(page(data), SETTINGS)


def test_random_bytes_refused() -> None:
    import random

    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(3000))
    with pytest.raises(ArticleError, match="binary"):
        to_document(page(data), SETTINGS)


def test_punctuation_only_refused() -> None:
    with pytest.raises(ArticleError, match="no words"):
        to_document(page("--- *** ... !!!\n\n###"), SETTINGS)


def test_html_without_article_refused() -> None:
    html = ("<html><head><title>Home</title></head><body><nav><a href='/'>Home</a> "
            "<a href='/news'>News</a> <a href='/about'>About</a></nav><footer>Contact</footer></body></html>")
    with pytest.raises(ArticleError, match="no article text"):
        to_document(page(html), SETTINGS)


def test_text_with_only_furniture_refused() -> None:
    with pytest.raises(ArticleError, match="no article"):
        to_document(page("Accessibility links\n\nBreaking News\n\nShare\n\nPrint\n"), SETTINGS)


def test_html_metadata_extracted() -> None:
    doc = to_document(page(ARTICLE_HTML, url="https://www.steppetimes.example/news/raid"), SETTINGS)
    assert doc.title == "Police detain three in raid on bomb workshop"
    assert doc.author == "Aigerim Bekova"
    assert doc.published == "2016-06-06"
    assert doc.outlet == "Steppe Times"
    assert doc.language == "en"
    assert doc.content_type == "text/html"
    assert all(p in doc.text for p in PARAS)
    assert "Home" not in doc.text and "Share this article" not in doc.text


def test_outlet_falls_back_to_url_host() -> None:
    text = "\n\n".join(PARAS)
    doc = to_document(page(text, url="https://www.example.org/a/b"), SETTINGS)
    assert doc.outlet == "example.org"


def test_published_and_source_override() -> None:
    doc = to_document(page(ARTICLE_HTML), SETTINGS, published="2020-01-02", source_name="My Outlet")
    assert doc.published == "2020-01-02"
    assert doc.outlet == "My Outlet"


def test_bad_published_override_refused() -> None:
    with pytest.raises(ArticleError, match="YYYY-MM-DD"):
        to_document(page(ARTICLE_HTML), SETTINGS, published="yesterday")


def test_feed_hints_fill_missing_metadata() -> None:
    text = "\n\n".join(PARAS)
    doc = to_document(page(text, hints={"title": "From the feed", "author": "Feed Author",
                                        "published": "2016-06-07", "outlet": "Feed Outlet"}), SETTINGS)
    assert (doc.title, doc.author, doc.published, doc.outlet) == (
        "From the feed", "Feed Author", "2016-06-07", "Feed Outlet")


def test_plain_text_document_cleaned() -> None:
    raw = "Accessibility links\n\nBreaking News\n\nPolice Detain Three In Raid\n\n" + "\n\n".join(PARAS)
    doc = to_document(page(raw), SETTINGS)
    assert doc.title == "Police Detain Three In Raid"
    assert doc.boilerplate == ["Accessibility links", "Breaking News"]
    assert doc.content_type == "text/plain"
    assert doc.id == content_id(doc.text)


def test_cp1251_text_decoded_and_flagged_russian() -> None:
    russian = ("Командир таджикского ОМОН, полковник милиции Гулмурод Халимов, загадочным образом "
               "исчезнувший из республики месяц назад, объявился в Сирии в рядах боевиков. Об этом стало "
               "известно из его видеобращения, опубликованного в социальных сетях и выложенного сегодня "
               "рядом средств массовой информации.")
    doc = to_document(page(russian.encode("cp1251")), SETTINGS)
    assert doc.text == russian
    assert doc.language == "ru"
    assert not doc.is_english


def test_content_id_ignores_whitespace_and_case() -> None:
    assert content_id("The  raid\n\nwas  on Tuesday.") == content_id("the raid was on tuesday.")
    assert content_id("The raid was on Tuesday.") != content_id("The raid was on Monday.")
    assert len(content_id("x")) == 64


def test_same_article_in_other_whitespace_has_one_id() -> None:
    a = to_document(page("\n\n".join(PARAS)), SETTINGS)
    b = to_document(page("\r\n\r\n\r\n".join("  " + p + "  " for p in PARAS)), SETTINGS)
    assert a.id == b.id


def test_html_sniffed_without_content_type() -> None:
    assert is_html("<!doctype html><html><body><p>x</p></body></html>")
    assert is_html("\n  <html>")
    assert not is_html("Police detain three. <b>bold</b> is not a page.")
    assert is_html("anything", "text/html; charset=utf-8")


def test_declared_html_language_parsed() -> None:
    from claimscope.article.html import declared_language

    assert declared_language("en-GB") == "en"
    assert declared_language("ru") == "ru"
    assert declared_language("x-klingon") is None
    assert declared_language(None) is None


def test_latin1_text_without_declaration_decoded() -> None:
    text = ("Le préfet a déclaré mardi que trois hommes avaient été arrêtés après une perquisition dans un "
            "appartement où, selon les enquêteurs, des explosifs étaient assemblés.")
    doc = to_document(page(text.encode("latin-1")), SETTINGS)
    assert doc.text == text
    assert doc.language == "fr"
