"""Bytes -> text: refuse binary data, then decode by BOM, declared charset, or detection."""

from __future__ import annotations

import codecs
import re

from claimscope.errors import ArticleError

# Leading bytes of common non-text formats, with the name shown to the user.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"RIFF", "a RIFF media file (WebP, WAV, AVI)"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Office document"),
    (b"\x7fELF", "an executable"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"fLaC", "a FLAC file"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_CT_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_XML_ENCODING = re.compile(rb"<\?xml[^>]+encoding\s*=\s*[\"']([\w.:-]+)", re.I)

# Declared single-byte charsets that pages often claim while actually serving UTF-8.
_SINGLE_BYTE = {"ascii", "latin-1", "iso8859-1", "cp1252", "iso8859-15"}

_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff\ud800-\udfff]")
# Share of control characters (other than whitespace) above which decoded text is binary.
MAX_CONTROL_RATIO = 0.02


def sniff_binary(data: bytes) -> str | None:
    """The kind of binary data `data` is (e.g. "a PDF document"), or None when it may be text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data[4:8] == b"ftyp":
        return "an MP4/MOV media file"
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None  # UTF-16/32 text legitimately holds NUL bytes
    head = data[:8192]
    if b"\x00" in head and _utf16_without_bom(head) is None:
        return "binary data (NUL bytes)"
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when NUL bytes sit at every other position, as in ASCII-range UTF-16."""
    if len(head) < 16:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) >= 0.6 * len(odd) and even.count(0) <= 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.6 * len(even) and odd.count(0) <= 0.05 * len(odd):
        return "utf-16-be"
    return None


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """Charset named by the HTTP content type, a <meta> tag or an XML declaration."""
    if content_type:
        found = _CT_CHARSET.search(content_type)
        if found and (codec := _codec(found.group(1))):
            return codec
    head = data[:4096]
    for pattern in (_META_CHARSET, _XML_ENCODING):
        m = pattern.search(head)
        if m and (codec := _codec(m.group(1).decode("ascii", "ignore"))):
            return codec
    return None


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # noqa: PLC0415 - imported only when needed

    best = from_bytes(data[:65536]).best()
    return _codec(best.encoding) if best is not None else None


def decode_bytes(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode page bytes to text; returns (text, codec name). ArticleError for binary data."""
    kind = sniff_binary(data)
    if kind:
        raise ArticleError(f"the input is {kind}, not an article; give an HTML page or plain text")
    text, codec = _decode(data, content_type)
    if control_ratio(text) > MAX_CONTROL_RATIO:
        raise ArticleError("the input looks like binary data (many control characters), not an article; "
                           "give an HTML page or plain text")
    return text, codec


def _decode(data: bytes, content_type: str | None) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), codec
    utf16 = _utf16_without_bom(data[:8192]) if b"\x00" in data[:8192] else None
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    declared = declared_charset(data, content_type)
    is_ascii = data.isascii()
    if declared and not (declared in _SINGLE_BYTE and not is_ascii and _is_utf8(data)):
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass  # wrong declaration: detect instead
    if _is_utf8(data):
        return data.decode("utf-8", errors="replace"), "utf-8"
    detected = _latin_guess(data) or _detect(data) or "cp1252"
    try:
        return data.decode(detected, errors="replace"), detected
    except LookupError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def _latin_guess(data: bytes) -> str | None:
    """cp1252 for Latin-script text with scattered accented letters; None to run detection.

    In Western European text the non-ASCII bytes are a few accented letters inside ASCII words;
    in Cyrillic, Greek or Arabic single-byte text most letters are non-ASCII. Statistical
    detectors guess poorly on the first kind (short English or French text with a few accents
    comes out as cp1250 or cp1257), so it is settled here.
    """
    sample = data[:65536]
    high = sum(1 for b in sample if b >= 0x80)
    ascii_letters = sum(1 for b in sample if 65 <= b <= 90 or 97 <= b <= 122)
    if high == 0 or high / (high + ascii_letters) >= 0.3:
        return None
    try:
        sample.decode("cp1252")
    except UnicodeDecodeError:
        return "latin_1"  # bytes cp1252 leaves undefined: ISO-8859-1 maps them all
    return "cp1252"


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte sequence cut off at the very end (a truncated page) is still UTF-8.
        return exc.reason == "unexpected end of data" and exc.start >= len(data) - 3
    return True


def control_ratio(text: str) -> float:
    """Share of characters that are control, private-use or replacement characters (whitespace excluded)."""
    sample = text[:20000]
    if not sample:
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)
