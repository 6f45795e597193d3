"""``catalog.bundle_published.v1`` → the local read model of 一件事 bundles open for application."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.ext.asyncio import AsyncSession

from cases.consumers.matter_published import MaterialView
from cases.store.repositories import OpenBundleRepository
from meshkit.events import CloudEvent
from meshkit.inbox import ConsumerSpec

__all__ = ["BUNDLE_PUBLISHED_CONSUMER", "BundleMaterialView", "BundlePublishedView", "on_bundle_published"]


class BundleMemberView(BaseModel):
    model_config = ConfigDict(extra="ignore")

    code: str
    version: int
    department_code: str


class StandInView(BaseModel):
    model_config = ConfigDict(extra="ignore")

    member_code: str
    name: str
    reason: str = ""


class BundleMaterialView(MaterialView):
    asked_by: list[str] = Field(default_factory=list)
    produced_by: str | None = None  # produced by a member: not asked from the applicant
    stands_in_for: list[StandInView] = Field(
        default_factory=list
    )  # members' materials it replaces (not asked)


class BundlePublishedView(BaseModel):
    model_config = ConfigDict(extra="ignore")

    bundle_id: str
    code: str
    version: int
    name: str
    lead_department_code: str
    lead_department_name: str = ""
    members: list[BundleMemberView]
    materials: list[BundleMaterialView] = Field(default_factory=list)
    statutory_days: int
    statutory_unit: str = "working_day"
    promised_days: int
    promised_unit: str = "working_day"


async def on_bundle_published(session: AsyncSession, event: CloudEvent) -> None:
    view = BundlePublishedView.model_validate(event.data)
    values: dict[str, Any] = view.model_dump()
    await OpenBundleRepository(session).upsert_newer(values)


BUNDLE_PUBLISHED_CONSUMER = ConsumerSpec(
    durable="cases-bundle-published",
    stream="CATALOG",
    subjects=["catalog.bundle_published.v1"],
    handler=on_bundle_published,
)
