"""Dispatch what the user names (files, folders, URLs, feeds, WARC, "-") to the right reader."""

from __future__ import annotations

import gzip
import io
import os
import re
import sys
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from claimscope.config import Settings
from claimscope.errors import SourceError
from claimscope.ingest.options import IngestOptions, ingest_options
from claimscope.model import Failure, Page

Item = Page | Failure

_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"}
_TEXT_SUFFIXES = {".txt", ".text", ".md"}
_HTML_SNIFF = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]|<p[\s>]|<div[\s>]",
                         re.IGNORECASE)
_GZIP_MAGIC = b"\x1f\x8b"


def is_url(source: str) -> bool:
    """True when the source is an http(s) URL rather than a path."""
    return source.lower().startswith(("http://", "https://"))


def sniff_content_type(name: str, data: bytes) -> str:
    """text/html or text/plain, from the name's suffix, else from the first bytes."""
    suffix = Path(name).suffix.lower()
    if suffix in _HTML_SUFFIXES:
        return "text/html"
    if suffix in _TEXT_SUFFIXES:
        return "text/plain"
    return "text/html" if _HTML_SNIFF.search(data[:4096]) else "text/plain"


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


def _read_file(path: Path, opts: IngestOptions) -> Page:
    try:
        size = path.stat().st_size
        if size > opts.max_bytes and not path.name.lower().endswith(".gz"):
            raise SourceError(f"file is {size:,} bytes, over max_bytes ({opts.max_bytes:,}); "
                              "raise [ingest] max_bytes in the settings to read it")
        with path.open("rb") as fh:
            if path.name.lower().endswith(".gz"):
                data = gunzip_capped(fh, opts.max_bytes)
                inner = path.name[:-3]
            else:
                data = read_capped(fh, opts.max_bytes, "file")
                inner = path.name
    except PermissionError as exc:
        raise SourceError("permission denied; check the file's permissions") from exc
    except OSError as exc:
        raise SourceError(f"cannot read file ({exc.strerror or exc})") from exc
    return Page(source=str(path), data=data, content_type=sniff_content_type(inner, data))


def _walk(folder: Path) -> Iterator[Path]:
    """Files under `folder`, recursively, in sorted order, skipping hidden files and folders."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _from_path(source: str, opts: IngestOptions) -> Iterator[Item]:
    path = Path(source)
    if path.is_dir():
        found = False
        for child in _walk(path):
            found = True
            yield from _from_file(child, opts)
        if not found:
            yield Failure(source, "folder holds no (non-hidden) files")
    elif path.exists():
        yield from _from_file(path, opts)
    else:
        yield Failure(source, "no such file or folder; check the path")


def _from_file(path: Path, opts: IngestOptions) -> Iterator[Item]:
    try:
        yield _read_file(path, opts)
    except SourceError as exc:
        yield Failure(str(path), str(exc))


def _from_stdin(stdin: BinaryIO | None, opts: IngestOptions) -> Iterator[Item]:
    stream = stdin if stdin is not None else sys.stdin.buffer
    try:
        data = read_capped(stream, opts.max_bytes, "standard input")
        if data.startswith(_GZIP_MAGIC):
            data = gunzip_capped(io.BytesIO(data), opts.max_bytes)
    except SourceError as exc:
        yield Failure("-", str(exc))
        return
    except OSError as exc:
        yield Failure("-", f"cannot read standard input ({exc})")
        return
    yield Page(source="-", data=data, content_type=sniff_content_type("-", data))


def iter_pages(sources: Sequence[str], settings: Settings, *, allow_private: bool = False,
               stdin: BinaryIO | None = None) -> Iterator[Page | Failure]:
    """Yield one Page per readable input and one Failure per bad one; never stop the batch for one input.

    Sources are files (HTML, text, .gz), folders (recursive), URLs, RSS/Atom feeds, WARC files or "-".
    """
    opts = ingest_options(settings, allow_private=allow_private)
    for source in sources:
        if source == "-":
            yield from _from_stdin(stdin, opts)
        elif is_url(source):
            yield Failure(source, "URLs are not supported yet")
        else:
            yield from _from_path(source, opts)
