"""Request and response bodies of 一件事 bundles."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from catalog.api.schemas.matters import MaterialOut
from meshkit.hostile import MultiLineText

__all__ = [
    "BundleIn",
    "BundleMaterialOut",
    "BundleMemberOut",
    "BundleOut",
    "CombinedLimitOut",
    "StandInOut",
    "SubstituteIn",
]


class SubstituteIn(BaseModel):
    """A stand-in (替代材料): in this bundle, a member's material is satisfied by a certificate another member
    issues or by another material of the bundle, and is not asked itself."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    member_code: str = Field(
        min_length=1, max_length=36, description="the member matter (成员事项) asking for it"
    )
    material: str = Field(
        min_length=1,
        max_length=200,
        description="the member's material, by name (申请人身份证明) or e-certificate type (ZZ-JMSFZ)",
    )
    satisfied_by: str = Field(
        min_length=1,
        max_length=200,
        description="what stands in for it: an e-certificate type another member issues (ZZ-JMHKB, 居民户口簿 of "
        "出生登记) or another material of the bundle, by certificate type or name",
    )
    reason: str = Field(default="", max_length=200, description="why, as the clerk reads it (说明)")


class BundleIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    code: str = Field(min_length=1, max_length=36, description="bundle code (一件事编码)")
    name: str = Field(min_length=1, max_length=200, description="bundle name, e.g. 开办餐饮店一件事")
    lead_department_code: str = Field(min_length=1, max_length=40, description="lead department (牵头部门)")
    lead_department_name: str = Field(default="", max_length=100)
    description: MultiLineText = Field(default="", max_length=5000, description="说明")
    keywords: list[Annotated[str, Field(max_length=50)]] = Field(default=[], max_length=20)
    member_codes: list[Annotated[str, Field(min_length=1, max_length=36)]] = Field(
        min_length=1, max_length=20, description="member matters' implementation codes (成员事项)"
    )
    substitutes: list[SubstituteIn] = Field(
        default=[],
        max_length=40,
        description="stand-ins (替代材料): a member's material satisfied by another member's certificate or "
        "another material of the bundle; checked on publish",
    )


class BundleMemberOut(BaseModel):
    code: str
    version: int
    name: str
    department_code: str
    department_name: str
    promised_days: int
    promised_unit: str


class StandInOut(BaseModel):
    member_code: str = Field(description="the member whose material it stands in for")
    name: str = Field(description="that member's material, which is not asked (被替代的材料)")
    reason: str


class BundleMaterialOut(MaterialOut):
    asked_by: list[str] = Field(description="members that ask for it (需要此材料的事项)")
    produced_by: str | None = Field(
        description="member whose result satisfies it: not asked (由成员事项产生，免提交)"
    )
    asked: bool = Field(description="whether the applicant is asked for it (是否需申请人提交)")
    stands_in_for: list[StandInOut] = Field(
        default=[], description="members' materials it stands in for, not asked themselves (代替的材料)"
    )


class CombinedLimitOut(BaseModel):
    statutory_days: int
    statutory_unit: str
    promised_days: int
    promised_unit: str


class BundleOut(BaseModel):
    id: str
    code: str
    version: int
    status: str
    name: str
    lead_department_code: str
    lead_department_name: str
    description: str
    keywords: list[str]
    member_codes: list[str]
    substitutes: list[SubstituteIn] = Field(default=[], description="the bundle's stand-ins (替代材料)")
    members: list[BundleMemberOut] = Field(description="members' current published versions")
    materials: list[BundleMaterialOut] = Field(description="merged materials (合并后的材料清单)")
    limit: CombinedLimitOut | None = Field(description="combined time limit, parallel approval (并联审批)")
    created_at: datetime
    published_at: datetime | None
