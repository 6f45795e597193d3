"""Cases settings: env prefix ``CASES_`` (mesh-wide values keep their shared names)."""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict

from meshkit.settings import ServiceSettings

__all__ = ["DEMO_CLIENT_SECRET", "CasesSettings"]

# identity's demo client secret (identity.demo): accepted in dev only.
DEMO_CLIENT_SECRET = "demo-client-secret-for-local-runs"  # noqa: S105 - the value refused outside dev
MIB = 1024 * 1024


class CasesSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="CASES_", extra="ignore", populate_by_name=True, frozen=True)

    service_name: str = "cases"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:8832/cases"
    district_center_org: str = Field(
        default="500110-ZWFWZX",
        description="区行政服务中心: its window clerks take window actions for departments",
    )
    online_org: str = Field(default="500110-ZWFWZX", description="where online applications are received")
    review_body: str = Field(
        default="重庆市綦江区人民政府",
        min_length=2,
        max_length=60,
        description="where a refused applicant may apply for 行政复议, printed on every refusal decision",
    )
    court: str = Field(
        default="重庆市綦江区人民法院",
        min_length=2,
        max_length=60,
        description="where a refused applicant may bring 行政诉讼, printed on every refusal decision",
    )
    online_region: str = Field(default="500110000000", pattern=r"^\d{12}$")
    warning_working_days: int = Field(
        default=1, ge=0, le=10, description="yellow warning this many days before"
    )
    timer_interval: float = Field(default=60.0, gt=0, le=3600, description="seconds between deadline scans")
    # The worker's calls to identity (applicants' identifiers) and to the exchange (materials, certificates).
    identity_url: str = Field(
        default="http://127.0.0.1:8801",
        description="identity service: the worker, and a clerk's filing for someone (代办)",
    )
    exchange_url: str = Field(default="http://127.0.0.1:8804", description="exchange service, for the worker")
    client_id: str = Field(default="tongban-cases", description="the cases platform's identity client")
    client_secret: SecretStr = Field(default=SecretStr(DEMO_CLIENT_SECRET))
    exchange_timeout: float = Field(
        default=10.0, gt=0, le=120, description="seconds per call to identity/exchange"
    )
    exchange_interval: float = Field(
        default=2.0, gt=0, le=3600, description="seconds between exchange work scans"
    )
    material_max_attempts: int = Field(default=6, ge=1, le=50, description="then left for upload or paper")
    retry_base_seconds: float = Field(default=5.0, gt=0, le=3600, description="first retry delay, doubling")
    retry_max_seconds: float = Field(default=900.0, gt=0, le=86400)
    certificate_max_attempts: int = Field(default=20, ge=1, le=1000)
    matter_cache_seconds: float = Field(
        default=30.0,
        ge=0,
        le=3600,
        description="open matters kept in process for applications (0: read each time); a retired or newer "
        "version is noticed at the next application regardless",
    )
    upload_max_bytes: int = Field(
        default=10 * MIB,
        ge=1024,
        le=200 * MIB,
        description="per uploaded file; only the upload route takes a body this large (others: max_body_bytes)",
    )
    material_upload_cap_bytes: int = Field(
        default=30 * MIB,
        ge=1024,
        le=4096 * MIB,
        description="all files uploaded for one material of a case, replaced ones included (they stay stored)",
    )
    case_upload_cap_bytes: int = Field(
        default=100 * MIB, ge=1024, le=16384 * MIB, description="all files uploaded for one case"
    )

    def production_problems(self, environment: str | None = None) -> list[str]:
        """Identity's published demo client secret is refused outside dev, with the base's checks."""
        problems = super().production_problems(environment)
        if self.client_secret.get_secret_value() == DEMO_CLIENT_SECRET:
            problems.append(f"{self.env_name('client_secret')} (still has the published demo value)")
        return problems
