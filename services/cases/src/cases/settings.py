"""Cases settings: env prefix ``CASES_`` (mesh-wide values keep their shared names)."""

from pydantic_settings import SettingsConfigDict

from meshkit.settings import ServiceSettings

__all__ = ["CasesSettings"]


class CasesSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="CASES_", extra="ignore", populate_by_name=True, frozen=True)

    service_name: str = "cases"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:8832/cases"
