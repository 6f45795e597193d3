"""The gateway's rate limits: each request spends a unit of its class's allowance for its caller (the account
or system its verified token names, else its source address), or is answered 429 with ``Retry-After``."""

from __future__ import annotations

import math
from functools import lru_cache

from prometheus_client import Counter
from starlette.types import ASGIApp, Scope

from gateway.counters import SharedWindows
from gateway.limits import Rules, TrustedProxies, source_address
from meshkit.auth import Principal
from meshkit.errors import problem_response
from meshkit.peers import address_proof

__all__ = ["PRINCIPAL", "SOURCE", "SOURCE_PROOF", "Throttle", "limited", "remember_source", "store_fallbacks"]

PRINCIPAL = "tongban.principal"
"""Where the gateway's token check leaves the verified caller in the ASGI scope."""
SOURCE_PROOF = "tongban.source_proof"
SOURCE = "tongban.source"
"""Where the proxy leaves the client's address (:func:`gateway.limits.source_address`) in the ASGI scope."""

limited = Counter(
    "gateway_rate_limited", "Requests answered 429 by the gateway's rate limits", ["limit_class"]
)
store_fallbacks = Counter(
    "gateway_rate_limit_store_fallbacks", "Rate-limit decisions counted locally: the shared store was away"
)


class Throttle:
    def __init__(self, rules: Rules, windows: SharedWindows) -> None:
        self.rules = rules
        self.windows = windows

    async def __call__(self, scope: Scope) -> ASGIApp | None:
        """A 429 response app when the caller's allowance for this request's class is spent, else None."""
        limit_class = self.rules.classify(scope["method"], scope["path"])
        if limit_class is None:
            return None
        caller = f"ip:{scope[SOURCE]}" if limit_class.by_address else self.caller(scope)
        wait = await self.windows.take(limit_class, caller)
        if wait is None:
            return None
        limited.labels(limit_class.name).inc()
        seconds = max(1, math.ceil(wait))
        return problem_response(
            status=429,
            code="rate_limited",
            detail=f"请求过于频繁，请 {seconds} 秒后再试 (too many {limit_class.name} requests from this caller; "
            f"retry after {seconds} s)",
            instance=scope.get("path"),
            headers={"Retry-After": str(seconds)},
            limit_class=limit_class.name,
        )

    def caller(self, scope: Scope) -> str:
        principal: Principal | None = scope.get(PRINCIPAL)
        if principal is not None:
            return f"sub:{principal.sub}"
        return f"ip:{scope[SOURCE]}"


def remember_source(scope: Scope, trusted: TrustedProxies, forwarding_key: str) -> str:
    """The client's address, kept in the scope for the limits and the ``X-Tongban-Client-Address`` header (with
    its proof under the forwarding key, :mod:`meshkit.peers`)."""
    forwarded = None
    for name, value in scope["headers"]:
        if name == b"x-forwarded-for":
            forwarded = value.decode("latin-1")
    client = scope.get("client")
    source = source_address(client[0] if client else None, forwarded, trusted)
    scope[SOURCE] = source
    scope[SOURCE_PROOF] = _proof(forwarding_key, source)
    return source


@lru_cache(maxsize=4096)
def _proof(key: str, address: str) -> str:
    """:func:`meshkit.peers.address_proof`, computed once per address while it keeps coming (an HMAC per request
    was ~1.5 % of the gateway's CPU on a proxied read); bounded, least recently used first out."""
    return address_proof(key, address)
