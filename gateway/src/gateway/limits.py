"""Rate-limit rules: which class a request falls in, and whose allowance it spends (pure).

A request spends one unit of its class's allowance for its *caller*: the account or system a verified token names
(``sub``), or, without one, the source address. Classes are strict where a request costs a password hash, a text
message or an account (login, token, registration, code sending) and generous for reads and searches. The source
address is the connection's peer, or — only when that peer is a trusted proxy — the nearest address in
``X-Forwarded-For`` that is not a trusted proxy (stdlib ``ipaddress``).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, Field

__all__ = [
    "DEFAULT_CLASSES",
    "LimitClass",
    "LimitSpec",
    "Rules",
    "TrustedProxies",
    "source_address",
]

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


class LimitSpec(BaseModel):
    """One class's allowance: ``limit`` requests per caller in each ``window`` seconds (fixed windows)."""

    limit: int = Field(default=1, ge=1, le=100_000_000)
    window: float = Field(default=60, gt=0, le=86_400)
    methods: list[str] = Field(default_factory=list, description="methods it applies to; empty: all")
    paths: list[str] = Field(
        default_factory=list, description="regular expressions over the whole path; empty: every path"
    )
    by_address: bool = Field(
        default=False,
        description="count per source address even when a token names the caller (routes that need no token: "
        "a token must not buy another allowance)",
    )


@dataclass(frozen=True, slots=True)
class LimitClass:
    name: str
    limit: int
    window: float
    methods: frozenset[str]
    paths: tuple[re.Pattern[str], ...]
    by_address: bool = False

    @property
    def lease(self) -> int:
        """Units a process first takes from the shared count at a time: one for strict classes (every request
        counted where all processes see it), up to 2 % of the allowance (at most 100) for generous ones."""
        return max(1, min(100, self.limit // 50))

    @property
    def most_leased(self) -> int:
        """The largest lease a busy caller's leases grow to (``gateway.counters``): 2 % of the allowance."""
        return max(1, self.limit // 50)

    def matches(self, method: str, path: str) -> bool:
        if self.methods and method not in self.methods:
            return False
        return not self.paths or any(p.fullmatch(path) for p in self.paths)


DEFAULT_CLASSES: dict[str, LimitSpec] = {
    # the login form (a password hash per try): a password spray from one address stops here
    "login": LimitSpec(
        limit=20, window=60, methods=["POST"], paths=[r"/identity/authorize"], by_address=True
    ),
    # token, introspection and revocation requests (client secrets and refresh tokens are hashed too)
    "token": LimitSpec(
        limit=120,
        window=60,
        methods=["POST"],
        paths=[r"/identity/(token|introspect|revoke)"],
        by_address=True,
    ),
    # new accounts: persons and companies
    "registration": LimitSpec(
        limit=10, window=600, methods=["POST"], paths=[r"/identity/(persons|enterprises)"], by_address=True
    ),
    # one-time codes sent by text message
    "code": LimitSpec(limit=5, window=600, methods=["POST"], paths=[r"/identity/.*codes?"], by_address=True),
    # searches and the catalog people browse
    "search": LimitSpec(
        limit=1_200, window=60, methods=["GET"], paths=[r"/catalog/.*", r"/cases/open-matters.*"]
    ),
    # everything else, per account or system: generous (the exchange limits each client's reads itself)
    "api": LimitSpec(limit=20_000, window=10),
}


class Rules:
    """The classes in order; a request falls in the first that matches (``api`` matches everything)."""

    def __init__(self, specs: Mapping[str, LimitSpec]) -> None:
        self.classes = tuple(
            LimitClass(
                name=name,
                limit=spec.limit,
                window=spec.window,
                methods=frozenset(m.upper() for m in spec.methods),
                paths=tuple(re.compile(p) for p in spec.paths),
                by_address=spec.by_address,
            )
            for name, spec in specs.items()
        )
        # per standard method, the classes that can apply to it (every request is classified, issue 21)
        self._by_method = {
            method: tuple(c for c in self.classes if not c.methods or method in c.methods)
            for method in _METHODS
        }

    @classmethod
    def with_overrides(cls, overrides: Mapping[str, LimitSpec]) -> Rules:
        """The defaults with the fields an override of the same name sets (e.g. only ``limit``); new names are
        added before ``api``."""
        merged = dict(DEFAULT_CLASSES)
        for name, override in overrides.items():
            given = override.model_dump(include=override.model_fields_set)
            merged[name] = merged[name].model_copy(update=given) if name in merged else override
        api = merged.pop("api")
        return cls({**merged, "api": api})

    def classify(self, method: str, path: str) -> LimitClass | None:
        if method == "HEAD":  # a service runs a HEAD as the GET it is (outside try: HEAD escaped "search")
            method = "GET"
        for limit_class in self._by_method.get(method, self.classes):
            if limit_class.matches(method, path):
                return limit_class
        return None


class TrustedProxies:
    """Networks whose ``X-Forwarded-For`` is believed (a load balancer in front of the gateway)."""

    def __init__(self, networks: Iterable[str]) -> None:
        self.networks: Sequence[Network] = tuple(ipaddress.ip_network(n, strict=False) for n in networks)

    def __contains__(self, address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in network for network in self.networks)


def source_address(peer: str | None, forwarded_for: str | None, trusted: TrustedProxies) -> str:
    """The client's address: the peer, unless the peer is a trusted proxy; then the rightmost address of
    ``X-Forwarded-For`` not itself a trusted proxy (the leftmost ones are whatever the client wrote)."""
    address = peer or "unknown"
    if not forwarded_for or address not in trusted:
        return address
    for hop in reversed([h.strip() for h in forwarded_for.split(",")]):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            return address  # a malformed chain: the proxy's own address, not a spelling the client chose
        if hop not in trusted:
            return hop
        address = hop
    return address
