"""Cases settings: env prefix ``CASES_`` (mesh-wide values keep their shared names)."""

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from meshkit.settings import ServiceSettings

__all__ = ["CasesSettings"]


class CasesSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="CASES_", extra="ignore", populate_by_name=True, frozen=True)

    service_name: str = "cases"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:8832/cases"
    district_center_org: str = Field(
        default="500110-ZWFWZX",
        description="区行政服务中心: its window clerks take window actions for departments",
    )
    online_org: str = Field(default="500110-ZWFWZX", description="where online applications are received")
    online_region: str = Field(default="500110000000", pattern=r"^\d{12}$")
    warning_working_days: int = Field(
        default=1, ge=0, le=10, description="yellow warning this many days before"
    )
    timer_interval: float = Field(default=60.0, gt=0, le=3600, description="seconds between deadline scans")
