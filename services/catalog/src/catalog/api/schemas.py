"""Request and response bodies of the catalog API."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["MatterIn", "MatterOut", "MatterPage"]


class MatterIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    code: str = Field(min_length=1, max_length=36, description="implementation code (实施编码)")
    name: str = Field(min_length=1, max_length=200, description="matter name (事项名称)")
    matter_type: str = Field(pattern=r"^\d{2}$", description="matter type code (事项类型), e.g. 01 行政许可")
    department_code: str = Field(
        min_length=1, max_length=40, description="implementing department's organization code (实施主体)"
    )
    statutory_days: int = Field(ge=0, le=3650, description="statutory time limit in working days (法定时限)")
    promised_days: int = Field(ge=0, le=3650, description="promised time limit in working days (承诺时限)")


class MatterOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    code: str
    version: int
    name: str
    matter_type: str
    department_code: str
    statutory_days: int
    promised_days: int
    status: str
    created_at: datetime
    published_at: datetime | None


class MatterPage(BaseModel):
    items: list[MatterOut]
    total: int
    limit: int
    offset: int
