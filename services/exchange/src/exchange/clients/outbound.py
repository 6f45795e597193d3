"""The one way out to addresses members chose: provider endpoints (proxied reads) and subscribers' webhooks.

Both clients call through :class:`Outbound`, one aiohttp session whose connector enforces the outbound policy
(``exchange.domain.outbound``) where the connection is made:

- a URL's literal address (in any spelling) is checked before the request; aiohttp connects to a literal as is;
- a name is resolved once by :class:`GuardedResolver`, which keeps only the addresses the policy admits, and the
  connection goes to one of those (aiohttp connects to what the resolver returned: a name that answered a public
  address when it was registered and a loopback one now is refused now — no DNS rebinding);
- every socket is checked once more before it connects (the connector's socket factory);
- redirects are never followed (a 3xx is a failure: a redirect would carry the request, and the hub's headers,
  to an address nobody checked); no proxy from the environment, no cookies.

A failed call raises :class:`OutboundFailed`, whose text is all that may be recorded or shown: refused by policy,
unreachable, or the status class of a peer that answered — never which address or port answered, or how.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from ipaddress import ip_address

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.connector import AddrInfoType, SocketFactoryType
from yarl import URL

from exchange.domain.outbound import (
    REFUSED_BY_POLICY,
    UNREACHABLE,
    OutboundPolicy,
    UrlRefusal,
    answered,
    kind_label,
    literal_address,
    parse_url,
)

__all__ = ["GuardedResolver", "Outbound", "OutboundFailed", "OutboundRefused", "guarded_socket"]

log = logging.getLogger("exchange.outbound")


class OutboundRefused(OSError):
    """The policy refused every address of the target (raised where the connection would have been made)."""


class OutboundFailed(Exception):
    """A call out that failed; its text is what may be recorded (refused, unreachable, or the status class)."""

    def __init__(self, message: str, *, refused: bool = False) -> None:
        super().__init__(message)
        self.refused = refused


class GuardedResolver(AbstractResolver):
    """Resolves through ``inner`` once and returns only the addresses the policy admits; none left: refused."""

    def __init__(self, policy: OutboundPolicy, inner: AbstractResolver) -> None:
        self._policy = policy
        self._inner = inner

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        found = await self._inner.resolve(host, port, family)
        kept = [r for r in found if self._policy.refused_address(ip_address(r["host"]), port) is None]
        if not kept:
            log.warning(
                "outbound connection refused: the name resolves only to refused addresses",
                extra={"host": host, "port": port},
            )
            raise OutboundRefused("refused by the outbound policy")
        return kept

    async def close(self) -> None:
        await self._inner.close()


def guarded_socket(policy: OutboundPolicy) -> SocketFactoryType:
    """The connector's socket factory: the last check, on the very address about to be connected to."""

    def open_socket(addr_info: AddrInfoType) -> socket.socket:
        family, type_, proto, _, sockaddr = addr_info
        if policy.refused_address(ip_address(sockaddr[0]), sockaddr[1]) is not None:
            raise OutboundRefused("refused by the outbound policy")
        return socket.socket(family=family, type=type_, proto=proto)

    return open_socket


class Outbound:
    """An aiohttp session for calls to addresses members chose. Build it in a lifespan (or a worker's timer) and
    close it there; ``resolver`` is the name resolution to guard (default: the system's, in a thread)."""

    def __init__(
        self,
        policy: OutboundPolicy,
        *,
        resolver: AbstractResolver | None = None,
        max_connections: int = 100,
        screen_timeout: float = 2.0,
    ) -> None:
        self.policy = policy
        self._resolver = resolver or aiohttp.ThreadedResolver()
        self._screen_timeout = screen_timeout
        connector = aiohttp.TCPConnector(
            limit=max_connections,
            limit_per_host=max_connections,
            resolver=GuardedResolver(policy, self._resolver),
            socket_factory=guarded_socket(policy),
        )
        self._session = aiohttp.ClientSession(
            connector=connector, cookie_jar=aiohttp.DummyCookieJar(), trust_env=False
        )

    async def close(self) -> None:
        await self._session.close()

    async def screen(self, url: str) -> UrlRefusal | None:
        """Registration's check: the URL as written; for a name, also what it resolves to now (one resolving only
        to refused addresses is refused at once). Unresolvable names pass: they may resolve later, and every
        connection is checked again then."""
        refusal = self.policy.refused_url(url)
        if refusal is not None:
            return refusal
        parsed = URL(url)  # parses: refused_url said so
        host, port = parsed.raw_host or "", parsed.port or 0
        if literal_address(host) is not None:
            return None
        try:
            async with asyncio.timeout(self._screen_timeout):
                found = await self._resolver.resolve(host, port, family=socket.AF_UNSPEC)
        except (OSError, TimeoutError):
            return None
        kinds = [self.policy.refused_address(ip_address(r["host"]), port) for r in found]
        first = kinds[0] if kinds else None
        if first is not None and all(kinds):
            return UrlRefusal(first, f"该主机名解析到{kind_label(first)}")
        return None

    @asynccontextmanager
    async def post(
        self, url: str, *, data: bytes, headers: Mapping[str, str], timeout: float | None = None
    ) -> AsyncIterator[aiohttp.ClientResponse]:
        """``POST`` without following redirects; a 3xx raises :class:`OutboundFailed` like every other failure
        to reach the peer. Timeouts raise ``TimeoutError`` (callers tell them apart)."""
        refusal = self.policy.refused_url(url)
        if refusal is not None:
            log.warning("outbound call refused", extra={"reason": refusal.reason, **_where(url)})
            raise OutboundFailed(REFUSED_BY_POLICY, refused=True)
        try:
            async with self._session.post(
                URL(url),
                data=data,
                headers=headers,
                allow_redirects=False,
                timeout=aiohttp.ClientTimeout(total=timeout),
            ) as response:
                if 300 <= response.status < 400:
                    raise OutboundFailed(answered(response.status))
                yield response
        except TimeoutError:
            raise
        except aiohttp.ClientConnectorError as exc:
            if isinstance(exc.os_error, OutboundRefused):
                raise OutboundFailed(REFUSED_BY_POLICY, refused=True) from exc
            log.info("outbound call failed", extra={"error": type(exc).__name__, **_where(url)})
            raise OutboundFailed(UNREACHABLE) from exc
        except (aiohttp.ClientError, OSError) as exc:
            # the operators' log may say what went wrong; the caller's record says only "unreachable"
            log.info("outbound call failed", extra={"error": type(exc).__name__, **_where(url)})
            raise OutboundFailed(UNREACHABLE) from exc


def _where(url: str) -> dict[str, object]:
    """The target's host and port, for the operators' log (never for the caller's record)."""
    target = parse_url(url)
    return {"host": target.host, "port": target.port} if target is not None else {}
