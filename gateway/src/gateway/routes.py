"""The routing table: first path segment → upstream service."""

from __future__ import annotations

from dataclasses import dataclass, field

from gateway.settings import GatewaySettings

__all__ = ["SERVICES", "Route", "RouteTable", "route_table"]

SERVICES = ("identity", "catalog", "cases", "exchange")


@dataclass(frozen=True, slots=True)
class Route:
    """``/<service>/<rest>`` goes to ``<upstream><rest>``.

    ``public`` routes skip the gateway's token check (:mod:`gateway.guard`); none is public today, since the
    check only refuses Bearer tokens that are present and invalid.
    """

    service: str
    upstream: str
    public: bool = False
    prefix: str = field(init=False)
    raw_prefix: bytes = field(init=False)
    path: str = field(init=False)
    """Route template, read like a Starlette route's ``path`` by the request-duration metric."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "prefix", f"/{self.service}")
        object.__setattr__(self, "raw_prefix", self.prefix.encode())
        object.__setattr__(self, "path", f"/{self.service}/{{path}}")


RouteTable = dict[str, Route]
"""Keyed by the first path segment (the service name)."""


def route_table(settings: GatewaySettings) -> RouteTable:
    upstreams = {
        "identity": settings.identity_url,
        "catalog": settings.catalog_url,
        "cases": settings.cases_url,
        "exchange": settings.exchange_url,
    }
    return {service: Route(service=service, upstream=upstreams[service]) for service in SERVICES}
