"""``exchange.record_changed.v1`` → one delivery per subscription whose member may read the resource."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict
from sqlalchemy.ext.asyncio import AsyncSession

from exchange.events import RECORD_CHANGED
from exchange.store.unit_of_work import JoinedUnitOfWork
from exchange.use_cases.deliveries import fan_out
from meshkit.events import CloudEvent
from meshkit.inbox import ConsumerSpec
from meshkit.legaldate import today

__all__ = ["RECORD_CHANGED_CONSUMER", "RecordChangedView", "on_record_changed"]


class RecordChangedView(BaseModel):
    model_config = ConfigDict(extra="ignore")

    resource_code: str
    subject_ref: str
    version: int
    operation: str


async def on_record_changed(session: AsyncSession, event: CloudEvent) -> None:
    view = RecordChangedView.model_validate(event.data)
    await fan_out(JoinedUnitOfWork(session), event_id=event.id, change=view.model_dump(), today=today())


RECORD_CHANGED_CONSUMER = ConsumerSpec(
    durable="exchange-subscriptions",
    stream="EXCHANGE",
    subjects=[RECORD_CHANGED.subject],
    handler=on_record_changed,
)
