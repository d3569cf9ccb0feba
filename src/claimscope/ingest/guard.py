"""Address guard: refuse to connect to private, loopback, link-local and other non-public addresses."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable

from claimscope.errors import BlockedAddressError, SourceError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, 6to4, Teredo, NAT64), if any."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def address_kind(ip: IPAddress) -> str | None:
    """Why `ip` is not a public address ("loopback", "private", ...), or None when it is public."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None:
            kind = address_kind(inner)
            return f"{kind} (IPv4 {inner} inside IPv6)" if kind else None
    checks = (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
        ("non-public", not ip.is_global),
    )
    for kind, hit in checks:
        if hit:
            return kind
    return None


def _trusted(ip: IPAddress, networks: Iterable[Network]) -> bool:
    candidates: list[IPAddress] = [ip]
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        candidates.append(ip.ipv4_mapped)
    return any(c.version == n.version and c in n for c in candidates for n in networks)


def check_address(ip: IPAddress, host: str, *, allow_private: bool,
                  allow_networks: Iterable[Network] = ()) -> None:
    """Raise BlockedAddressError unless `ip` is public, trusted in allow_networks, or private is allowed."""
    if allow_private or _trusted(ip, allow_networks):
        return
    kind = address_kind(ip)
    if kind is not None:
        shown = host if host == str(ip) else f"{host} ({ip})"
        raise BlockedAddressError(
            f"refused to connect to {shown}: it is a {kind} address; "
            "use --allow-private to fetch from your own network "
            "(or list the network in [ingest] allow_networks)")


def resolve(host: str, port: int) -> list[IPAddress]:
    """All addresses `host` resolves to, in the resolver's order (an IP literal resolves to itself)."""
    literal = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    try:
        return [ipaddress.ip_address(literal)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(literal, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise SourceError(f"cannot resolve host {host!r} ({exc}); check the URL and your network") from exc
    seen: list[IPAddress] = []
    for info in infos:
        # Drop any IPv6 zone ("fe80::1%eth0") before parsing.
        ip = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if ip not in seen:
            seen.append(ip)
    return seen


def checked_addresses(host: str, port: int, *, allow_private: bool,
                      allow_networks: Iterable[Network] = ()) -> list[IPAddress]:
    """Resolve `host` and check every address; one blocked address refuses the host (DNS tricks)."""
    networks = tuple(allow_networks)
    addresses = resolve(host, port)
    for ip in addresses:
        check_address(ip, host, allow_private=allow_private, allow_networks=networks)
    return addresses
