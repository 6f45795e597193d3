"""Exchange settings: env prefix ``EXCHANGE_`` (mesh-wide values keep their shared names)."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import NoDecode, SettingsConfigDict

from exchange.domain.outbound import OutboundPolicy
from meshkit.settings import ServiceSettings

__all__ = [
    "DEMO_CLIENT_SECRET",
    "DEV_CHECKPOINT_SIGNING_KEY",
    "DEV_CITY_PUBLIC_KEY",
    "DEV_SM2_PRIVATE_KEY",
    "DEV_WITNESS_PUBLIC_KEY",
    "ExchangeSettings",
]

# identity's demo client secret (identity.demo): accepted in dev only.
DEMO_CLIENT_SECRET = "demo-client-secret-for-local-runs"  # noqa: S105 - demo data, dev only

# Development key pairs only (refused outside dev). The city-platform simulator holds the other halves.
DEV_SM2_PRIVATE_KEY = "403efb53cc11511cabfd75b5456014b6ec50c92419577e104775f9b68f38c9de"
DEV_CITY_PUBLIC_KEY = (
    "7a216b66ff122e25f79ed8e7feb306189aae15b72f1880a4823d7a4e2c5b3b26"
    "8d0ea3e9e1638303c4b1dcd8f862b6908cc9da22f0b3d8b9f0c8fbd1e37ba4c2"
)

# Development keys only (refused outside dev): the access log's checkpoint key (Ed25519 seed, hex), and the public
# key of the time-stamping simulator (tongban.simulators.timestamping) that witnesses the checkpoints.
DEV_CHECKPOINT_SIGNING_KEY = "b18bea9303e09a3db6d8b6f08032dec750bcfb0beeed63610cc40a1e77f2cb5d"
DEV_WITNESS_PUBLIC_KEY = "949ab2159acccf25ce1d8bb97defd7b7200cb53005186575c50d77fdac89c396"


class ExchangeSettings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="EXCHANGE_", extra="ignore", populate_by_name=True, frozen=True
    )

    service_name: str = "exchange"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:8832/exchange"

    # data path limits (per client id, in-process token bucket)
    rate_limit_per_second: float = Field(default=2000.0, gt=0)
    rate_limit_burst: float = Field(default=2000.0, ge=1)
    rate_limit_overrides: dict[str, float] = Field(default_factory=dict, description="client id -> reads/s")
    replicas: int = Field(
        default=1,
        ge=1,
        le=256,
        description="exchange processes side by side; each enforces 1/replicas of the limits",
    )
    resource_cache_seconds: float = Field(
        default=1.0,
        ge=0,
        le=60,
        description="how long a replica reuses a resource definition and the certificate type directory on reads",
    )
    records_per_push: int = Field(default=1000, ge=1, le=100_000)
    record_bytes: int = Field(default=16_384, ge=256)
    provider_response_bytes: int = Field(default=262_144, ge=1024)
    provider_connections: int = Field(default=100, ge=1)

    # the basis of reads: the hub's view of cases and subjects, completed from identity and cases on a miss
    identity_url: str = Field(
        default="http://127.0.0.1:8801", description="identity service (subject bindings)"
    )
    cases_url: str = Field(default="http://127.0.0.1:8803", description="cases service (case bases)")
    client_id: str = Field(default="tongban-exchange", description="the exchange's own identity client")
    client_secret: SecretStr = Field(default=SecretStr(DEMO_CLIENT_SECRET))
    background_lane_clients: list[str] = Field(
        default=["tongban-cases"],
        description="on the background lane (EXCHANGE_BACKGROUND_LANE), the clients served: the cases platform's; "
        "only its routes (resources, batch reads, certificates) are served there",
    )
    mesh_timeout: float = Field(default=5.0, gt=0, le=60, description="seconds per call to identity/cases")
    case_event_wait: float = Field(
        default=0.5,
        ge=0,
        le=5,
        description="seconds a read citing a case the hub has not heard of waits for its event before asking cases",
    )
    case_basis_days: int = Field(
        default=30, ge=0, le=3650, description="days after a case concluded that reads may still cite it"
    )

    grant_answer_working_days: int = Field(default=10, ge=1, le=60)
    certificate_resource: str = "500110-ZWFWZX-ZZ-001"

    # calls out to addresses members chose (provider endpoints, webhooks): https only outside dev, and internal
    # addresses refused unless listed here (addresses or networks, optionally with a port; no names)
    outbound_allow: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="internal addresses the hub may call anyway, comma-separated: 10.20.0.0/16, 127.0.0.1:8810, "
        "[::1]:8443",
    )

    # subscriptions (pub/sub)
    delivery_timeout: float = Field(default=5.0, gt=0, le=60)
    delivery_max_attempts: int = Field(
        default=8,
        ge=1,
        le=100,
        description="refusals (4xx) of one delivery by the subscriber before it is dead",
    )
    delivery_backoff_base: float = Field(default=1.0, gt=0)
    delivery_backoff_cap: float = Field(default=300.0, gt=0)
    delivery_poll_interval: float = Field(default=0.5, gt=0, le=60)

    # the city-level approval platform (市级行政审批系统)
    city_platform_url: str = "http://127.0.0.1:8811"
    city_records_path: str = "/case-exchange/records"
    city_source: str = Field(default="500110", description="数据来源: the district's division code")
    city_signing: Literal["sm2", "hmac"] = "sm2"
    city_sm2_private_key: SecretStr = SecretStr(DEV_SM2_PRIVATE_KEY)
    city_public_key: str = Field(
        default=DEV_CITY_PUBLIC_KEY, description="the platform's SM2 public key (hex)"
    )
    city_hmac_key: SecretStr | None = None
    city_timeout: float = Field(default=5.0, gt=0, le=120)
    city_max_attempts: int = Field(
        default=8, ge=1, le=100, description="refusals of one record by the platform before it is dead"
    )
    city_backoff_base: float = Field(default=0.5, gt=0)
    city_backoff_cap: float = Field(default=60.0, gt=0)
    city_poll_interval: float = Field(default=0.5, gt=0, le=60)
    city_clock_skew: float = Field(default=300.0, gt=0, description="seconds a signed push may be off")

    # signed checkpoints of the access log's chain, and the outside witness (a time-stamping authority)
    checkpoint_signing_key: SecretStr = Field(
        default=SecretStr(DEV_CHECKPOINT_SIGNING_KEY),
        description="Ed25519 seed (hex) the worker signs checkpoints with; never stored in the database",
    )
    checkpoint_trusted_keys: list[str] = Field(
        default_factory=list,
        description="public keys (hex) of earlier checkpoint keys, still accepted by the verifier after a rotation",
    )
    checkpoint_interval: float = Field(
        default=60.0,
        gt=0,
        le=86_400,
        description="seconds: a checkpoint at least this often while the log grows",
    )
    checkpoint_every_entries: int = Field(
        default=10_000, ge=1, description="… and whenever this many entries were appended since the last one"
    )
    checkpoint_poll_interval: float = Field(
        default=1.0, gt=0, le=60, description="seconds between the worker's looks at the chain's head"
    )
    witness_url: str = "http://127.0.0.1:8812/timestamp"
    witness_public_key: str = Field(
        default=DEV_WITNESS_PUBLIC_KEY, description="the time-stamping authority's Ed25519 public key (hex)"
    )
    witness_trusted_keys: list[str] = Field(
        default_factory=list,
        description="earlier public keys of the witness, still accepted for old receipts",
    )
    witness_timeout: float = Field(default=5.0, gt=0, le=60)
    witness_backoff_base: float = Field(default=1.0, gt=0)
    witness_backoff_cap: float = Field(default=300.0, gt=0)

    # demo data: where the 公安 population simulator answers proxied reads
    demo_population_url: str = "http://127.0.0.1:8810/population/query"

    @field_validator("outbound_allow", mode="before")
    @classmethod
    def _split_allow(cls, value: Any) -> Any:
        if isinstance(value, str) and value.lstrip().startswith('["'):
            return json.loads(value)  # a JSON array, as pydantic-settings reads lists elsewhere
        if isinstance(value, str):
            return [entry.strip() for entry in value.split(",") if entry.strip()]
        return value

    @model_validator(mode="after")
    def _outbound_policy_parses(self) -> ExchangeSettings:
        self.outbound_policy()  # every allowlist entry parses, or the service does not start
        return self

    def production_problems(self, environment: str | None = None) -> list[str]:
        """The development key pairs (their other halves are in the repository: the simulators hold them) and
        identity's published demo client secret are refused outside dev, with the base's checks."""
        problems = super().production_problems(environment)
        if self.city_sm2_private_key.get_secret_value() == DEV_SM2_PRIVATE_KEY:
            problems.append(f"{self.env_name('city_sm2_private_key')} (still has the development key)")
        if self.city_public_key.lower() == DEV_CITY_PUBLIC_KEY:
            problems.append(
                f"{self.env_name('city_public_key')} (still trusts the city platform simulator's development key,"
                " whose private half is in the repository)"
            )
        if self.checkpoint_signing_key.get_secret_value() == DEV_CHECKPOINT_SIGNING_KEY:
            problems.append(f"{self.env_name('checkpoint_signing_key')} (still has the development key)")
        if self.witness_public_key.lower() == DEV_WITNESS_PUBLIC_KEY:
            problems.append(
                f"{self.env_name('witness_public_key')} (still trusts the development time-stamping simulator)"
            )
        if self.client_secret.get_secret_value() == DEMO_CLIENT_SECRET:
            problems.append(f"{self.env_name('client_secret')} (still has the published demo value)")
        return problems

    def outbound_policy(self) -> OutboundPolicy:
        """The outbound policy: https only outside dev; the operators' allowlist."""
        return OutboundPolicy.of(self.outbound_allow, https_only=self.environment != "dev")

    def hmac_key(self) -> bytes:
        """The HMAC scheme's shared key: configured, else derived from the service secret."""
        if self.city_hmac_key is not None:
            return self.city_hmac_key.get_secret_value().encode()
        return ("city-link:" + self.secret_key.get_secret_value()).encode()
