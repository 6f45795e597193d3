"""``cases.>`` → the city-platform link: each case event becomes the national records it implies, queued in the
same transaction as the inbox row (so a redelivered event queues nothing twice); the events of one fetch are queued
together, with one insert.

The exchange's own narrow view of the cases events: every field it relies on is listed in docs/exchange.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field
from sqlalchemy.ext.asyncio import AsyncSession

from exchange.domain.city import CASE_EVENTS, CaseFacts
from exchange.store.unit_of_work import JoinedUnitOfWork
from exchange.use_cases.city import CaseEvent, enqueue_many
from meshkit.events import CloudEvent
from meshkit.inbox import ConsumerSpec

__all__ = ["CASE_EVENTS_CONSUMER", "CaseEventView", "case_event", "on_case_event", "on_case_events"]


class CaseEventView(BaseModel):
    """What the link reads of ``cases.<event>.v1`` payloads; unknown fields are ignored."""

    model_config = ConfigDict(extra="ignore")

    case_id: str
    case_number: str
    matter_code: str | None = Field(default=None, description="every event but case_evaluated carries it")
    status: str | None = None
    national_code: int | None = Field(
        default=None, description="national status: 1 待受理, 2 已受理, 3 已办结"
    )
    occurred_at: str | None = None
    handling_org: str | None = None
    received_by_org: str | None = None
    opinion_code: str | None = None
    procedure: str | None = Field(default=None, description="the special procedure of a pause (听证, 检验 …)")
    certificate_id: str | None = Field(default=None, description="certificate_issued: the GB/T 36904 id")
    rating: int | None = Field(default=None, validation_alias=AliasChoices("rating", "score"),
                               description="case_evaluated: the 好差评 score 1–5")  # fmt: skip
    materials: list[dict[str, Any]] = Field(default_factory=list, description="case_submitted/supplemented")


def event_name(subject: str) -> str | None:
    """``cases.case_accepted.v1`` → ``case_accepted`` (only v1 events the link knows)."""
    parts = subject.split(".")
    if len(parts) != 3 or parts[0] != "cases" or parts[2] != "v1" or parts[1] not in CASE_EVENTS:
        return None
    return parts[1]


def case_event(event: CloudEvent) -> CaseEvent | None:
    """What the link queues of an event; None for events it does not take (e.g. deadline warnings)."""
    name = event_name(event.type)
    if name is None:
        return None
    view = CaseEventView.model_validate(event.data)
    facts = CaseFacts(event=name, **view.model_dump())
    return CaseEvent(facts, event_id=event.id, sequence=event.sequence)


async def on_case_events(session: AsyncSession, events: Sequence[CloudEvent]) -> None:
    """The events of one fetch: all the records they imply in one insert."""
    queued = [item for event in events if (item := case_event(event)) is not None]
    if queued:
        await enqueue_many(JoinedUnitOfWork(session), queued)


async def on_case_event(session: AsyncSession, event: CloudEvent) -> None:
    await on_case_events(session, [event])


# The link delivers what is queued every EXCHANGE_CITY_POLL_INTERVAL (0.5 s) anyway, so waiting 0.2 s after a fetch
# that was not full costs the records little latency and lets the next fetch take many events in one transaction.
CASE_EVENTS_CONSUMER = ConsumerSpec(
    durable="exchange-city-link", stream="CASES", subjects=["cases.>"], handler=on_case_event,
    batch_handler=on_case_events, linger=0.2,
)  # fmt: skip
