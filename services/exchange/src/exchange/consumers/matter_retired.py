"""``catalog.matter_retired.v1`` → a retired matter depends on nothing any more."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict
from sqlalchemy.ext.asyncio import AsyncSession

from exchange.store.dependencies import MatterDependencyRepository
from meshkit.events import CloudEvent
from meshkit.inbox import ConsumerSpec

__all__ = ["MATTER_RETIRED_CONSUMER", "MatterRetiredView", "on_matter_retired"]


class MatterRetiredView(BaseModel):
    model_config = ConfigDict(extra="ignore")

    code: str
    version: int


async def on_matter_retired(session: AsyncSession, event: CloudEvent) -> None:
    view = MatterRetiredView.model_validate(event.data)
    await MatterDependencyRepository(session).retired(code=view.code, version=view.version)


MATTER_RETIRED_CONSUMER = ConsumerSpec(
    durable="exchange-matter-retired",
    stream="CATALOG",
    subjects=["catalog.matter_retired.v1"],
    handler=on_matter_retired,
)
