"""Identity settings: env prefix ``IDENTITY_`` (mesh-wide values keep their shared names)."""

from __future__ import annotations

from datetime import timedelta

from pydantic import Field, model_validator
from pydantic_settings import SettingsConfigDict

from identity.domain.oauth_keys import RotationPolicy
from identity.domain.tokens import TokenPolicy
from meshkit.settings import ServiceSettings

__all__ = ["IdentitySettings"]


class IdentitySettings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="IDENTITY_", extra="ignore", populate_by_name=True, frozen=True
    )

    service_name: str = "identity"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:8832/identity"
    access_token_ttl: int = Field(default=900, ge=60, le=86_400, description="seconds")
    id_token_ttl: int = Field(default=900, ge=60, le=86_400, description="seconds")
    refresh_token_ttl: int = Field(
        default=86_400, ge=300, le=90 * 86_400, description="seconds; absolute lifetime of a rotation family"
    )
    authorization_code_ttl: int = Field(default=60, ge=10, le=600, description="seconds")
    session_ttl: int = Field(
        default=8 * 3600, ge=300, le=30 * 86_400, description="seconds of single sign-on"
    )
    login_form_ttl: int = Field(default=600, ge=60, le=3600, description="seconds a login page stays usable")
    key_rotation_days: int = Field(default=30, ge=1, le=365)
    key_publish_ahead: timedelta = Field(default=timedelta(days=1), description="JWKS lead time of a new key")
    key_cache_seconds: float = Field(default=30.0, ge=0, le=300, description="how long the API caches keys")
    key_check_interval: float = Field(
        default=600.0, gt=0, le=86_400, description="worker's key schedule period"
    )
    system_clients: list[str] = Field(
        default=["tongban-cases", "tongban-exchange", "tongban-web", "catalog-editor", "tongban-identity"],
        description="built-in clients the mesh itself logs in with (the cases platform, the exchange, the portal, "
        "the catalog editor): never deactivated, narrowed or re-keyed at once through the admin API; their "
        "secrets rotate with an overlap (docs/runbook.md)",
    )
    secret_retire_quiet_seconds: int = Field(
        default=1200,
        ge=0,
        le=86_400,
        description="an old client secret is retired only after it got no token for this long (longer than the "
        "access-token lifetime: a service still running with it would have logged in again)",
    )
    # 实名核验: the registers identity reads through the exchange, as its own system client under a duty
    exchange_url: str = Field(default="http://127.0.0.1:8804", description="the exchange (共享交换平台)")
    system_client_id: str = Field(
        default="tongban-identity",
        max_length=64,
        description="identity's own registered system client (scope exchange:read, the identity platform's "
        "organization); identity signs its token itself, so the client needs no secret here",
    )
    verification_duty: str = Field(
        default="500110-ZWFWZX-LZ-SMHY",
        max_length=100,
        description="the duty (履职依据) of the system client's organization under which it reads the registers",
    )
    population_resource: str = Field(default="500110-GAJ-RK-001", description="人口基础信息 (公安)")
    enterprise_resource: str = Field(default="500110-SCJGJ-FR-001", description="法人基础信息 (市场监管)")
    registry_timeout: float = Field(default=5.0, gt=0, le=60, description="seconds per register read")
    # one-time codes (短信验证码)
    sms_url: str = Field(default="http://127.0.0.1:8813", description="the SMS gateway (短信网关)")
    phone_code_ttl: int = Field(default=300, ge=60, le=1800, description="seconds a code stays valid")
    phone_code_attempts: int = Field(default=5, ge=1, le=10, description="wrong tries before a code dies")
    phone_code_interval: int = Field(
        default=60, ge=0, le=3600, description="seconds between two codes to one number"
    )
    phone_code_per_number: int = Field(default=5, ge=1, le=100, description="codes per number per hour")
    phone_code_per_source: int = Field(
        default=20, ge=1, le=10_000, description="codes per source address per hour"
    )

    @model_validator(mode="after")
    def _publish_before_rotation(self) -> IdentitySettings:
        if not timedelta(0) < self.key_publish_ahead < timedelta(days=self.key_rotation_days):
            raise ValueError("key_publish_ahead must be positive and shorter than key_rotation_days")
        if self.revocation_replay < self.access_token_ttl:
            raise ValueError(
                "TONGBAN_REVOCATION_REPLAY must be at least IDENTITY_ACCESS_TOKEN_TTL: a process that starts must "
                "learn every revocation of a token that may still be unexpired"
            )
        return self

    @property
    def cookie_secure(self) -> bool:
        """Cookies are ``Secure`` everywhere but on a developer's loopback mesh."""
        return self.environment != "dev"

    def token_policy(self) -> TokenPolicy:
        return TokenPolicy(
            issuer=self.issuer.rstrip("/"),
            audience=self.audience,
            access_ttl=self.access_token_ttl,
            id_token_ttl=self.id_token_ttl,
            refresh_ttl=self.refresh_token_ttl,
            code_ttl=self.authorization_code_ttl,
            session_ttl=self.session_ttl,
        )

    def rotation_policy(self) -> RotationPolicy:
        """Retired keys stay published while tokens they signed may be unexpired (plus five minutes)."""
        return RotationPolicy(
            rotate_every=timedelta(days=self.key_rotation_days),
            publish_ahead=self.key_publish_ahead,
            verify_window=timedelta(seconds=max(self.access_token_ttl, self.id_token_ttl) + 300),
        )
