"""``cases.>`` → the city-platform link and the hub's view of the cases: each case event becomes the national
records it implies, queued in the same transaction as the inbox row (so a redelivered event queues nothing twice),
and tells the hub which organizations handle the case for whom (``case_bases``: what reads citing the case are
checked against); the events of one fetch are handled together, with one insert each.

The exchange's own narrow view of the cases events: every field it relies on is listed in docs/exchange.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field
from sqlalchemy.ext.asyncio import AsyncSession

from exchange.domain.city import CASE_EVENTS, CaseFacts
from exchange.store.bases import CaseNote, note_cases
from exchange.store.driver import driver
from exchange.store.unit_of_work import JoinedUnitOfWork
from exchange.use_cases.city import CaseEvent, enqueue_many
from meshkit.events import CloudEvent
from meshkit.inbox import ConsumerSpec

__all__ = [
    "CASE_EVENTS_CONSUMER",
    "CaseEventView",
    "case_event",
    "case_note",
    "on_case_event",
    "on_case_events",
]


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
    accepting_org: str | None = Field(
        default=None,
        description="the hall that accepts it: the cases platform's reads before acceptance serve it",
    )
    opinion_code: str | None = None
    procedure: str | None = Field(default=None, description="the special procedure of a pause (听证, 检验 …)")
    certificate_id: str | None = Field(default=None, description="certificate_issued: the GB/T 36904 id")
    rating: int | None = Field(
        default=None,
        validation_alias=AliasChoices("rating", "score"),
        description="case_evaluated: the 好差评 score 1–5",
    )
    materials: list[dict[str, Any]] = Field(default_factory=list, description="case_submitted/supplemented")
    parent_case_id: str | None = None
    applicant_kind: str | None = None
    applicant_id: str | None = None
    subject_kind: str | None = Field(
        default=None, description="whom the case is about; absent: the applicant"
    )
    subject_id: str | None = None


CONCLUDING = frozenset({"case_concluded", "case_refused"})


def case_note(event: CloudEvent) -> CaseNote | None:
    """What a case event tells the hub's view of the case (events without a status and organizations: nothing)."""
    name = event_name(event.type)
    if name is None:
        return None
    view = CaseEventView.model_validate(event.data)
    if view.status is None or view.handling_org is None:
        return None
    named = ((view.applicant_kind, view.applicant_id), (view.subject_kind, view.subject_id))
    parties = tuple(dict.fromkeys((kind, owner) for kind, owner in named if kind and owner))
    concluding = name in CONCLUDING
    return CaseNote(
        case_id=view.case_id,
        case_number=view.case_number,
        parent_case_id=view.parent_case_id,
        handling_org=view.handling_org,
        matter_code=view.matter_code,
        orgs=tuple(
            org for org in (view.handling_org, view.received_by_org, view.accepting_org) if org is not None
        ),
        status=view.status,
        outcome=view.status if concluding else None,
        concluded_at=_instant(view.occurred_at) if concluding else None,
        parties=parties,
    )


def _instant(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else datetime.now(UTC)
    except ValueError:
        return datetime.now(UTC)


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
    facts = CaseFacts(
        event=name,
        **view.model_dump(
            exclude={
                "parent_case_id",
                "accepting_org",
                "applicant_kind",
                "applicant_id",
                "subject_kind",
                "subject_id",
            }
        ),
    )
    return CaseEvent(facts, event_id=event.id, sequence=event.sequence)


async def on_case_events(session: AsyncSession, events: Sequence[CloudEvent]) -> None:
    """The events of one fetch: all the records they imply in one insert."""
    queued = [item for event in events if (item := case_event(event)) is not None]
    if queued:
        await enqueue_many(JoinedUnitOfWork(session), queued)
    notes = [note for event in events if (note := case_note(event)) is not None]
    if notes:
        await note_cases(await driver(session), notes)


async def on_case_event(session: AsyncSession, event: CloudEvent) -> None:
    await on_case_events(session, [event])


# The link delivers what is queued every EXCHANGE_CITY_POLL_INTERVAL (0.5 s) anyway, so waiting 0.2 s after a fetch
# that was not full costs the records little latency and lets the next fetch take many events in one transaction.
CASE_EVENTS_CONSUMER = ConsumerSpec(
    durable="exchange-city-link",
    stream="CASES",
    subjects=["cases.>"],
    handler=on_case_event,
    batch_handler=on_case_events,
    linger=0.2,
)
