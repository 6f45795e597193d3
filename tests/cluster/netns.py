"""A network namespace of the test's own with a veth pair into the host's, for one NATS node the test can cut
off from the others (issue 20, "partition a NATS node from the others"): the node listens on the namespace's end
of the pair, the host's processes reach it through the link, and the test partitions it by taking the
namespace's end down (every packet between the node and the rest is lost, both ways, while both sides keep
running and keep their connections), then heals it by bringing it up again.

Creating namespaces needs root (or CAP_NET_ADMIN) and ``ip``; :func:`probe` tells whether this machine allows
it, so that a machine that does not skips the partition instead of failing."""

from __future__ import annotations

import ipaddress
import secrets
import shutil
import subprocess
from dataclasses import dataclass

__all__ = ["Namespace", "probe"]

POOL = ipaddress.ip_network("10.231.0.0/16")  # a /30 of it per namespace, one not in use on this machine


def _ip(*args: str) -> None:
    subprocess.run(["ip", *args], check=True, capture_output=True, text=True, timeout=10)


def _addresses_in_use() -> set[ipaddress.IPv4Address]:
    out = subprocess.run(
        ["ip", "-o", "-4", "addr", "show"], check=True, capture_output=True, text=True
    ).stdout
    found = set()
    for line in out.splitlines():
        fields = line.split()
        if "inet" in fields:
            found.add(ipaddress.IPv4Interface(fields[fields.index("inet") + 1]).ip)
    return found


@dataclass
class Namespace:
    """``tb-<tag>`` with ``tbn<tag>`` inside (``node_ip``) and ``tbh<tag>`` in the host (``host_ip``)."""

    tag: str
    host_ip: str
    node_ip: str
    created: bool = False

    @classmethod
    def fresh(cls) -> Namespace:
        tag = secrets.token_hex(3)
        used = _addresses_in_use()
        while True:
            subnet = ipaddress.ip_network(f"{POOL[secrets.randbelow(POOL.num_addresses // 4) * 4]}/30")
            host, node = list(subnet.hosts())
            if host not in used and node not in used:
                return cls(tag, str(host), str(node))

    @property
    def name(self) -> str:
        return f"tb-{self.tag}"

    @property
    def host_link(self) -> str:
        return f"tbh{self.tag}"

    @property
    def node_link(self) -> str:
        return f"tbn{self.tag}"

    @property
    def launcher(self) -> tuple[str, ...]:
        """The prefix that runs a command inside (``ip netns exec`` execs it: the pid is the command's own)."""
        return ("ip", "netns", "exec", self.name)

    def create(self) -> None:
        self.created = True  # from the first step on: destroy() removes whatever part was made
        _ip("netns", "add", self.name)
        _ip("link", "add", self.host_link, "type", "veth", "peer", "name", self.node_link)
        _ip("link", "set", self.node_link, "netns", self.name)
        _ip("addr", "add", f"{self.host_ip}/30", "dev", self.host_link)
        _ip("link", "set", self.host_link, "up")
        _ip("-n", self.name, "addr", "add", f"{self.node_ip}/30", "dev", self.node_link)
        _ip("-n", self.name, "link", "set", "lo", "up")
        _ip("-n", self.name, "link", "set", self.node_link, "up")

    def cut(self) -> None:
        """The partition: the namespace's end goes down, so nothing passes either way; the host's end loses its
        carrier but keeps its address (the host-side nodes listen on it)."""
        _ip("-n", self.name, "link", "set", self.node_link, "down")

    def heal(self) -> None:
        _ip("-n", self.name, "link", "set", self.node_link, "up")

    def destroy(self) -> None:
        """Remove the pair and the namespace (the pair goes with either end); safe to call twice or after a
        partial create()."""
        if not self.created:
            return
        subprocess.run(["ip", "link", "del", self.host_link], check=False, capture_output=True, timeout=10)
        subprocess.run(["ip", "netns", "del", self.name], check=False, capture_output=True, timeout=10)
        self.created = False


def probe() -> str | None:
    """None if this machine lets the test make a namespace with a working veth pair, else why not (in a sentence
    the test prints)."""
    if shutil.which("ip") is None:
        return "no `ip` command (iproute2) on this machine"
    namespace = Namespace.fresh()
    try:
        namespace.create()
        _ip("-n", namespace.name, "route", "get", namespace.host_ip)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        detail = getattr(exc, "stderr", None) or str(exc)
        return f"network namespaces are not permitted here: {str(detail).strip()}"
    finally:
        namespace.destroy()
    return None
