"""The routing table: first path segment → upstream service."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from gateway.settings import GatewaySettings

__all__ = [
    "INTERNAL_PATHS",
    "OAUTH_PROTOCOL_PATHS",
    "SERVICES",
    "Route",
    "RouteTable",
    "internal_path",
    "route_table",
]

SERVICES = ("identity", "catalog", "cases", "exchange")

# Paths every service serves to the inside only (Prometheus scrapes each process directly: docs/runbook.md).
INTERNAL_PATHS = frozenset({"/metrics"})
_INTERNAL_SEGMENTS = tuple(path.rsplit("/", 1)[1] for path in INTERNAL_PATHS)


def internal_path(rest: str) -> bool:
    """Whether the path after ``/<service>`` reaches an inside-only path of the upstream, however it is spelled
    (``//metrics``, ``/./metrics``, ``/x/../metrics``, ``/metrics/``; percent-escapes are decoded already).
    Every spelling holds the inside path's last segment, so a path without one is not normalised at all."""
    if not any(segment in rest for segment in _INTERNAL_SEGMENTS):
        return False
    normalized = posixpath.normpath("/" + rest.lstrip("/"))
    normalized = "/" + normalized.lstrip("/")  # normpath keeps a leading '//'
    return any(normalized == path or normalized.startswith(path + "/") for path in INTERNAL_PATHS)


@dataclass(frozen=True, slots=True)
class Route:
    """``/<service>/<rest>`` goes to ``<upstream><rest>``.

    ``public`` routes skip the gateway's token check (:mod:`gateway.guard`); none is public today, since the
    check only refuses Bearer tokens that are present and invalid. ``own_protocol``: paths under the service
    (after the prefix) that answer token errors in their own protocol and check tokens themselves; the guard
    leaves them alone, so their errors keep that shape and their CORS headers.
    """

    service: str
    upstream: str
    public: bool = False
    own_protocol: frozenset[str] = frozenset()
    prefix: str = field(init=False)
    raw_prefix: bytes = field(init=False)
    path: str = field(init=False)
    """Route template, read like a Starlette route's ``path`` by the request-duration metric."""

    def guarded(self, path: str) -> bool:
        """Whether the gateway checks the Bearer token of a request for ``path`` (the full request path)."""
        return not self.public and path[len(self.prefix) :] not in self.own_protocol

    def __post_init__(self) -> None:
        object.__setattr__(self, "prefix", f"/{self.service}")
        object.__setattr__(self, "raw_prefix", self.prefix.encode())
        object.__setattr__(self, "path", f"/{self.service}/{{path}}")


# identity's OAuth endpoints a browser app calls (RFC 6750 errors at userinfo, RFC 6749 JSON at the others, CORS
# for registered origins): identity verifies their tokens itself, against its own revocation records.
OAUTH_PROTOCOL_PATHS = frozenset({"/token", "/userinfo", "/revoke", "/introspect"})

RouteTable = dict[str, Route]
"""Keyed by the first path segment (the service name)."""


def route_table(settings: GatewaySettings) -> RouteTable:
    upstreams = {
        "identity": settings.identity_url,
        "catalog": settings.catalog_url,
        "cases": settings.cases_url,
        "exchange": settings.exchange_url,
    }
    return {
        service: Route(
            service=service,
            upstream=upstreams[service],
            own_protocol=OAUTH_PROTOCOL_PATHS if service == "identity" else frozenset(),
        )
        for service in SERVICES
    }
