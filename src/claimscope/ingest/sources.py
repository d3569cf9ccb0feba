"""Dispatch what the user names (files, folders, URLs, feeds, WARC, "-") to the right reader."""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

import httpx

from claimscope.config import Settings
from claimscope.errors import SourceError
from claimscope.ingest.feeds import iter_feed
from claimscope.ingest.options import IngestOptions, ingest_options
from claimscope.ingest.sniff import GZIP_MAGIC, is_warc_name, looks_like_feed, looks_like_warc, text_type
from claimscope.ingest.warc import iter_warc
from claimscope.ingest.web import Fetched, fetch, open_client
from claimscope.model import Failure, Page

Item = Page | Failure


def is_url(source: str) -> bool:
    """True when the source is an http(s) URL rather than a path."""
    return source.lower().startswith(("http://", "https://"))


def read_capped(stream: BinaryIO, limit: int, what: str) -> bytes:
    """Read at most `limit` bytes; raise SourceError when there is more, without reading it all."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise SourceError(f"{what} is larger than max_bytes ({limit:,} bytes); "
                          "raise [ingest] max_bytes in the settings to read it")
    return data


def gunzip_capped(stream: BinaryIO, limit: int) -> bytes:
    """Decompress a gzip stream up to `limit` bytes, refusing truncated or corrupt data."""
    try:
        with gzip.GzipFile(fileobj=stream, mode="rb") as fh:
            return read_capped(fh, limit, "decompressed content")  # type: ignore[arg-type]
    except EOFError as exc:
        raise SourceError("gzip data is truncated (the file ended early); download or copy it again") from exc
    except (gzip.BadGzipFile, zlib.error) as exc:
        raise SourceError(f"gzip data is corrupt ({exc}); download or copy it again") from exc


class _Web:
    """One httpx client per batch, opened only when a URL or feed item needs it."""

    def __init__(self, opts: IngestOptions) -> None:
        self._opts = opts
        self._client: httpx.Client | None = None

    def fetch(self, url: str) -> Fetched:
        """Fetch `url` with the batch's client (see web.fetch)."""
        if self._client is None:
            self._client = open_client(self._opts)
        return fetch(self._client, url, self._opts)

    def close(self) -> None:
        """Close the client if one was opened."""
        if self._client is not None:
            self._client.close()
            self._client = None


def _from_bytes(source: str, name: str, data: bytes, opts: IngestOptions, web: _Web) -> Iterator[Item]:
    """Dispatch bytes already read whole: a WARC archive, a feed, or one page."""
    if looks_like_warc(data):
        yield from iter_warc(source, io.BytesIO(data), opts)
    elif looks_like_feed(data):
        yield from iter_feed(source, data, opts, web.fetch)
    else:
        yield Page(source=source, data=data, content_type=text_type(name, data))


def _read_file(path: Path, opts: IngestOptions) -> bytes:
    """The file's bytes (decompressed for .gz), refusing files over max_bytes before reading them."""
    try:
        compressed = path.name.lower().endswith(".gz")
        size = path.stat().st_size
        if size > opts.max_bytes and not compressed:
            raise SourceError(f"the file is {size:,} bytes, over max_bytes ({opts.max_bytes:,}); "
                              "raise [ingest] max_bytes in the settings to read it")
        with path.open("rb") as fh:
            if compressed:
                return gunzip_capped(fh, opts.max_bytes)
            return read_capped(fh, opts.max_bytes, "the file")
    except PermissionError as exc:
        raise SourceError("permission denied; check the file's permissions") from exc
    except OSError as exc:
        raise SourceError(f"cannot read the file ({exc.strerror or exc})") from exc


def _warc_file(path: Path, opts: IngestOptions) -> Iterator[Item]:
    """Stream a WARC file record by record (max_bytes applies to each record, not the archive)."""
    try:
        with path.open("rb") as fh:
            yield from iter_warc(str(path), fh, opts)
    except OSError as exc:
        yield Failure(str(path), f"cannot read the file ({exc.strerror or exc})")


def _from_file(path: Path, opts: IngestOptions, web: _Web) -> Iterator[Item]:
    if is_warc_name(path.name):
        yield from _warc_file(path, opts)
        return
    try:
        data = _read_file(path, opts)
    except SourceError as exc:
        yield Failure(str(path), str(exc))
        return
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    yield from _from_bytes(str(path), name, data, opts, web)


def _walk(folder: Path) -> Iterator[Path]:
    """Files under `folder`, recursively, in sorted order, skipping hidden files and folders."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _from_path(source: str, opts: IngestOptions, web: _Web) -> Iterator[Item]:
    path = Path(source)
    if path.is_dir():
        found = False
        for child in _walk(path):
            found = True
            yield from _from_file(child, opts, web)
        if not found:
            yield Failure(source, "the folder holds no (non-hidden) files")
    elif path.exists():
        yield from _from_file(path, opts, web)
    else:
        yield Failure(source, "no such file or folder; check the path")


def _from_url(url: str, opts: IngestOptions, web: _Web) -> Iterator[Item]:
    try:
        got = web.fetch(url)
    except SourceError as exc:
        yield Failure(url, str(exc))
        return
    if got.kind == "feed":
        yield from iter_feed(url, got.data, opts, web.fetch, base_url=got.url, fetched_at=got.fetched_at)
    elif got.kind == "warc":
        yield from iter_warc(url, io.BytesIO(got.data), opts)
    else:
        yield Page(source=url, data=got.data, url=got.url, content_type=got.content_type,
                   fetched_at=got.fetched_at)


def _from_stdin(stdin: BinaryIO | None, opts: IngestOptions, web: _Web) -> Iterator[Item]:
    stream = stdin if stdin is not None else sys.stdin.buffer
    try:
        data = read_capped(stream, opts.max_bytes, "standard input")
        if data.startswith(GZIP_MAGIC):
            data = gunzip_capped(io.BytesIO(data), opts.max_bytes)
    except SourceError as exc:
        yield Failure("-", str(exc))
        return
    except OSError as exc:
        yield Failure("-", f"cannot read standard input ({exc})")
        return
    yield from _from_bytes("-", "-", data, opts, web)


def iter_pages(sources: Sequence[str], settings: Settings, *, allow_private: bool = False,
               stdin: BinaryIO | None = None) -> Iterator[Page | Failure]:
    """Yield one Page per readable input and one Failure per bad one; never stop the batch for one input.

    Sources are files (HTML, text, .gz), folders (recursive), URLs, RSS/Atom feeds (URL or file),
    WARC / WARC.gz files, or "-" for stdin. Feed items and WARC records each become their own Page.
    """
    opts = ingest_options(settings, allow_private=allow_private)
    web = _Web(opts)
    try:
        for source in sources:
            if source == "-":
                items = _from_stdin(stdin, opts, web)
            elif is_url(source):
                items = _from_url(source, opts, web)
            else:
                items = _from_path(source, opts, web)
            yield from _guarded(source, items)
    finally:
        web.close()


def _guarded(source: str, items: Iterator[Item]) -> Iterator[Item]:
    """Pass items on; a parser bug on hostile input becomes one Failure instead of ending the batch."""
    try:
        yield from items
    except Exception as exc:  # feedparser, warcio and gzip meet arbitrary bytes here
        yield Failure(source, f"unexpected {type(exc).__name__} while reading it: {exc}")
