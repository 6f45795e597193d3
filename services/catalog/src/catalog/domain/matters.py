"""A matter implementation (实施清单事项) and its materials as plain values: what an editor writes."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any

from catalog.domain.codes import CaseKind, Holder, Level, Requirement, TimeUnit

__all__ = ["MaterialSpec", "MatterSpec", "resolved_case_kind"]


@dataclass(frozen=True)
class MaterialSpec:
    """One material (办理材料) and the ways to satisfy it without paper (免提交)."""

    name: str
    requirement: str = Requirement.REQUIRED
    form: str = "original"
    paper_copies: int = 1
    source: str = "applicant"
    certificate_type: str | None = None  # e-certificate type code (电子证照类型), e.g. ZZ-YYZZ
    resource_code: str | None = None  # shared data resource (共享数据资源), e.g. 500110-SCJGJ-FR-001
    data_items: tuple[str, ...] = ()  # data items needed from the resource (数据项)
    notes: str = ""
    belongs_to: str = Holder.SUBJECT  # whose it is: the matter's subject (办理对象) or the applicant (申请人)

    @property
    def paper_free(self) -> bool:
        return bool(self.certificate_type or self.resource_code)


@dataclass(frozen=True)
class MatterSpec:
    """Every national field of an implementation (DOMAIN.md §4). Codes refer to the dictionaries."""

    code: str  # 实施编码
    name: str
    matter_type: str
    department_code: str
    statutory_days: int
    promised_days: int
    department_name: str = ""
    department_credit_code: str | None = None
    basic_code: str | None = None  # 基本编码
    item_code: str | None = None  # 业务办理项编码
    power_source: str = "1"
    levels: tuple[str, ...] = (Level.DISTRICT,)
    audiences: tuple[str, ...] = ()
    legal_basis: str = ""
    conditions: str = ""
    statutory_unit: str = TimeUnit.WORKING_DAY
    promised_unit: str = TimeUnit.WORKING_DAY
    case_kind: str | None = None  # None: derived from the promised limit
    visits: int = 0
    visit_reason: str = ""
    fee: bool = False
    fee_basis: str = ""
    online_depths: tuple[str, ...] = ()
    full_online: bool = False
    channels: tuple[str, ...] = ("window",)
    result_type: str = "other"
    result_name: str = ""
    result_certificate_type: str | None = None  # the e-certificate type this matter issues
    min_real_name_level: int = 1
    cross_area: str = "none"
    special_procedures: tuple[str, ...] = ()
    consult_phone: str = ""
    complaint_phone: str = ""
    keywords: tuple[str, ...] = ()  # 俗称/关键词, searched like the name
    guide: str = ""  # 办事指南 text
    valid_from: date | None = None
    valid_to: date | None = None
    materials: tuple[MaterialSpec, ...] = field(default=())

    @classmethod
    def from_values(cls, values: dict[str, Any]) -> MatterSpec:
        """Build from a mapping (API body, import row, database row); lists become tuples."""
        names = {f.name for f in fields(cls)}
        data = {k: v for k, v in values.items() if k in names}
        for key in ("levels", "audiences", "online_depths", "channels", "special_procedures", "keywords"):
            if key in data:
                data[key] = tuple(data[key])
        data["materials"] = tuple(
            m if isinstance(m, MaterialSpec) else material_from_values(m) for m in data.get("materials", ())
        )
        return cls(**data)

    def resolved(self) -> MatterSpec:
        """The spec with derived defaults filled in (case kind from the promised limit)."""
        if self.case_kind is not None:
            return self
        return replace(self, case_kind=resolved_case_kind(self.promised_days))


def resolved_case_kind(promised_days: int) -> str:
    return CaseKind.IMMEDIATE if promised_days == 0 else CaseKind.PROMISED


def material_from_values(values: dict[str, Any]) -> MaterialSpec:
    names = {f.name for f in fields(MaterialSpec)}
    data = {k: v for k, v in values.items() if k in names}
    if "data_items" in data:
        data["data_items"] = tuple(data["data_items"])
    return MaterialSpec(**data)
