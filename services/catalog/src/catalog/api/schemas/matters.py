"""Request and response bodies of matters (事项) and their materials."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import QueryableAttribute

from catalog.store.models import TEXT_LENGTH, Material, Matter
from meshkit.bounds import column_length
from meshkit.hostile import MULTI_LINE, MultiLineText

__all__ = [
    "HistoryEntryOut",
    "MaterialIn",
    "MaterialOut",
    "MatterHistoryOut",
    "MatterIn",
    "MatterOut",
    "MatterPage",
    "NoteIn",
    "VersionOut",
]


def _code(column: QueryableAttribute[Any]) -> Any:
    """A code field as long as the column it lands in (``meshkit.bounds.column_length``)."""
    return Field(min_length=1, max_length=column_length(column))


Short = Annotated[str, Field(max_length=200)]
Long = Annotated[str, Field(max_length=TEXT_LENGTH), MULTI_LINE]  # multi-line text
Phone = Annotated[str, Field(max_length=column_length(Matter.consult_phone), pattern=r"^[0-9\-+() ]*$")]


class MaterialIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(
        min_length=1, max_length=column_length(Material.name), description="material name (材料名称)"
    )
    requirement: Annotated[str, _code(Material.requirement)] = Field(
        default="required", description="required 必要 | optional 非必要 | deferrable 容缺后补"
    )
    form: Annotated[str, _code(Material.form)] = Field(
        default="original", description="original 原件 | copy 复印件 | original_and_copy | electronic"
    )
    paper_copies: int = Field(default=1, ge=0, le=99, description="paper copies (纸质份数)")
    source: Annotated[str, _code(Material.source)] = Field(
        default="applicant", description="applicant 申请人自备 | government 政府部门核发 | other"
    )
    certificate_type: Annotated[str, _code(Material.certificate_type)] | None = Field(
        default=None, description="e-certificate type (电子证照类型), e.g. ZZ-YYZZ"
    )
    resource_code: str | None = Field(
        default=None,
        max_length=column_length(Material.resource_code),
        description="shared data resource (共享资源编码)",
    )
    data_items: list[Annotated[str, Field(max_length=column_length(Material.data_items))]] = Field(
        default=[], max_length=50, description="data items needed (数据项)"
    )
    notes: Long = ""
    belongs_to: Literal["subject", "applicant"] = Field(
        default="subject",
        description="whose material (材料所属): subject 办理对象 (the person or enterprise the matter is about, "
        "e.g. a newborn) | applicant 申请人 (e.g. the mother's own ID card); the exchange is asked for that holder",
    )


class MaterialOut(MaterialIn):
    model_config = ConfigDict(from_attributes=True)


class MatterIn(BaseModel):
    """A matter version as an editor writes it; omitted fields take the catalog's defaults."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    code: str = Field(
        min_length=1, max_length=column_length(Matter.code), description="implementation code (实施编码)"
    )
    name: str = Field(
        min_length=1, max_length=column_length(Matter.name), description="matter name (事项名称)"
    )
    matter_type: str = Field(
        max_length=column_length(Matter.matter_type),
        pattern=r"^\d{2}$",
        description="matter type code (事项类型), e.g. 01 行政许可",
        examples=["01"],
    )
    department_code: str = Field(
        min_length=1,
        max_length=column_length(Matter.department_code),
        description="implementing department (实施主体) code",
    )
    statutory_days: int = Field(ge=0, le=3650, description="statutory time limit (法定时限)")
    promised_days: int = Field(ge=0, le=3650, description="promised time limit (承诺时限)")
    department_name: str = Field(
        default="", max_length=column_length(Matter.department_name), description="实施主体名称"
    )
    department_credit_code: str | None = Field(
        default=None, max_length=column_length(Matter.department_credit_code), description="统一社会信用代码"
    )
    basic_code: str | None = Field(
        default=None, max_length=column_length(Matter.basic_code), description="basic code (基本编码)"
    )
    item_code: str | None = Field(
        default=None,
        max_length=column_length(Matter.item_code),
        description="handling-item code (业务办理项编码)",
    )
    power_source: Annotated[str, _code(Matter.power_source)] = Field(
        default="1", description="power source (权力来源)"
    )
    levels: list[Annotated[str, _code(Matter.levels)]] = Field(
        default=["district"], max_length=3, description="district | town | village (行使层级)"
    )
    audiences: list[Annotated[str, _code(Matter.audiences)]] = Field(
        default=[], max_length=7, description="audience codes (服务对象)"
    )
    legal_basis: Long = Field(default="", description="legal basis (设定依据)")
    conditions: Long = Field(default="", description="acceptance conditions (受理条件)")
    statutory_unit: Annotated[str, _code(Matter.statutory_unit)] = Field(
        default="working_day", description="working_day 工作日 | natural_day 自然日"
    )
    promised_unit: Annotated[str, _code(Matter.promised_unit)] = Field(
        default="working_day", description="working_day 工作日 | natural_day 自然日"
    )
    case_kind: Annotated[str, _code(Matter.case_kind)] | None = Field(
        default=None, description="1 即办件 | 2 承诺件; derived from the promise if omitted"
    )
    visits: int = Field(default=0, ge=0, le=10, description="hall visits (到办事现场次数), 0 = 零跑动")
    visit_reason: Long = Field(default="", description="why visits are needed (到现场理由)")
    fee: bool = Field(default=False, description="charges a fee (是否收费)")
    fee_basis: Long = Field(default="", description="legal basis of the fee (收费依据)")
    online_depths: list[Annotated[str, _code(Matter.online_depths)]] = Field(
        default=[], max_length=7, description="online depth codes (网办深度)"
    )
    full_online: bool = Field(default=False, description="全程网办")
    channels: list[Annotated[str, _code(Matter.channels)]] = Field(
        default=["window"], max_length=10, description="handling channels (办理渠道)"
    )
    result_type: Annotated[str, _code(Matter.result_type)] = Field(
        default="other", description="result type (办理结果类型)"
    )
    result_name: Short = Field(default="", description="result name (办理结果名称), e.g. 营业执照")
    result_certificate_type: Annotated[str, _code(Matter.result_certificate_type)] | None = Field(
        default=None, description="e-certificate type the result is"
    )
    min_real_name_level: int = Field(default=1, ge=1, le=3, description="minimum real-name level (实名等级)")
    cross_area: Annotated[str, _code(Matter.cross_area)] = Field(
        default="none", description="cross-area scope (通办范围)"
    )
    special_procedures: list[Annotated[str, _code(Matter.special_procedures)]] = Field(
        default=[], max_length=10, description="special procedures (特别程序)"
    )
    consult_phone: Phone = Field(default="", description="consultation phone (咨询电话)")
    complaint_phone: Phone = Field(default="", description="complaint phone (投诉电话)")
    keywords: list[Annotated[str, Field(max_length=column_length(Matter.keywords))]] = Field(
        default=[], max_length=20, description="俗称/关键词"
    )
    guide: Long = Field(default="", description="guide text (办事指南)")
    valid_from: date | None = Field(
        default=None, description="first valid day (生效日期); default: publication day"
    )
    valid_to: date | None = Field(
        default=None, description="first day no longer valid (失效日期); empty: open"
    )
    materials: list[MaterialIn] = Field(default=[], max_length=100, description="materials (办理材料)")


class MatterOut(MatterIn):
    model_config = ConfigDict(from_attributes=True)

    id: str
    version: int
    status: str = Field(description="draft 草稿 | in_review 审核中 | published 已发布 | retired 已废止")
    case_kind: str | None = None
    materials: list[MaterialOut] = []  # type: ignore[assignment]
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None
    retired_at: datetime | None


class MatterPage(BaseModel):
    items: list[MatterOut]
    total: int
    limit: int
    offset: int


class NoteIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    note: MultiLineText = Field(default="", max_length=2000, description="reason shown in the history (说明)")


class VersionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    version: int
    status: str
    valid_from: date | None
    valid_to: date | None
    published_at: datetime | None
    retired_at: datetime | None


class HistoryEntryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    version: int
    action: str = Field(
        description="created | updated | submitted | returned | published | superseded | retired"
    )
    status: str
    actor: str
    note: str
    at: datetime


class MatterHistoryOut(BaseModel):
    code: str
    versions: list[VersionOut]
    entries: list[HistoryEntryOut]
