"""Fetch one URL with httpx: timeouts, size cap, checked redirects, content-type check, address guard.

The guard runs inside the connection layer: the host is resolved once, every address is checked, and the
socket is opened to a checked address. A DNS answer that changes between check and connect (rebinding)
therefore cannot reach a private address, and every redirect hop that opens a connection is checked.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from claimscope.errors import BlockedAddressError, SourceError
from claimscope.ingest.guard import checked_addresses
from claimscope.ingest.options import IngestOptions
from claimscope.ingest.sniff import looks_like_feed, looks_like_html, with_charset

_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_TEXT_TYPES = {"text/plain"}
_FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
               "text/xml", "application/feed+xml"}
_WARC_TYPES = {"application/warc"}
_UNTYPED = {"", "application/octet-stream", "binary/octet-stream", "application/gzip", "application/x-gzip"}
_REDIRECTS = {301, 302, 303, 307, 308}
_ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
           "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1")


@dataclass(frozen=True)
class Fetched:
    """One successful download."""

    url: str  # the final URL, after redirects
    data: bytes
    kind: str  # html | text | feed | warc
    content_type: str  # e.g. "text/html; charset=utf-8" (charset only when the server declared one)
    fetched_at: str  # ISO 8601 UTC


def utc_now() -> str:
    """The current time as ISO 8601 UTC with a Z suffix."""
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


class _GuardedBackend(httpcore.SyncBackend):
    """Opens TCP connections only to addresses the guard accepts."""

    def __init__(self, opts: IngestOptions) -> None:
        self._opts = opts

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None, socket_options: Iterable[Any] | None = None,
                    ) -> httpcore.NetworkStream:
        addresses = checked_addresses(host, port, allow_private=self._opts.allow_private,
                                      allow_networks=self._opts.allow_networks)
        last: Exception | None = None
        for ip in addresses:
            try:
                return super().connect_tcp(str(ip), port, timeout=timeout, local_address=local_address,
                                           socket_options=socket_options)
            except httpcore.ConnectError as exc:
                last = exc
        raise last if last else httpcore.ConnectError(f"no address for {host}")


class _Stream(httpx.SyncByteStream):
    def __init__(self, stream: Iterable[bytes]) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        yield from self._stream

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()


class _GuardedTransport(httpx.BaseTransport):
    """httpx transport over an httpcore pool whose sockets go through the address guard."""

    def __init__(self, opts: IngestOptions) -> None:
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(),
                                             network_backend=_GuardedBackend(opts), max_connections=10)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, Iterable)
        req = httpcore.Request(
            method=request.method,
            url=httpcore.URL(scheme=request.url.raw_scheme, host=request.url.raw_host,
                             port=request.url.port, target=request.url.raw_path),
            headers=request.headers.raw, content=request.stream, extensions=request.extensions)
        resp = self._pool.handle_request(req)
        assert isinstance(resp.stream, Iterable)
        return httpx.Response(status_code=resp.status, headers=resp.headers, stream=_Stream(resp.stream),
                              extensions=resp.extensions)

    def close(self) -> None:
        self._pool.close()


def open_client(opts: IngestOptions) -> httpx.Client:
    """An httpx client that never follows redirects itself and ignores proxy environment variables."""
    return httpx.Client(transport=_GuardedTransport(opts), timeout=httpx.Timeout(opts.timeout_seconds),
                        follow_redirects=False, trust_env=False,
                        headers={"User-Agent": opts.user_agent, "Accept": _ACCEPT})


def _media_kind(media: str, url: str) -> str | None:
    """html | text | feed | warc from the declared type; "sniff" when it says nothing; None when refused."""
    if media in _WARC_TYPES or (media in _UNTYPED and urlsplit(url).path.lower().endswith((".warc", ".warc.gz"))):
        return "warc"
    if media in _HTML_TYPES:
        return "html"
    if media in _FEED_TYPES or media.endswith("+xml"):
        return "feed"
    if media in _TEXT_TYPES:
        return "text"
    return "sniff" if media in _UNTYPED else None


def _body_kind(kind: str, data: bytes) -> str | None:
    """Correct the declared kind by the body: feeds served as text or HTML, XHTML served as XML."""
    if kind == "warc":
        return kind
    if looks_like_feed(data):
        return "feed"
    if kind in ("sniff", "feed") and looks_like_html(data):
        return "html"
    return None if kind == "sniff" else kind


def _read_body(resp: httpx.Response, opts: IngestOptions, deadline: float) -> bytes:
    declared = resp.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > opts.max_bytes:
        raise SourceError(f"the server announces {int(declared):,} bytes, over max_bytes "
                          f"({opts.max_bytes:,}); raise [ingest] max_bytes in the settings to fetch it")
    chunks: list[bytes] = []
    total = 0
    for chunk in resp.iter_bytes():
        total += len(chunk)
        if total > opts.max_bytes:
            raise SourceError(f"the response is larger than max_bytes ({opts.max_bytes:,} bytes); "
                              "raise [ingest] max_bytes in the settings to fetch it")
        if time.monotonic() > deadline:
            raise SourceError(f"the download took longer than {opts.timeout_seconds:g} s; the site is slow: "
                              "try again later or raise [ingest] timeout_seconds")
        chunks.append(chunk)
    return b"".join(chunks)


def _one_hop(client: httpx.Client, url: str, opts: IngestOptions, deadline: float) -> Fetched | str:
    """Fetch `url`; return the next URL when the server redirects."""
    with client.stream("GET", url) as resp:
        if resp.status_code in _REDIRECTS and resp.headers.get("location"):
            return urljoin(url, resp.headers["location"])
        if resp.status_code != 200:
            raise SourceError(f"the server answered HTTP {resp.status_code} {resp.reason_phrase}".rstrip()
                              + "; check the URL")
        header = resp.headers.get("content-type", "")
        media = header.split(";", 1)[0].strip().lower()
        declared = _media_kind(media, url)
        if declared is None:
            raise SourceError(f"the server sent content type {media!r}, which is not a web page, plain text, "
                              "feed or WARC archive")
        data = _read_body(resp, opts, deadline)
        kind = _body_kind(declared, data)
        if kind is None:
            raise SourceError(f"the server sent content type {media or 'none'!r} and the body does not look "
                              "like a web page or feed")
        media = {"html": "text/html", "text": "text/plain"}.get(kind, media or "application/octet-stream")
        return Fetched(url=url, data=data, kind=kind, content_type=with_charset(media, resp.charset_encoding),
                       fetched_at=utc_now())


def _check_scheme(url: str) -> None:
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise SourceError(f"only http and https URLs can be fetched, not {url!r}")


def fetch(client: httpx.Client, url: str, opts: IngestOptions) -> Fetched:
    """Download `url`, following at most max_redirects redirects, each checked like the first request.

    Raises SourceError (BlockedAddressError for private addresses) with a message saying what to do.
    """
    deadline = time.monotonic() + opts.timeout_seconds
    current = url
    try:
        for _hop in range(opts.max_redirects + 1):
            _check_scheme(current)
            result = _one_hop(client, current, opts, deadline)
            if isinstance(result, Fetched):
                return result
            current = result
    except BlockedAddressError as exc:
        if current == url:
            raise
        raise BlockedAddressError(f"{exc} (the URL redirected to {current})") from exc
    except (httpx.TimeoutException, httpcore.TimeoutException) as exc:
        raise SourceError(f"timed out after {opts.timeout_seconds:g} s fetching {current}; the site is slow "
                          "or down: try again later or raise [ingest] timeout_seconds") from exc
    except (httpx.ConnectError, httpcore.ConnectError) as exc:
        raise SourceError(f"cannot connect to {urlsplit(current).netloc} ({exc or 'connection failed'}); "
                          "check the URL and your network") from exc
    except (httpx.HTTPError, httpcore.NetworkError, httpcore.ProtocolError, httpx.InvalidURL) as exc:
        raise SourceError(f"fetching {current} failed ({type(exc).__name__}: {exc}); "
                          "check the URL or try again later") from exc
    raise SourceError(f"more than {opts.max_redirects} redirects (last to {current}); the site redirects "
                      "in a loop or too often: open the final URL directly or raise [ingest] max_redirects")
