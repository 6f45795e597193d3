"""``catalog.matter_published.v1`` → the local read model of matters open for application.

The cases service defines its own narrow view of the event: only the fields it uses. Fields added to v1 after
it was first committed are optional here too, so older events still parse.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.ext.asyncio import AsyncSession

from cases.store.repositories import OpenMatterRepository
from meshkit.events import CloudEvent
from meshkit.inbox import ConsumerSpec

__all__ = ["MATTER_PUBLISHED_CONSUMER", "MaterialView", "MatterPublishedView", "on_matter_published"]

SUBJECT = "catalog.matter_published.v1"


class MaterialView(BaseModel):
    """A material and how a case can obtain it without paper."""

    model_config = ConfigDict(extra="ignore")

    name: str
    requirement: str = "required"
    source: str = Field(default="applicant", description="applicant | government (a department holds it)")
    certificate_type: str | None = None
    resource_code: str | None = None
    data_items: list[str] = Field(default_factory=list)
    belongs_to: str = Field(
        default="subject", description="whose material: subject (办理对象) | applicant (申请人)"
    )


class MatterPublishedView(BaseModel):
    model_config = ConfigDict(extra="ignore")

    matter_id: str
    code: str
    version: int
    name: str
    matter_type: str
    department_code: str
    statutory_days: int
    promised_days: int
    department_name: str = ""
    levels: list[str] = Field(default_factory=list)
    audiences: list[str] = Field(default_factory=list)
    statutory_unit: str = "working_day"
    promised_unit: str = "working_day"
    case_kind: str | None = None
    visits: int | None = None
    online_depths: list[str] = Field(default_factory=list)
    full_online: bool = False
    min_real_name_level: int = 1
    result_certificate_type: str | None = None
    special_procedures: list[str] = Field(default_factory=list)
    valid_from: date | None = None
    valid_to: date | None = None
    materials: list[MaterialView] = Field(default_factory=list)
    legal_basis: str = Field(default="", description="设定依据 (events before it was carried: empty)")


async def on_matter_published(session: AsyncSession, event: CloudEvent) -> None:
    view = MatterPublishedView.model_validate(event.data)
    await OpenMatterRepository(session).upsert_newer(view.model_dump())


MATTER_PUBLISHED_CONSUMER = ConsumerSpec(
    durable="cases-matter-published", stream="CATALOG", subjects=[SUBJECT], handler=on_matter_published
)
