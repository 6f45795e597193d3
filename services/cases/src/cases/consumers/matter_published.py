"""``catalog.matter_published.v1`` → the local read model of matters open for application.

The cases service defines its own narrow view of the event: only the fields it uses.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict
from sqlalchemy.ext.asyncio import AsyncSession

from cases.store.repositories import OpenMatterRepository
from meshkit.events import CloudEvent
from meshkit.inbox import ConsumerSpec

__all__ = ["MATTER_PUBLISHED_CONSUMER", "MatterPublishedView", "on_matter_published"]

SUBJECT = "catalog.matter_published.v1"


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


async def on_matter_published(session: AsyncSession, event: CloudEvent) -> None:
    view = MatterPublishedView.model_validate(event.data)
    await OpenMatterRepository(session).upsert_newer(view.model_dump())


MATTER_PUBLISHED_CONSUMER = ConsumerSpec(
    durable="cases-matter-published", stream="CATALOG", subjects=[SUBJECT], handler=on_matter_published
)
