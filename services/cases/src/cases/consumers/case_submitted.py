"""``cases.case_submitted.v1`` (our own) → the case's missing materials that the exchange may hold come due for
the worker's resolution timer. Scheduling only: the calls happen in the timer, so a redelivery (inbox) changes
nothing and an exchange outage never blocks the stream."""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict
from sqlalchemy.ext.asyncio import AsyncSession

from cases.store.material_repositories import MaterialRepository
from meshkit.events import CloudEvent
from meshkit.inbox import ConsumerSpec

__all__ = ["CASE_SUBMITTED_CONSUMER", "CaseSubmittedView", "on_case_submitted"]


class CaseSubmittedView(BaseModel):
    model_config = ConfigDict(extra="ignore")

    case_id: str


async def on_case_submitted(session: AsyncSession, event: CloudEvent) -> None:
    view = CaseSubmittedView.model_validate(event.data)
    await MaterialRepository(session).schedule_resolution(view.case_id, at=datetime.now(UTC))


CASE_SUBMITTED_CONSUMER = ConsumerSpec(
    durable="cases-materials", stream="CASES", subjects=["cases.case_submitted.v1"], handler=on_case_submitted
)
