"""The outbound policy as a pure rule: every spelling of an internal address is one, names are not resolved here,
and the operators' allowlists admit exactly what they list."""

import socket
from ipaddress import ip_address

import pytest

from exchange.clients.outbound import OutboundRefused, guarded_socket
from exchange.domain.outbound import (
    AllowEntry,
    EndpointHost,
    MalformedHost,
    OutboundPolicy,
    endpoint_admitted,
    forbidden_kind,
    literal_address,
)

pytestmark = pytest.mark.unit

STRICT = OutboundPolicy(https_only=True)
DEV = OutboundPolicy(https_only=False)


@pytest.mark.parametrize(
    ("host", "address"),
    [
        ("127.0.0.1", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("2130706433", "127.0.0.1"),
        ("0x7f000001", "127.0.0.1"),
        ("0X7F000001", "127.0.0.1"),
        ("017700000001", "127.0.0.1"),
        ("0x7f.1", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("127.0.0.1.", "127.0.0.1"),
        ("127.0.1", "127.0.0.1"),
        ("0", "0.0.0.0"),
        ("0x", "0.0.0.0"),
        ("0xa9fea9fe", "169.254.169.254"),
        ("2852039166", "169.254.169.254"),
        ("[::1]", "::1"),
        ("::ffff:7f00:1", "::ffff:127.0.0.1"),
        ("[::ffff:127.0.0.1]", "::ffff:127.0.0.1"),
        ("fe80::1%eth0", "fe80::1%eth0"),
    ],
)
def test_every_numeric_spelling_names_its_address(host: str, address: str) -> None:
    assert literal_address(host) == ip_address(address)


@pytest.mark.parametrize("host", ["example.com", "gaj.cq.gov.cn", "1e3", "a.1b", "xn--fsqu00a.xn--0zwm56d"])
def test_names_are_not_addresses(host: str) -> None:
    assert literal_address(host) is None


@pytest.mark.parametrize("host", ["1.2.3.999", "256.1.1.1", "1.2.3.4.5", "08", "1.2.3.0x100", "[::1::2]"])
def test_numbers_that_spell_no_address_are_malformed(host: str) -> None:
    with pytest.raises(MalformedHost):
        literal_address(host)


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("127.255.255.254", "loopback"),
        ("0.0.0.0", "unspecified"),
        ("0.1.2.3", "unspecified"),
        ("10.0.0.1", "private"),
        ("172.16.0.1", "private"),
        ("172.31.255.255", "private"),
        ("192.168.1.1", "private"),
        ("100.64.0.1", "shared"),
        ("100.127.255.254", "shared"),
        ("169.254.169.254", "link_local"),
        ("224.0.0.1", "multicast"),
        ("239.255.255.250", "multicast"),
        ("255.255.255.255", "reserved"),
        ("240.0.0.1", "reserved"),
        ("192.0.0.8", "reserved"),
        ("192.0.2.1", "reserved"),
        ("198.18.0.1", "reserved"),
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("::ffff:127.0.0.1", "ipv4_mapped"),
        ("::ffff:10.0.0.1", "ipv4_mapped"),
        ("::ffff:8.8.8.8", "ipv4_mapped"),
        ("::127.0.0.1", "ipv4_compatible"),
        ("::a9fe:a9fe", "ipv4_compatible"),
        ("fe80::1", "link_local"),
        ("fe80::1%eth0", "link_local"),
        ("fc00::1", "unique_local"),
        ("fd12:3456:789a::1", "unique_local"),
        ("fec0::1", "private"),
        ("ff02::1", "multicast"),
        ("ff05::1:3", "multicast"),
        ("2001:db8::1", "reserved"),
        ("2001::1", "reserved"),  # Teredo
        ("100::1", "reserved"),
        ("64:ff9b:1::1", "reserved"),
        ("4000::1", "reserved"),  # outside global unicast
        ("2002:7f00:1::1", "6to4:loopback"),
        ("2002:a9fe:a9fe::", "6to4:link_local"),
        ("2002:c0a8:101::1", "6to4:private"),
        ("64:ff9b::7f00:1", "nat64:loopback"),
        ("64:ff9b::a9fe:a9fe", "nat64:link_local"),
        ("64:ff9b::a00:1", "nat64:private"),
    ],
)
def test_internal_addresses_are_refused(address: str, kind: str) -> None:
    assert forbidden_kind(ip_address(address)) == kind
    assert STRICT.refused_address(ip_address(address), 443) == kind


@pytest.mark.parametrize(
    "address",
    [
        "93.184.215.14",
        "1.1.1.1",
        "2606:4700::1111",
        "2400:3200::1",
        "64:ff9b::5db8:d70e",
        "2002:5db8:d70e::1",
    ],
)
def test_public_addresses_pass(address: str) -> None:
    assert forbidden_kind(ip_address(address)) is None


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://127.0.0.1/", "loopback"),
        ("https://127.1/", "loopback"),
        ("https://2130706433/", "loopback"),
        ("https://0x7f000001/", "loopback"),
        ("https://017700000001:8080/", "loopback"),
        ("https://localhost/", "loopback"),
        ("https://LOCALHOST./", "loopback"),
        ("https://api.localhost/", "loopback"),
        ("https://[::1]/", "loopback"),
        ("https://0.0.0.0/", "unspecified"),
        ("https://[::]/", "unspecified"),
        ("https://[::ffff:127.0.0.1]/", "ipv4_mapped"),
        ("https://169.254.169.254/latest/meta-data/", "link_local"),
        ("https://10.2.3.4:5432/", "private"),
        ("https://172.20.0.1/", "private"),
        ("https://192.168.0.1/", "private"),
        ("https://100.100.100.200/", "shared"),
        ("https://[fe80::1%25eth0]/", "link_local"),
        ("https://[fd00::1]/", "unique_local"),
        ("https://[2002:7f00:1::]/", "6to4:loopback"),
        ("https://[64:ff9b::a9fe:a9fe]/", "nat64:link_local"),
        ("http://example.com/", "scheme"),
        ("ftp://example.com/", "scheme"),
        ("file:///etc/passwd", "scheme"),
        ("gopher://127.0.0.1:6379/", "scheme"),
        ("example.com/hook", "scheme"),
        ("https:///hook", "no_host"),
        ("https://ops:secret@example.com/", "credentials"),
        ("https://1.2.3.999/", "malformed_host"),
        ("https://exa%20mple.com/", "malformed_host"),
        ("https://127.0.0.1%2e/", "malformed_host"),
    ],
)
def test_urls_refused_as_written(url: str, reason: str) -> None:
    refusal = STRICT.refused_url(url)
    assert refusal is not None
    assert refusal.reason == reason
    assert refusal.message  # a person's words, for the 422


@pytest.mark.parametrize(
    "url",
    ["https://population.gaj.example/query", "https://93.184.215.14:8443/q", "https://[2606:4700::1111]/"],
)
def test_public_https_urls_pass_as_written(url: str) -> None:
    assert STRICT.refused_url(url) is None


def test_http_only_in_dev() -> None:
    assert STRICT.refused_url("http://population.gaj.example/query") is not None
    assert DEV.refused_url("http://population.gaj.example/query") is None
    assert DEV.refused_url("ftp://population.gaj.example/") is not None
    assert DEV.refused_url("http://127.0.0.1:8810/") is not None  # dev still refuses internal addresses


@pytest.mark.parametrize(
    ("entry", "written"),
    [
        ("10.20.0.0/16", "10.20.0.0/16"),
        ("10.20.3.4", "10.20.3.4"),
        ("127.0.0.1:8810", "127.0.0.1:8810"),
        (" 127.0.0.1:8810 ", "127.0.0.1:8810"),
        ("::1", "::1"),
        ("[::1]:8443", "[::1]:8443"),
        ("fd00::/8", "fd00::/8"),
    ],
)
def test_allowlist_entries_parse(entry: str, written: str) -> None:
    assert str(AllowEntry.parse(entry)) == written


@pytest.mark.parametrize(
    "entry", ["population-sim:8810", "localhost", "10.20.0.1/16", "127.0.0.1:port", "127.0.0.1:8810/x", ""]
)
def test_allowlist_takes_addresses_only(entry: str) -> None:
    with pytest.raises(ValueError, match="出站白名单"):
        AllowEntry.parse(entry)


def test_allowlist_admits_what_it_lists_and_nothing_else() -> None:
    policy = OutboundPolicy.of(["127.0.0.1:8810", "10.20.0.0/16", "[::1]:8443"], https_only=False)
    assert policy.refused_url("http://127.0.0.1:8810/population/query") is None
    assert policy.refused_url("http://127.1:8810/population/query") is None  # the same address, spelled short
    assert policy.refused_url("http://127.0.0.1:8811/") is not None  # another port
    assert policy.refused_url("http://127.0.0.2:8810/") is not None  # another address
    assert policy.refused_url("http://10.20.255.1:5432/") is None  # any port in the network
    assert policy.refused_url("http://10.21.0.1/") is not None
    assert policy.refused_url("http://[::1]:8443/") is None
    assert policy.refused_url("http://[::1]:8444/") is not None
    assert (
        policy.refused_address(ip_address("::ffff:127.0.0.1"), 8810) is None
    )  # mapped: the IPv4 entry holds
    assert policy.refused_address(ip_address("::ffff:127.0.0.1"), 8811) == "ipv4_mapped"
    assert policy.refused_address(ip_address("169.254.169.254"), 80) == "link_local"
    assert (
        OutboundPolicy(https_only=False).refused_url("http://127.0.0.1:8810/") is not None
    )  # empty by default


@pytest.mark.parametrize(
    ("entry", "url", "admitted"),
    [
        ("population.gaj.example", "https://population.gaj.example/query", True),
        (
            "population.gaj.example",
            "https://POPULATION.gaj.example.:8443/query",
            True,
        ),  # any port, one spelling
        ("population.gaj.example:8443", "https://population.gaj.example:8443/q", True),
        ("population.gaj.example:8443", "https://population.gaj.example/q", False),  # 443
        ("population.gaj.example", "https://evil.example/?population.gaj.example", False),
        ("population.gaj.example", "https://population.gaj.example.evil.example/", False),
        ("population.gaj.example", "https://population.gaj.example@evil.example/", False),
        ("127.0.0.1:8810", "http://127.1:8810/population/query", True),
        ("127.0.0.1:8810", "http://2130706433:8810/", True),
        ("127.0.0.1:8810", "http://127.0.0.1:8811/", False),
        ("[::1]", "http://[0:0::1]:80/", True),
        ("例子.测试", "https://xn--fsqu00a.xn--0zwm56d/", True),
    ],
)
def test_endpoint_hosts_admit_their_host(entry: str, url: str, admitted: bool) -> None:
    assert endpoint_admitted(url, [EndpointHost.parse(entry)]) is admitted


@pytest.mark.parametrize(
    "entry",
    ["https://population.gaj.example", "population.gaj.example/query", "a b", "1.2.3.999", "", "x:99999"],
)
def test_endpoint_host_entries_are_hosts(entry: str) -> None:
    with pytest.raises(ValueError, match="主机"):
        EndpointHost.parse(entry)


def test_endpoint_host_of_a_url_names_its_port() -> None:
    assert str(EndpointHost.of_url("http://127.0.0.1:8810/population/query")) == "127.0.0.1:8810"
    assert str(EndpointHost.of_url("https://Population.GAJ.example/query")) == "population.gaj.example:443"
    assert str(EndpointHost.of_url("http://[::1]:9/")) == "[::1]:9"
    assert endpoint_admitted("https://population.gaj.example/query", []) is False


@pytest.mark.parametrize(
    ("family", "sockaddr", "refused"),
    [
        (socket.AF_INET, ("127.0.0.1", 5432), True),
        (socket.AF_INET, ("169.254.169.254", 80), True),
        (socket.AF_INET6, ("::1", 5432, 0, 0), True),
        (socket.AF_INET6, ("::ffff:127.0.0.1", 5432, 0, 0), True),
        (socket.AF_INET, ("127.0.0.1", 8810), False),  # allowlisted
        (socket.AF_INET, ("93.184.215.14", 443), False),
    ],
)
def test_no_socket_opens_towards_a_refused_address(
    family: int, sockaddr: tuple[object, ...], refused: bool
) -> None:
    """The last check, on the very address a socket is about to connect to (the connector's socket factory)."""
    open_socket = guarded_socket(OutboundPolicy.of(["127.0.0.1:8810"], https_only=False))
    addr_info = (family, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", sockaddr)
    if refused:
        with pytest.raises(OutboundRefused):
            open_socket(addr_info)  # type: ignore[arg-type]
    else:
        open_socket(addr_info).close()  # type: ignore[arg-type]
