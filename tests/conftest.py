"""Fixtures shared by the whole suite."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from contextlib import ExitStack

import pytest

from support.httpserver import LocalServer, serving


@pytest.fixture
def http_server() -> Iterator[LocalServer]:
    """A local HTTP server on 127.0.0.1 (ephemeral port); register routes with .add() and .redirect()."""
    with serving("127.0.0.1") as server:
        yield server


@pytest.fixture
def server_on() -> Iterator[Callable[[str], LocalServer]]:
    """Start extra servers on other local addresses, e.g. server_on("127.0.0.2"); all stop at teardown."""
    with ExitStack() as stack:
        def start(host: str) -> LocalServer:
            try:
                return stack.enter_context(serving(host))
            except OSError as exc:
                pytest.skip(f"cannot listen on {host} here ({exc})")
        yield start


@pytest.fixture
def closed_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
