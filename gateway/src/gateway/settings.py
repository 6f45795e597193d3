"""Gateway settings, read from ``GATEWAY_*`` environment variables when ``create_app`` runs."""

from __future__ import annotations

import ipaddress
from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import SettingsConfigDict

from gateway.limits import LimitSpec
from gateway.problems import DEFAULT_CATALOGUE
from meshkit.settings import DEV_FORWARDING_KEY, LogLevel, SecretSafeSettings

__all__ = ["GatewaySettings"]


ROUTE_TIMEOUTS = {
    "POST /catalog/imports": 300.0,  # a district's 实施清单 (3,000 matters) is read and checked before the answer
    "GET /catalog/exports": 120.0,  # the whole 实施清单 written out
    "POST /exchange/reads": 60.0,  # a batch read: many providers asked in one request
}
"""Routes whose upstream may be silent longer than ``read_timeout`` (the default of ``route_timeouts``)."""


class GatewaySettings(SecretSafeSettings):
    """Where the upstreams are, how long to wait for them, and what the gateway accepts."""

    model_config = SettingsConfigDict(
        env_prefix="GATEWAY_", extra="ignore", populate_by_name=True, frozen=True
    )

    identity_url: str = "http://127.0.0.1:8801"
    catalog_url: str = "http://127.0.0.1:8802"
    cases_url: str = "http://127.0.0.1:8803"
    exchange_url: str = "http://127.0.0.1:8804"
    connect_timeout: float = Field(default=2.0, gt=0, le=60, description="seconds to get a connection")
    read_timeout: float = Field(
        default=10.0,
        gt=0,
        le=3600,
        description="seconds an upstream may stay silent (between two reads) before the client gets 504; short, "
        "so a hung upstream does not hold clients — the routes that take longer are in ``route_timeouts``",
    )
    route_timeouts: dict[str, float] = Field(
        default_factory=lambda: dict(ROUTE_TIMEOUTS),
        description='``"METHOD /path/prefix": seconds`` for the routes that may be silent longer than '
        "``read_timeout`` (JSON; replaces the defaults)",
    )
    readiness_timeout: float = Field(
        default=1.0, gt=0, le=30, description="seconds for each upstream /readyz"
    )
    openapi_cache_seconds: float = Field(default=10.0, ge=0, le=3600)
    openapi_timeout: float = Field(
        default=3.0, gt=0, le=60, description="seconds for each upstream /openapi.json"
    )
    max_connections: int = Field(default=512, ge=1, le=10_000, description="pooled connections per upstream")
    upstream_concurrency: int = Field(
        default=32,
        ge=1,
        le=10_000,
        description="requests one gateway process lets be in flight to one upstream at once; more wait in a queue",
    )
    upstream_concurrency_overrides: dict[str, int] = Field(
        default_factory=lambda: {"catalog": 8},
        description="``{service: requests}`` replacing ``upstream_concurrency`` for the services named (JSON): the "
        "catalog's reads wait on its database pool past about ten at once, unordered, so more in flight only "
        "lengthens the tail; the exchange batches concurrent reads into one log write and wants them",
    )
    upstream_queue: int = Field(
        default=64,
        ge=0,
        le=100_000,
        description="requests that may wait for a slot to one upstream (per process)",
    )
    upstream_queue_per_client: int = Field(
        default=32,
        ge=1,
        le=100_000,
        description="of those, how many one client (token subject, else source address) may hold; slots go to "
        "the waiting clients in turn",
    )
    upstream_queue_wait: float = Field(
        default=1.0,
        gt=0,
        le=60,
        description="seconds a request waits for a slot before it is answered 503 upstream_busy; also the "
        "Retry-After (at least 1 s)",
    )
    keepalive_seconds: float = Field(
        default=4.0,
        gt=0,
        le=300,
        description="idle pooled connection lifetime; below uvicorn's 5 s keep-alive",
    )
    head_timeout: float = Field(
        default=10.0,
        gt=0,
        le=300,
        description="seconds a client that began a request may take to send the rest of its head (request line and "
        "headers) before it is answered 408 head_timeout and its connection closed",
    )
    body_timeout: float = Field(
        default=10.0,
        gt=0,
        le=300,
        description="seconds a client may leave its request body silent (before its first byte, between two "
        "reads) before it is answered 408 and its connection closed, and may take none of its answer before its "
        "connection is cut; a body is read whole before the request takes one of the upstream's slots",
    )
    max_body_bytes: int = Field(default=1_048_576, ge=1024)
    upload_paths: list[str] = Field(
        default=[r"/cases/cases/[^/]+/materials/[^/]+/upload", r"/catalog/imports"],
        description="paths (regular expressions over the whole path) that take files up to upload_max_bytes: "
        "material uploads and the catalog's sheet import (CATALOG_IMPORT_MAX_BYTES, 8 MiB)",
    )
    upload_max_bytes: int = Field(
        default=10 * 1_048_576 + 65_536, ge=1024, description="the cases service's upload limit plus headroom"
    )
    verify_tokens: bool = Field(
        default=True, description="refuse invalid or expired Bearer tokens at the door"
    )
    issuer: str = Field(
        default="http://127.0.0.1:8800/identity", validation_alias=AliasChoices("issuer", "TONGBAN_ISSUER")
    )
    jwks_url: str = Field(
        default="http://127.0.0.1:8801/.well-known/jwks.json",
        validation_alias=AliasChoices("jwks_url", "TONGBAN_JWKS_URL"),
    )
    audience: str = Field(default="tongban", validation_alias=AliasChoices("audience", "TONGBAN_AUDIENCE"))
    rate_limits_enabled: bool = Field(default=True, description="the per-caller rate limits (429)")
    rate_limits: dict[str, LimitSpec] = Field(
        default_factory=dict,
        description="JSON overrides of the rate-limit classes by name (login, token, registration, code, "
        'search, api), e.g. {"login": {"limit": 20, "window": 60, "methods": ["POST"], '
        '"paths": ["/identity/authorize"]}}',
    )
    forwarding_key: SecretStr = Field(
        default=SecretStr(DEV_FORWARDING_KEY),
        validation_alias=AliasChoices("forwarding_key", "TONGBAN_FORWARDING_KEY"),
        description="the key the gateway proves the client address it forwards with (the services share it)",
    )
    metrics_networks: list[str] = Field(
        default=["127.0.0.0/8", "::1/128"],
        description="networks (CIDR) whose requests may read the gateway's own /metrics (Prometheus, inside); "
        "everyone else gets 404, also through a trusted load balancer",
    )
    trusted_proxies: list[str] = Field(
        default_factory=list,
        description="networks (CIDR) of load balancers in front of the gateway whose X-Forwarded-For is believed",
    )
    nats_url: str = Field(
        default="nats://127.0.0.1:8842",
        validation_alias=AliasChoices("nats_url", "NATS_URL"),
        description="where the shared rate-limit counts live (a JetStream key-value bucket) and identity's "
        "revocation events are read from (the gateway's deny list)",
    )
    nats_user: str | None = Field(
        default=None,
        description="the gateway's NATS user (deploy/nats/permissions.toml); the launcher sets it",
    )
    nats_password: SecretStr | None = Field(default=None, description="that user's password")
    rate_limit_bucket: str = Field(default="gateway_limits", pattern=r"^[A-Za-z0-9_-]+$")
    rate_limit_store_wait: float = Field(
        default=3.0, ge=0, le=60, description="seconds a starting gateway waits for the shared counts"
    )
    revocation_replay: float = Field(
        default=1800.0,
        ge=60,
        le=7 * 86_400,
        validation_alias=AliasChoices("revocation_replay", "TONGBAN_REVOCATION_REPLAY"),
        description="seconds of revocation events replayed at start: at least the access-token lifetime",
    )
    revocation_start_wait: float = Field(
        default=5.0,
        ge=0,
        le=120,
        validation_alias=AliasChoices("revocation_start_wait", "TONGBAN_REVOCATION_START_WAIT"),
        description="seconds the gateway waits at start for that replay before it serves anyway",
    )
    public_url: str = Field(
        default="http://127.0.0.1:8800",
        validation_alias=AliasChoices("public_url", "TONGBAN_PUBLIC_URL"),
        description="the gateway's public base URL: problem `type` URIs are `<it>/problems/<code>`",
    )
    problems_file: Path = Field(
        default=DEFAULT_CATALOGUE, description="the problem catalogue served at /problems (docs/problems.md)"
    )
    host: str = "127.0.0.1"
    port: int = Field(default=8800, ge=1, le=65535)
    log_level: LogLevel = Field(
        default="INFO", validation_alias=AliasChoices("log_level", "GATEWAY_LOG_LEVEL", "TONGBAN_LOG_LEVEL")
    )

    @field_validator("trusted_proxies", "metrics_networks")
    @classmethod
    def _networks(cls, value: list[str]) -> list[str]:
        for network in value:
            ipaddress.ip_network(network, strict=False)  # ValueError names the bad one
        return value

    @field_validator("identity_url", "catalog_url", "cases_url", "exchange_url")
    @classmethod
    def _base_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("an upstream URL starts with http:// or https://")
        return value.rstrip("/")
