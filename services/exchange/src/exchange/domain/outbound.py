"""Where the hub may call out (出站策略): provider endpoints of proxied resources and subscribers' webhooks.

Both are URLs that members hand the hub, so both could aim the hub's own network position at systems no member may
reach: the loopback interface, the cloud metadata service, the department networks behind the hub. The rules:

- **Scheme**: https, or also http in the dev environment.
- **Address**: an address is refused when it is loopback, unspecified, private (RFC 1918), shared address space
  (100.64.0.0/10), link-local, unique-local, site-local, multicast, reserved or documentation space, an
  IPv4-mapped or IPv4-compatible IPv6 address, or a 6to4 / NAT64 address embedding a refused IPv4 address —
  unless the mesh's allowlist (:class:`AllowEntry`, kept by operators) admits it. Every numeric spelling of an
  IPv4 address (``127.1``, ``2130706433``, ``0x7f000001``, ``017700000001``) is read as the address it names, and
  ``localhost`` names are loopback.
- **Whose host**: a provider's endpoint must be on a host listed for that provider (:class:`EndpointHost`, kept
  by operators per member).

This module only classifies; the check that counts happens when the connection is made, on the address actually
connected to (``exchange.clients.outbound``), since a name may resolve anywhere later.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address, ip_network

from yarl import URL

__all__ = [
    "KIND_LABELS",
    "REFUSED_BY_POLICY",
    "UNREACHABLE",
    "AllowEntry",
    "EndpointHost",
    "IPAddress",
    "MalformedHost",
    "OutboundPolicy",
    "UrlRefusal",
    "answered",
    "endpoint_admitted",
    "forbidden_kind",
    "kind_label",
    "literal_address",
    "parse_url",
]

IPAddress = IPv4Address | IPv6Address

# What is recorded for a call that failed (a subscription's backlog, a failed proxied read): nothing that tells
# which address or port answered, only whether policy refused it, nobody could be reached, or the status class.
REFUSED_BY_POLICY = "拒绝：目标地址不符合出站策略 (refused by policy)"
UNREACHABLE = "无法连接 (unreachable)"


def answered(status: int) -> str:
    """What is recorded for a peer that answered with an unusable status: its class only."""
    return f"对方应答 {status // 100}xx (peer answered {status // 100}xx)"


KIND_LABELS = {
    "unspecified": "未指定地址 (unspecified)",
    "loopback": "回环地址 (loopback)",
    "private": "内网地址 (private)",
    "shared": "运营商共享地址 (shared address space)",
    "link_local": "链路本地地址 (link-local)",
    "unique_local": "IPv6 唯一本地地址 (unique-local)",
    "multicast": "组播地址 (multicast)",
    "reserved": "保留地址 (reserved)",
    "ipv4_mapped": "IPv4 映射的 IPv6 地址 (IPv4-mapped)",
    "ipv4_compatible": "IPv4 兼容的 IPv6 地址 (IPv4-compatible)",
}


def _v4(text: str) -> IPv4Network:
    return IPv4Network(text)


def _v6(text: str) -> IPv6Network:
    return IPv6Network(text)


_V4_REFUSED: tuple[tuple[IPv4Network, str], ...] = (
    (_v4("0.0.0.0/8"), "unspecified"),
    (_v4("10.0.0.0/8"), "private"),
    (_v4("100.64.0.0/10"), "shared"),
    (_v4("127.0.0.0/8"), "loopback"),
    (_v4("169.254.0.0/16"), "link_local"),
    (_v4("172.16.0.0/12"), "private"),
    (_v4("192.0.0.0/24"), "reserved"),  # IETF protocol assignments
    (_v4("192.0.2.0/24"), "reserved"),  # documentation
    (_v4("192.88.99.0/24"), "reserved"),  # 6to4 relay anycast
    (_v4("192.168.0.0/16"), "private"),
    (_v4("198.18.0.0/15"), "reserved"),  # benchmarking
    (_v4("198.51.100.0/24"), "reserved"),
    (_v4("203.0.113.0/24"), "reserved"),
    (_v4("224.0.0.0/4"), "multicast"),
    (_v4("240.0.0.0/4"), "reserved"),  # including the broadcast address
)
_V6_REFUSED: tuple[tuple[IPv6Network, str], ...] = (
    (_v6("::/128"), "unspecified"),
    (_v6("::1/128"), "loopback"),
    (_v6("::ffff:0:0/96"), "ipv4_mapped"),
    (_v6("::/96"), "ipv4_compatible"),
    (_v6("64:ff9b:1::/48"), "reserved"),  # local-use NAT64
    (_v6("100::/64"), "reserved"),  # discard-only
    (_v6("2001::/23"), "reserved"),  # IETF protocol assignments, Teredo included
    (_v6("2001:db8::/32"), "reserved"),  # documentation
    (_v6("3fff::/20"), "reserved"),  # documentation
    (_v6("fc00::/7"), "unique_local"),
    (_v6("fe80::/10"), "link_local"),
    (_v6("fec0::/10"), "private"),  # site-local (deprecated)
    (_v6("ff00::/8"), "multicast"),
)
_NAT64 = _v6("64:ff9b::/96")
_GLOBAL_UNICAST = _v6("2000::/3")


def forbidden_kind(address: IPAddress) -> str | None:
    """Why the hub may not call this address (a key of :data:`KIND_LABELS`, 6to4 and NAT64 addresses as
    ``6to4:<kind>`` / ``nat64:<kind>``), or None for a public address."""
    if isinstance(address, IPv4Address):
        for network, kind in _V4_REFUSED:
            if address in network:
                return kind
        return None if address.is_global else "reserved"
    address = IPv6Address(address.compressed.split("%")[0])  # the zone of a scoped address changes nothing
    if address in _NAT64:
        embedded = forbidden_kind(IPv4Address(int(address) & 0xFFFFFFFF))
        return f"nat64:{embedded}" if embedded else None
    if address.sixtofour is not None:
        embedded = forbidden_kind(address.sixtofour)
        return f"6to4:{embedded}" if embedded else None
    for v6_network, kind in _V6_REFUSED:
        if address in v6_network:
            return kind
    if address not in _GLOBAL_UNICAST:
        return "reserved"
    return None


def kind_label(kind: str) -> str:
    """A person's words for a :func:`forbidden_kind`."""
    prefix, _, inner = kind.rpartition(":")
    label = KIND_LABELS.get(inner, inner)
    return f"{prefix} 内嵌的{label}" if prefix else label


_NUMBER = re.compile(r"^(0[xX][0-9a-fA-F]*|[0-9]+)$")
_LABEL = re.compile(r"^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$")


def _ipv4_number(part: str) -> int | None:
    """One dotted part as inet_aton and the WHATWG URL standard read it: 0x hex, leading-zero octal, decimal."""
    if not _NUMBER.match(part):
        return None
    if part[:2].lower() == "0x":
        return int(part[2:] or "0", 16)
    if len(part) > 1 and part.startswith("0"):
        return int(part, 8) if all(c in "01234567" for c in part) else None
    return int(part)


class MalformedHost(ValueError):
    """A host that is neither a valid name nor an address (e.g. ``1.2.3.999``: numeric, but no IPv4 address)."""


def literal_address(host: str) -> IPAddress | None:
    """The address a URL host names literally, in any spelling (``127.1``, ``2130706433``, ``0x7f000001``,
    ``017700000001``, ``[::ffff:127.0.0.1]``); None for a name. Raises :class:`MalformedHost` for a host whose
    last label is a number but which spells no IPv4 address (as a browser would refuse it)."""
    host = host.strip("[]")
    if ":" in host:
        try:
            return ip_address(host)
        except ValueError as exc:
            raise MalformedHost(host) from exc
    parts = host.split(".")
    if len(parts) > 1 and parts[-1] == "":
        parts.pop()  # a fully qualified name's trailing dot
    if not parts or not _NUMBER.match(parts[-1]):
        return None
    numbers = [_ipv4_number(part) for part in parts]
    if len(numbers) > 4 or any(n is None for n in numbers):
        raise MalformedHost(host)
    *head, last = [n for n in numbers if n is not None]
    if any(n > 255 for n in head) or last >= 256 ** (5 - len(numbers)):
        raise MalformedHost(host)
    value = last
    for index, number in enumerate(head):
        value += number << (8 * (3 - index))
    return IPv4Address(value)


def _is_loopback_name(name: str) -> bool:
    name = name.rstrip(".")
    return name == "localhost" or name.endswith(".localhost")  # RFC 6761: always the loopback interface


def _valid_name(name: str) -> bool:
    labels = name.rstrip(".").split(".")
    return len(name) <= 253 and all(_LABEL.match(label) for label in labels)


@dataclass(frozen=True)
class AllowEntry:
    """An address or network the mesh may reach although it is internal, optionally on one port only.

    Written ``10.20.0.0/16``, ``10.20.3.4``, ``127.0.0.1:8810``, ``::1`` or ``[::1]:8810`` (``EXCHANGE_OUTBOUND_
    ALLOW``). Addresses only, never names: the entry must hold for the address actually connected to, whatever a
    name resolves to at the time."""

    network: IPv4Network | IPv6Network
    port: int | None = None

    @classmethod
    def parse(cls, text: str) -> AllowEntry:
        text = text.strip()
        try:
            if "/" in text:
                return cls(ip_network(text))
            return cls(ip_network(ip_address(text)))
        except ValueError:
            pass
        try:
            url = URL(f"//{text}")
            host, port = url.host, url.explicit_port
            if host is None or port is None or url.raw_path not in ("", "/") or url.user is not None:
                raise ValueError(text)
            return cls(ip_network(ip_address(host)), port)
        except ValueError as exc:
            raise ValueError(
                f"出站白名单条目 {text!r} 须为 IP 地址、网段 (CIDR) 或 地址:端口 (address, CIDR or address:port)"
            ) from exc

    def admits(self, address: IPAddress, port: int | None) -> bool:
        if address.version != self.network.version or address not in self.network:
            return False
        return self.port is None or self.port == port

    def __str__(self) -> str:
        host = str(self.network.network_address) if self.network.num_addresses == 1 else str(self.network)
        if self.port is None:
            return host
        return f"[{host}]:{self.port}" if self.network.version == 6 else f"{host}:{self.port}"


@dataclass(frozen=True)
class UrlRefusal:
    """Why a URL may not be called, for the person who entered it (registration answers with it)."""

    reason: str  # scheme, credentials, no_host, malformed_host, or a forbidden_kind
    message: str


def parse_url(text: str) -> URL | None:
    """The URL, or None when it does not parse."""
    try:
        return URL(text)
    except (ValueError, TypeError):
        return None


@dataclass(frozen=True)
class OutboundPolicy:
    """The mesh's outbound rules: which schemes, and which internal addresses its operators allowed anyway."""

    https_only: bool
    allow: tuple[AllowEntry, ...] = ()

    @classmethod
    def of(cls, entries: Iterable[str], *, https_only: bool) -> OutboundPolicy:
        return cls(https_only=https_only, allow=tuple(AllowEntry.parse(entry) for entry in entries))

    def refused_address(self, address: IPAddress, port: int | None) -> str | None:
        """Why the hub may not connect to ``address``:``port`` (a forbidden kind), or None."""
        kind = forbidden_kind(address)
        if kind is None or any(entry.admits(address, port) for entry in self.allow):
            return None
        mapped = address.ipv4_mapped if isinstance(address, IPv6Address) else None
        if mapped is not None and any(entry.admits(mapped, port) for entry in self.allow):
            return None  # a dual-stack socket reaches the IPv4 address: its entry admits the mapped spelling
        return kind

    def refused_url(self, text: str) -> UrlRefusal | None:
        """What is wrong with the URL as written, without resolving any name: scheme, credentials, a host that
        is no host, a loopback name, a refused address in any spelling. None when it may be tried (the address
        it resolves to is checked again at connection time)."""
        return _refused_url(self, text)


@lru_cache(maxsize=1024)  # every proxied read asks, for the few endpoints there are
def _refused_url(policy: OutboundPolicy, text: str) -> UrlRefusal | None:
    url = parse_url(text)
    schemes = ("https",) if policy.https_only else ("https", "http")
    if url is None or url.scheme not in schemes:
        return UrlRefusal("scheme", f"地址须以 {' 或 '.join(s + '://' for s in schemes)} 开头")
    if not url.is_absolute() or not url.host:
        return UrlRefusal("no_host", "地址缺少主机名 (no host)")
    if url.user is not None or url.password is not None:
        return UrlRefusal("credentials", "地址中不得包含用户名或密码 (no credentials in the URL)")
    host = url.host
    try:
        address = literal_address(host)
    except MalformedHost:
        return UrlRefusal("malformed_host", "主机名无效 (invalid host)")
    if address is None:
        if not _valid_name(url.raw_host or ""):
            return UrlRefusal("malformed_host", "主机名无效 (invalid host)")
        if _is_loopback_name(host):
            return UrlRefusal("loopback", f"不得指向{KIND_LABELS['loopback']}")
        return None
    kind = policy.refused_address(address, url.port)
    if kind is not None:
        return UrlRefusal(kind, f"不得指向{kind_label(kind)}")
    return None


@dataclass(frozen=True)
class EndpointHost:
    """A host a member's provider endpoints may point at: ``host`` (any port) or ``host:port``; a DNS name or an
    address, compared in canonical form (lower case, IDNA, one spelling per address)."""

    host: str
    port: int | None = None

    @classmethod
    def parse(cls, text: str) -> EndpointHost:
        url = parse_url(f"https://{text.strip()}")
        if (
            url is None
            or not url.host
            or url.raw_path not in ("", "/")
            or url.query_string
            or url.fragment
            or url.user is not None
        ):
            raise ValueError(f"{text!r} 不是主机名或 主机名:端口 (host or host:port)")
        host = _canonical_host(url.raw_host or "")
        if host is None:
            raise ValueError(f"{text!r} 不是有效的主机名 (invalid host)")
        return cls(host, url.explicit_port)

    @classmethod
    def of_url(cls, text: str) -> EndpointHost:
        """The entry that admits exactly this URL's host and port."""
        url = parse_url(text)
        host = _canonical_host(url.raw_host or "") if url is not None else None
        if url is None or host is None:
            raise ValueError(f"{text!r} 不是有效的地址")
        return cls(host, url.port)

    def admits(self, text: str) -> bool:
        target = _host_and_port(text)
        return target is not None and target[0] == self.host and self.port in (None, target[1])

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port is None else f"{host}:{self.port}"


@lru_cache(maxsize=1024)  # every proxied read asks, for the few endpoints there are
def _host_and_port(text: str) -> tuple[str, int | None] | None:
    """The URL's canonical host and its port (explicit or the scheme's), or None."""
    url = parse_url(text)
    host = _canonical_host(url.raw_host or "") if url is not None else None
    return None if url is None or host is None else (host, url.port)


def _canonical_host(raw_host: str) -> str | None:
    """One spelling per host: the address for any spelling of one, else the lower-case IDNA name without its
    trailing dot; None for a host that is neither."""
    try:
        address = literal_address(raw_host)
    except MalformedHost:
        return None
    if address is not None:
        return address.compressed
    name = raw_host.lower().rstrip(".")
    return name if name and _valid_name(name) else None


def endpoint_admitted(url: str, hosts: Iterable[EndpointHost]) -> bool:
    """Is ``url`` on one of a member's endpoint hosts?"""
    return any(host.admits(url) for host in hosts)
