"""One pool of keep-alive connections per upstream, opened and closed by the app's lifespan.

The client is the gateway's own (:mod:`gateway.upstream_http`): aiohttp's cost ≈ 180 µs of CPU per proxied
request, a third of the gateway's (issue 21, bench/HISTORY.md); httpx's more. It adds nothing of its own to a
request: no cookies, no ``Accept``, ``Accept-Encoding``, ``User-Agent`` or ``Content-Type``, no decompression
(bodies pass through as sent), no proxy from the environment, no redirects followed.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from gateway.routes import Route
from gateway.settings import GatewaySettings
from gateway.upstream_http import Pool
from meshkit.observability import current_request_id, current_traceparent

__all__ = ["Upstreams"]


class Upstreams:
    """The pools, by service name. :meth:`open` runs in the lifespan, before any request."""

    def __init__(self, routes: Iterable[Route], settings: GatewaySettings) -> None:
        self.routes = {route.service: route for route in routes}
        self.pools: dict[str, Pool] = {}
        self.base_paths: dict[str, bytes] = {}
        self._settings = settings
        # longest prefix first: the first that matches a request decides its read timeout
        self._slow = sorted(
            (
                (method.upper(), path.rstrip("/"), seconds)
                for key, seconds in settings.route_timeouts.items()
                for method, _, path in [key.strip().partition(" ")]
            ),
            key=lambda item: -len(item[1]),
        )
        self._default = settings.read_timeout

    def timeout_for(self, method: str, path: str) -> float:
        """Seconds the upstream may be silent between two reads: a route's own from ``route_timeouts`` (longest
        prefix), else ``read_timeout``."""
        for slow_method, prefix, seconds in self._slow:
            if method == slow_method and (path == prefix or path.startswith(prefix + "/")):
                return seconds
        return self._default

    async def open(self) -> None:
        settings = self._settings
        for service, route in self.routes.items():
            url = urlsplit(route.upstream)
            tls = url.scheme == "https"
            self.pools[service] = Pool(
                url.hostname or "127.0.0.1",
                url.port or (443 if tls else 80),
                limit=settings.max_connections,
                keepalive=settings.keepalive_seconds,
                connect_timeout=settings.connect_timeout,
                tls=tls,
            )
            self.base_paths[service] = url.path.rstrip("/").encode()

    async def close(self) -> None:
        pools, self.pools = self.pools, {}
        await asyncio.gather(*(pool.close() for pool in pools.values()))

    def pool(self, service: str) -> Pool:
        try:
            return self.pools[service]
        except KeyError:
            raise RuntimeError(
                "gateway upstream clients are not open: run the app's lifespan first"
            ) from None

    async def get_json(self, service: str, path: str, *, seconds: float) -> tuple[int, Any]:
        """GET ``<upstream><path>`` with the request id and trace context; (status, parsed JSON or None)."""
        headers = [(b"accept", b"application/json")]
        request_id = current_request_id()
        if request_id:
            headers.append((b"x-request-id", request_id.encode()))
        traceparent = current_traceparent()
        if traceparent:
            headers.append((b"traceparent", traceparent.encode()))
        target = self.base_paths[service] + path.encode()

        async def fetch() -> tuple[int, Any]:
            response = await self.pool(service).request("GET", target, headers, None, read_timeout=seconds)
            body = await response.read()
            if response.status != 200:
                return response.status, None
            return response.status, json.loads(body)

        return await asyncio.wait_for(fetch(), seconds)
