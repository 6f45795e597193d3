"""Exchange settings: env prefix ``EXCHANGE_`` (mesh-wide values keep their shared names)."""

from pydantic_settings import SettingsConfigDict

from meshkit.settings import ServiceSettings

__all__ = ["ExchangeSettings"]


class ExchangeSettings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="EXCHANGE_", extra="ignore", populate_by_name=True, frozen=True
    )

    service_name: str = "exchange"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:8832/exchange"
