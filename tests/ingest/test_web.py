"""URLs: fetch, address guard before and after redirects, redirect limit, content type, size, timeout."""

from __future__ import annotations

import socket

import pytest

from .helpers import article, collect


def test_url_fetch_gives_a_page_with_url_type_and_time(http_server, settings) -> None:
    url = http_server.add("/story", article())
    pages, failures = collect([url], settings())
    assert failures == []
    page = pages[0]
    assert (page.source, page.url) == (url, url)
    assert page.data == article().encode("utf-8")
    assert page.content_type == "text/html; charset=utf-8"
    assert page.fetched_at and page.fetched_at.endswith("Z")


def test_plain_text_url_is_text_plain(http_server, settings) -> None:
    url = http_server.add("/story.txt", "Saved text of a story.", content_type="text/plain")
    pages, _ = collect([url], settings())
    assert pages[0].content_type == "text/plain"


def test_private_url_is_refused_without_connecting(http_server, settings) -> None:
    url = http_server.add("/story", article())
    pages, failures = collect([url], settings(allow_networks=[]))
    assert pages == []
    assert "loopback" in failures[0].reason and "--allow-private" in failures[0].reason
    assert http_server.hits == []


def test_allow_private_flag_fetches_from_the_local_network(http_server, settings) -> None:
    url = http_server.add("/story", article())
    pages, failures = collect([url], settings(allow_networks=[]), allow_private=True)
    assert failures == [] and len(pages) == 1


def test_redirect_is_followed_and_the_final_url_kept(http_server, settings) -> None:
    final = http_server.add("/final", article())
    start = http_server.redirect("/moved", "/final", status=301)
    pages, failures = collect([start], settings())
    assert failures == []
    assert (pages[0].source, pages[0].url) == (start, final)


def test_redirect_to_loopback_is_refused_before_connecting(http_server, server_on, settings) -> None:
    other = server_on("127.0.0.2")
    other.add("/", article())
    start = http_server.redirect("/go", other.url("/"))
    pages, failures = collect([start], settings())
    assert pages == []
    assert failures[0].source == start
    assert "127.0.0.2" in failures[0].reason and "loopback" in failures[0].reason
    assert f"redirected to {other.url('/')}" in failures[0].reason
    assert "--allow-private" in failures[0].reason
    assert other.hits == []  # refused by the guard, not by a closed port


@pytest.mark.parametrize("target", ["http://[::1]:{port}/", "http://169.254.169.254/latest/meta-data/",
                                    "http://10.0.0.1/", "http://[::ffff:7f00:2]:{port}/"])
def test_redirect_to_a_private_address_is_refused(http_server, settings, target: str) -> None:
    start = http_server.redirect("/go", target.format(port=http_server.port))
    pages, failures = collect([start], settings())
    assert pages == []
    assert failures[0].reason.startswith("refused to connect to")
    assert http_server.hits == ["/go"]


def test_too_many_redirects_are_refused(http_server, settings) -> None:
    for n in range(4):
        http_server.redirect(f"/r{n}", f"/r{n + 1}")
    http_server.add("/r4", article())
    pages, _ = collect([http_server.url("/r1")], settings(max_redirects=3))
    assert len(pages) == 1  # exactly three redirects is within the limit
    pages, failures = collect([http_server.url("/r0")], settings(max_redirects=3))
    assert pages == []
    assert "more than 3 redirects" in failures[0].reason


def test_wrong_content_type_is_refused(http_server, settings) -> None:
    url = http_server.add("/report.pdf", b"%PDF-1.7 ...", content_type="application/pdf")
    pages, failures = collect([url], settings())
    assert pages == []
    assert "'application/pdf'" in failures[0].reason


def test_oversized_body_is_refused_from_its_content_length(http_server, settings) -> None:
    url = http_server.add("/big", article() * 50)
    pages, failures = collect([url], settings(max_bytes=2000))
    assert pages == []
    assert "announces" in failures[0].reason and "max_bytes" in failures[0].reason


def test_oversized_body_without_length_is_cut_off_while_streaming(http_server, settings) -> None:
    url = http_server.add("/big", article() * 50, send_length=False)
    pages, failures = collect([url], settings(max_bytes=2000))
    assert pages == []
    assert "larger than max_bytes" in failures[0].reason


def test_slow_response_times_out(http_server, settings) -> None:
    url = http_server.add("/slow", article(), delay=2.0)
    pages, failures = collect([url], settings(timeout_seconds=0.3))
    assert pages == []
    assert "timed out" in failures[0].reason and "timeout_seconds" in failures[0].reason


def test_unreachable_url_is_one_failure_and_the_batch_goes_on(http_server, closed_port, settings) -> None:
    good = http_server.add("/story", article())
    dead = f"http://127.0.0.1:{closed_port}/story"
    pages, failures = collect([dead, good], settings())
    assert [p.source for p in pages] == [good]
    assert failures[0].source == dead and "cannot connect" in failures[0].reason


def test_http_error_status_is_a_failure(http_server, settings) -> None:
    pages, failures = collect([http_server.url("/missing")], settings())
    assert pages == []
    assert "HTTP 404" in failures[0].reason


def test_hostname_connects_to_the_address_it_was_checked_for(http_server, monkeypatch, settings) -> None:
    real = socket.getaddrinfo
    calls: list[str] = []

    def fake_getaddrinfo(host, port, *args, **kwargs):
        if host == "news.test":
            calls.append(host)
            # A rebinding resolver: the first answer is trusted, later ones point elsewhere.
            ip = "127.0.0.1" if len(calls) == 1 else "10.0.0.1"
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    http_server.add("/story", article())
    pages, failures = collect([f"http://news.test:{http_server.port}/story"], settings())
    assert failures == [] and len(pages) == 1
    assert calls == ["news.test"]  # resolved once; the socket went to the checked address


def test_https_to_the_checked_address_still_verifies_the_hostname(tmp_path, monkeypatch, settings) -> None:
    import shutil
    import subprocess

    from support.httpserver import serving

    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed, so no test certificate can be made")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
                    "-out", str(cert), "-days", "1", "-subj", "/CN=news.test",
                    "-addext", "subjectAltName=DNS:news.test"], check=True, capture_output=True)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    real = socket.getaddrinfo

    def fake_getaddrinfo(host, port, *args, **kwargs):
        return real("127.0.0.1" if host in ("news.test", "other.test") else host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    with serving("127.0.0.1", tls=(str(cert), str(key))) as server:
        server.add("/story", article())
        pages, failures = collect([f"https://news.test:{server.port}/story",
                                   f"https://other.test:{server.port}/story"], settings())
    assert [p.source for p in pages] == [f"https://news.test:{server.port}/story"]
    assert "certificate" in failures[0].reason  # the name is checked although the socket went to an IP
