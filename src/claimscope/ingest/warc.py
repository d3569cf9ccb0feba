"""WARC / WARC.gz archives (warcio): HTML response records with HTTP 200 become Pages.

warcio stops quietly at a truncated archive, so truncation is detected here: a record whose block is
shorter than its Content-Length, or an iterator that stops before the end of the file.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from claimscope.errors import SourceError
from claimscope.ingest.options import IngestOptions
from claimscope.ingest.sniff import with_charset
from claimscope.model import Failure, Page

_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_TAIL_PROBE = 4096


def _html_response(record: Any) -> tuple[bool, str | None]:
    """Whether a record is an HTTP 200 HTML response, and the charset its headers declare."""
    if record.rec_type != "response" or record.http_headers is None:
        return False, None
    if record.http_headers.get_statuscode() != "200":
        return False, None
    header = record.http_headers.get_header("Content-Type") or ""
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media.strip().lower() in _HTML_TYPES, charset


def _check_complete(record: Any, number: int) -> None:
    """Read the rest of the record; raise SourceError when it ends before its declared Content-Length."""
    remaining = getattr(record.raw_stream, "limit", None)
    if record.rec_type is None or remaining is None:
        raise SourceError(f"record {number} has no valid WARC header")
    while record.raw_stream.read(65536):
        pass
    remaining = record.raw_stream.limit
    if remaining > 0:
        raise SourceError(f"record {number} ends {remaining:,} bytes early")


def _rest_is_blank(stream: IO[bytes], offset: int) -> bool:
    """True when nothing but whitespace follows `offset` (what warcio did not read)."""
    try:
        stream.seek(offset)
        return not stream.read(_TAIL_PROBE).strip()
    except (OSError, ValueError):
        return True  # an unseekable stream: nothing more can be checked


def iter_warc(source: str, stream: IO[bytes], opts: IngestOptions) -> Iterator[Page | Failure]:
    """Yield a Page per HTML response (source "archive#N", N the record number), a Failure per record
    over max_bytes, and one Failure for a truncated or corrupt rest of the archive."""
    number = pages = html = 0
    iterator: ArchiveIterator | None = None
    try:
        iterator = ArchiveIterator(stream)
        for record in iterator:
            number += 1
            if record.format != "warc":
                raise SourceError(f"record {number} is not a WARC record: this is not a WARC archive")
            is_html, charset = _html_response(record)
            html += is_html
            payload, problem = b"", ""
            if is_html:
                try:
                    payload = record.content_stream().read(opts.max_bytes + 1)
                except (zlib.error, OSError, ValueError, EOFError) as exc:
                    problem = f"the record's content cannot be decoded ({exc})"
            _check_complete(record, number)
            if not is_html:
                continue
            if problem:
                yield Failure(f"{source}#{number}", problem)
                continue
            if len(payload) > opts.max_bytes:
                yield Failure(f"{source}#{number}", f"the record is larger than max_bytes "
                                                     f"({opts.max_bytes:,} bytes); raise [ingest] max_bytes")
                continue
            pages += 1
            yield Page(source=f"{source}#{number}", data=payload,
                       url=record.rec_headers.get_header("WARC-Target-URI"),
                       content_type=with_charset("text/html", charset),
                       fetched_at=record.rec_headers.get_header("WARC-Date"))
        if number == 0:
            raise SourceError("no WARC records found")
        if not _rest_is_blank(stream, iterator.offset):
            raise SourceError(f"the archive stops in the middle of record {number + 1}")
    except (SourceError, ArchiveLoadFailed, zlib.error, EOFError, ValueError) as exc:
        kept = f"; the {pages} page(s) before it were kept" if pages else ""
        yield Failure(source, f"truncated or corrupt WARC archive ({exc}){kept}; "
                              "download or copy the archive again")
        return
    if html == 0:
        yield Failure(source, f"the archive's {number} record(s) hold no HTML response with HTTP 200")
