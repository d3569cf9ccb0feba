"""Bytes -> text: binary refused, BOM, declared charset, detection of undeclared encodings."""

from __future__ import annotations

import os

import pytest

from claimscope.article.decode import decode_bytes, sniff_binary
from claimscope.errors import ArticleError

RUSSIAN = ("Командир таджикского ОМОН перешел на сторону Исламского государства. "
           "Об этом стало известно из его видеобращения, опубликованного в социальных сетях.")
FRENCH = "Le café de la place a fermé; le maire a déclaré que la sécurité était sa priorité. Déjà vu."


def test_cp1251_decoded() -> None:
    text, codec = decode_bytes(RUSSIAN.encode("cp1251"))
    assert text == RUSSIAN
    assert codec == "cp1251"


def test_latin1_decoded() -> None:
    text, _ = decode_bytes(FRENCH.encode("latin-1"))
    assert text == FRENCH


def test_utf8_decoded() -> None:
    assert decode_bytes(RUSSIAN.encode("utf-8")) == (RUSSIAN, "utf-8")


def test_utf16_with_bom_decoded() -> None:
    text, _ = decode_bytes(RUSSIAN.encode("utf-16"))
    assert text == RUSSIAN


def test_meta_charset_used() -> None:
    html = b'<html><head><meta charset="windows-1251"></head><body><p>' + RUSSIAN.encode("cp1251")
    text, codec = decode_bytes(html)
    assert codec == "cp1251" and RUSSIAN in text


def test_http_charset_used() -> None:
    text, codec = decode_bytes(RUSSIAN.encode("koi8-r"), "text/plain; charset=KOI8-R")
    assert text == RUSSIAN and codec == "koi8-r"


def test_utf8_page_declaring_latin1_decoded_as_utf8() -> None:
    html = b'<meta charset="iso-8859-1"><p>' + "Привет, café".encode()
    text, codec = decode_bytes(html)
    assert codec == "utf-8" and "Привет, café" in text


@pytest.mark.parametrize(("data", "kind"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
])
def test_known_binary_formats_refused(data: bytes, kind: str) -> None:
    with pytest.raises(ArticleError, match=kind):
        decode_bytes(data + b"x" * 100)


def test_random_bytes_refused() -> None:
    rng_data = bytes(os.urandom(4096))
    with pytest.raises(ArticleError, match="binary"):
        decode_bytes(rng_data)


def test_control_characters_refused() -> None:
    with pytest.raises(ArticleError, match="control characters"):
        decode_bytes(bytes(range(1, 9)) * 50)


def test_plain_text_is_not_binary() -> None:
    assert sniff_binary(RUSSIAN.encode()) is None


def test_utf16_without_bom_decoded() -> None:
    text = "Police detained three men on Tuesday, the ministry said."
    assert decode_bytes(text.encode("utf-16-le"))[0] == text
    assert decode_bytes(text.encode("utf-16-be"))[0] == text
