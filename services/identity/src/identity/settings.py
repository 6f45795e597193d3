"""Identity settings: env prefix ``IDENTITY_`` (mesh-wide values keep their shared names)."""

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from meshkit.settings import ServiceSettings

__all__ = ["IdentitySettings"]


class IdentitySettings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="IDENTITY_", extra="ignore", populate_by_name=True, frozen=True
    )

    service_name: str = "identity"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:8832/identity"
    access_token_ttl: int = Field(default=900, ge=60, le=86_400, description="seconds")
