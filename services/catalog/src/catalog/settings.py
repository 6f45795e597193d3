"""Catalog settings: env prefix ``CATALOG_`` (mesh-wide values keep their shared names)."""

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from meshkit.settings import ServiceSettings

__all__ = ["IMPORT_HEADROOM", "CatalogSettings"]

MIB = 1_048_576
IMPORT_HEADROOM = 64 * 1024  # a sheet just over the limit gets the import's own 413 (sheet_too_large)


class CatalogSettings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="CATALOG_", extra="ignore", populate_by_name=True, frozen=True
    )

    service_name: str = "catalog"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:8832/catalog"
    import_max_bytes: int = Field(
        default=8 * MIB,
        ge=1024,
        le=64 * MIB,
        description="a sheet sent to POST /imports (a district's 实施清单 is 2–5 MB); only that route takes a body "
        "this large (others: max_body_bytes)",
    )
