"""Language detection: confident on articles, silent on short or unclear text."""

from __future__ import annotations

from claimscope.article.language import detect_language

ENGLISH = ("Security forces in the region detained three men on Tuesday after a raid on a flat where "
           "investigators say explosives were being assembled for an attack on a police station.")
GERMAN = ("Sicherheitskräfte haben am Dienstag drei Männer festgenommen, nachdem in einer Wohnung "
          "Sprengstoff gefunden worden war, teilte das Innenministerium mit.")


def test_language_flagged() -> None:
    assert detect_language(ENGLISH) == "en"
    assert detect_language(GERMAN) == "de"


def test_short_text_not_flagged_foreign() -> None:
    assert detect_language("Bishkek Almaty Dushanbe Tashkent") is None
    assert detect_language("Kadyr Malikov") is None
    assert detect_language("") is None


def test_english_with_foreign_names_is_english() -> None:
    text = ("Kadyr Malikov, who leads the Religion, Law and Politics analytical center in Bishkek, told "
            "reporters that Katibat al-Imam Bukhari fighters had pledged allegiance to Abu Bakr al-Baghdadi.")
    assert detect_language(text) == "en"


def test_english_function_words_shortcut() -> None:
    from claimscope.article.language import looks_english

    assert looks_english(ENGLISH + " " + ENGLISH)
    assert not looks_english(GERMAN + " " + GERMAN)
    assert not looks_english("The raid.")
