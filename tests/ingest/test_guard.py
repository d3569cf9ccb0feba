"""The address guard on its own: which addresses are refused, and how to allow them."""

from __future__ import annotations

import ipaddress
import socket

import pytest

from claimscope.errors import BlockedAddressError
from claimscope.ingest.guard import address_kind, check_address, checked_addresses


@pytest.mark.parametrize("address", [
    "127.0.0.1", "127.0.0.2", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1",
    "0.0.0.0", "224.0.0.1", "240.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "ff02::1",
    "::ffff:127.0.0.1", "::ffff:10.0.0.1", "2002:7f00:1::", "64:ff9b::a00:1",
])
def test_non_public_addresses_are_refused(address: str) -> None:
    ip = ipaddress.ip_address(address)
    assert address_kind(ip) is not None
    with pytest.raises(BlockedAddressError, match="--allow-private"):
        check_address(ip, address, allow_private=False)


@pytest.mark.parametrize("address", ["93.184.215.14", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_pass(address: str) -> None:
    ip = ipaddress.ip_address(address)
    assert address_kind(ip) is None
    check_address(ip, address, allow_private=False)


def test_allow_networks_trusts_exactly_the_listed_networks() -> None:
    trusted = [ipaddress.ip_network("127.0.0.1/32")]
    check_address(ipaddress.ip_address("127.0.0.1"), "x", allow_private=False, allow_networks=trusted)
    check_address(ipaddress.ip_address("::ffff:127.0.0.1"), "x", allow_private=False, allow_networks=trusted)
    with pytest.raises(BlockedAddressError):
        check_address(ipaddress.ip_address("127.0.0.2"), "x", allow_private=False, allow_networks=trusted)


def test_allow_private_lets_every_address_through() -> None:
    for address in ("127.0.0.1", "10.0.0.1", "::1", "169.254.169.254"):
        check_address(ipaddress.ip_address(address), address, allow_private=True)


def test_a_host_with_one_private_address_among_public_ones_is_refused(monkeypatch) -> None:
    def fake_getaddrinfo(host, port, *args, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port)) for ip in ("1.1.1.1", "10.0.0.1")]
    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    with pytest.raises(BlockedAddressError, match=r"news\.test \(10\.0\.0\.1\).*private"):
        checked_addresses("news.test", 80, allow_private=False)
