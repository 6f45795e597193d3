"""Events the catalog publishes (stream CATALOG, subjects ``catalog.>``).

``catalog.matter_published.v1`` was committed with eight required fields; everything added since is optional
with a default, as v1 allows.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field

from meshkit.events import EventPayload, EventSpec

__all__ = [
    "BUNDLE_PUBLISHED",
    "BUNDLE_RETIRED",
    "EVENTS",
    "MATTER_PUBLISHED",
    "MATTER_RETIRED",
    "BundleMaterial",
    "BundleMember",
    "BundlePublished",
    "BundleRetired",
    "MaterialInfo",
    "MatterPublished",
    "MatterRetired",
    "StandIn",
]


class MaterialInfo(EventPayload):
    """A material and its paper-free ways: an e-certificate type and/or a shared data resource."""

    name: str
    requirement: str = "required"
    form: str = "original"
    paper_copies: int = 1
    source: str = "applicant"
    certificate_type: str | None = None
    resource_code: str | None = None
    data_items: list[str] = Field(default_factory=list)
    belongs_to: str = Field(
        default="subject",
        description="whose material: subject 办理对象 | applicant 申请人 (added in v1, optional)",
    )


class MatterPublished(EventPayload):
    matter_id: str
    code: str
    version: int
    name: str
    matter_type: str
    department_code: str
    statutory_days: int
    promised_days: int
    department_name: str = ""
    levels: list[str] = Field(default_factory=list, description="district | town | village")
    audiences: list[str] = Field(default_factory=list)
    statutory_unit: str = Field(default="working_day", description="working_day | natural_day")
    promised_unit: str = Field(default="working_day", description="working_day | natural_day")
    case_kind: str | None = Field(default=None, description="1 即办件, 2 承诺件")
    visits: int | None = Field(default=None, description="到办事现场次数")
    online_depths: list[str] = Field(default_factory=list)
    full_online: bool = False
    min_real_name_level: int = 1
    result_certificate_type: str | None = None
    special_procedures: list[str] = Field(default_factory=list)
    valid_from: date | None = None
    valid_to: date | None = None
    materials: list[MaterialInfo] = Field(default_factory=list)
    legal_basis: str = Field(
        default="",
        description="设定依据: the laws and regulations the matter rests on, as the catalog lists them",
    )


class MatterRetired(EventPayload):
    matter_id: str
    code: str
    version: int
    retired_on: date


class BundleMember(EventPayload):
    code: str
    version: int
    name: str
    department_code: str


class StandIn(EventPayload):
    """A member's material that a bundle material stands in for (替代材料)."""

    member_code: str
    name: str
    reason: str = ""


class BundleMaterial(MaterialInfo):
    asked_by: list[str] = Field(
        default_factory=list, description="member codes asking for it (or whose material it stands in for)"
    )
    produced_by: str | None = Field(default=None, description="member whose result satisfies it: not asked")
    stands_in_for: list[StandIn] = Field(
        default_factory=list,
        description="members' materials it stands in for, which are not asked themselves: e.g. the 户口簿 that "
        "出生登记 issues for 医保参保's 申请人身份证明 of a newborn (added in v1, optional)",
    )


class BundlePublished(EventPayload):
    bundle_id: str
    code: str
    version: int
    name: str
    lead_department_code: str
    lead_department_name: str = ""
    members: list[BundleMember]
    materials: list[BundleMaterial] = Field(default_factory=list)
    statutory_days: int
    statutory_unit: str = "working_day"
    promised_days: int
    promised_unit: str = "working_day"


class BundleRetired(EventPayload):
    bundle_id: str
    code: str
    version: int


_RESTAURANT = "500110-SCJGJ-KBCYD-YJS"

MATTER_PUBLISHED = EventSpec(
    service="catalog",
    name="matter_published",
    version=1,
    payload=MatterPublished,
    description="A matter version was published (事项发布) and is now open for applications.",
    example={
        "matter_id": "6f1c8a52-5a0e-4f7e-9a43-4a8f5f0f3c11",
        "code": "11500110MB1C54321X400011711700001",
        "version": 1,
        "name": "食品经营许可",
        "matter_type": "01",
        "department_code": "500110-SCJGJ",
        "statutory_days": 20,
        "promised_days": 10,
        "department_name": "区市场监管局",
        "levels": ["district"],
        "audiences": ["1", "2", "5"],
        "statutory_unit": "working_day",
        "promised_unit": "working_day",
        "case_kind": "2",
        "visits": 0,
        "online_depths": ["1", "2", "3", "4", "5", "6", "7"],
        "full_online": True,
        "min_real_name_level": 2,
        "result_certificate_type": "ZZ-SPJYXKZ",
        "special_procedures": ["site_check"],
        "valid_from": "2025-01-01",
        "valid_to": None,
        "legal_basis": "《中华人民共和国食品安全法》第三十五条",
        "materials": [
            {
                "name": "营业执照",
                "requirement": "required",
                "form": "original",
                "paper_copies": 0,
                "source": "government",
                "certificate_type": "ZZ-YYZZ",
                "resource_code": "500110-SCJGJ-FR-001",
                "data_items": ["统一社会信用代码", "名称"],
                "belongs_to": "subject",
            },
            {
                "name": "经营场所平面图",
                "requirement": "required",
                "form": "original",
                "paper_copies": 1,
                "source": "applicant",
                "certificate_type": None,
                "resource_code": None,
                "data_items": [],
                "belongs_to": "subject",
            },
        ],
    },
)

MATTER_RETIRED = EventSpec(
    service="catalog",
    name="matter_retired",
    version=1,
    payload=MatterRetired,
    description="A matter version was retired (事项废止): no new applications; history is kept.",
    example={
        "matter_id": "6f1c8a52-5a0e-4f7e-9a43-4a8f5f0f3c11",
        "code": "500110-SCJGJ-SPJY-XK",
        "version": 1,
        "retired_on": "2026-03-01",
    },
)

BUNDLE_PUBLISHED = EventSpec(
    service="catalog",
    name="bundle_published",
    version=1,
    payload=BundlePublished,
    description="A 一件事 bundle was published: members, lead department, merged materials, combined limit.",
    example={
        "bundle_id": "0b7d1c3e-3c52-4d8e-8a43-2b4c1f9e7a10",
        "code": _RESTAURANT,
        "version": 1,
        "name": "开办餐饮店一件事",
        "lead_department_code": "500110-SCJGJ",
        "lead_department_name": "区市场监管局",
        "members": [
            {
                "code": "500110-SCJGJ-GTGSH-SL",
                "version": 1,
                "name": "个体工商户设立登记",
                "department_code": "500110-SCJGJ",
            },
            {
                "code": "500110-SCJGJ-SPJY-XK",
                "version": 1,
                "name": "食品经营许可",
                "department_code": "500110-SCJGJ",
            },
        ],
        "materials": [
            {
                "name": "经营者身份证明",
                "requirement": "required",
                "form": "original",
                "paper_copies": 0,
                "source": "government",
                "certificate_type": "ZZ-JMSFZ",
                "resource_code": "500110-GAJ-RK-001",
                "data_items": ["姓名", "公民身份号码"],
                "belongs_to": "subject",
                "asked_by": ["500110-SCJGJ-GTGSH-SL", "500110-SCJGJ-SPJY-XK"],
                "produced_by": None,
                "stands_in_for": [],
            },
            {
                "name": "营业执照",
                "requirement": "required",
                "form": "original",
                "paper_copies": 0,
                "source": "government",
                "certificate_type": "ZZ-YYZZ",
                "resource_code": None,
                "data_items": [],
                "belongs_to": "subject",
                "asked_by": ["500110-SCJGJ-SPJY-XK"],
                "produced_by": "500110-SCJGJ-GTGSH-SL",
                "stands_in_for": [],
            },
        ],
        "statutory_days": 20,
        "statutory_unit": "working_day",
        "promised_days": 10,
        "promised_unit": "working_day",
    },
)

BUNDLE_RETIRED = EventSpec(
    service="catalog",
    name="bundle_retired",
    version=1,
    payload=BundleRetired,
    description="A 一件事 bundle was retired: no new applications through it.",
    example={"bundle_id": "0b7d1c3e-3c52-4d8e-8a43-2b4c1f9e7a10", "code": _RESTAURANT, "version": 1},
)

EVENTS: list[EventSpec[Any]] = [MATTER_PUBLISHED, MATTER_RETIRED, BUNDLE_PUBLISHED, BUNDLE_RETIRED]
