"""``catalog.matter_retired.v1`` → the matter is no longer open for application (cases filed under it stay)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict
from sqlalchemy.ext.asyncio import AsyncSession

from cases.store.repositories import OpenMatterRepository
from meshkit.events import CloudEvent
from meshkit.inbox import ConsumerSpec

__all__ = ["MATTER_RETIRED_CONSUMER", "MatterRetiredView", "on_matter_retired"]


class MatterRetiredView(BaseModel):
    model_config = ConfigDict(extra="ignore")

    code: str
    version: int


async def on_matter_retired(session: AsyncSession, event: CloudEvent) -> None:
    view = MatterRetiredView.model_validate(event.data)
    await OpenMatterRepository(session).remove_retired(view.code, view.version)


MATTER_RETIRED_CONSUMER = ConsumerSpec(
    durable="cases-matter-retired",
    stream="CATALOG",
    subjects=["catalog.matter_retired.v1"],
    handler=on_matter_retired,
)
