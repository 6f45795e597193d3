"""一件事 bundles: one application makes a parent case and one member case per member matter, each handled by
its own department in parallel; the parent follows its members and runs the combined time limit."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cases.domain.access import FILING_ACTORS, Caller, accepting_hall, acting_as
from cases.domain.bundles import bundle_paused, bundle_status, delivered_whole
from cases.domain.calendar import WorkingCalendar
from cases.domain.clock import LimitUnit
from cases.domain.materials import plan_materials
from cases.domain.states import TRANSITIONS, Action, Actor, CaseStatus, national_code
from cases.events import (
    CASE_ACCEPTED,
    CASE_CONCLUDED,
    CASE_SUBMITTED,
    CLOCK_PAUSED,
    CLOCK_RESUMED,
    CaseChanged,
)
from cases.store.case_models import Case, ClockEntry, TimelineEntry
from cases.store.models import OpenBundle, OpenMatter
from cases.store.unit_of_work import CasesUnitOfWork
from cases.use_cases.clock import refresh_due_dates
from cases.use_cases.events import case_changed
from cases.use_cases.materials_plan import material_rows
from cases.use_cases.matters import get_open_matter, require_real_name
from meshkit.errors import ProblemError
from meshkit.events import EventSpec
from meshkit.legaldate import local_date

__all__ = ["BundleNotOpen", "Receipt", "file_bundle", "get_open_bundle", "sync_bundle"]


class BundleNotOpen(ProblemError):
    status = 404
    code = "bundle_not_open"


async def get_open_bundle(uow: CasesUnitOfWork, *, code: str) -> OpenBundle:
    bundle = await uow.open_bundles.get(code)
    if bundle is None:
        raise BundleNotOpen(f"一件事 {code} 尚未发布或不可申请")
    return bundle


@dataclass(frozen=True, kw_only=True)
class Receipt:
    """Who applies, where, through which channel: the same for the parent and every member."""

    caller: Caller
    applicant_id: str
    applicant_kind: str
    subject_id: str  # whom the application is about: carried to the parent and every member case
    subject_kind: str
    channel: str
    received_by: str
    region: str
    consent_ref: str | None
    form: dict[str, Any]
    now: datetime
    district_center: str
    traceparent: str | None = None  # the filing request's trace: the worker's work for the case continues it

    def accepting_hall(self, levels: Collection[str]) -> str:
        """The hall whose window accepts a case of a matter with these levels received here."""
        return accepting_hall(
            received_by=self.received_by,
            region=self.region,
            levels=levels,
            district_center=self.district_center,
        )

    async def new_case(self, uow: CasesUnitOfWork, **fields: object) -> Case:
        serial = await uow.cases.next_serial()
        case = Case(
            id=str(uuid.uuid4()),
            number=f"{self.region[:6]}{local_date(self.now):%Y%m%d}{serial:08d}",  # the legal date
            applicant_kind=self.applicant_kind,
            applicant_id=self.applicant_id,
            subject_kind=self.subject_kind,
            subject_id=self.subject_id,
            submitted_by=self.caller.sub,
            consent_ref=self.consent_ref,
            channel=self.channel,
            received_by_org=self.received_by,
            region=self.region,
            status=CaseStatus.RECEIVED.value,
            national_code=national_code(CaseStatus.RECEIVED),
            form=self.form,
            received_at=self.now,
            limit_unit=LimitUnit.WORKING_DAYS.value,
            extension_days=0,
            supplement_requested=False,
            deemed_accepted=False,
            traceparent=self.traceparent,
            **fields,
        )
        uow.cases.add(case)
        uow.cases.add(
            TimelineEntry(
                case_id=case.id,
                action="submit",
                from_status=None,
                to_status=case.status,
                actor_id=self.caller.sub,
                actor_org=self.caller.org,
                actor_role=acting_as(self.caller, FILING_ACTORS).value,
                at=self.now,
            )
        )
        return case


async def file_bundle(
    uow: CasesUnitOfWork, receipt: Receipt, *, bundle_code: str, idempotency_key: str | None
) -> Case:
    """The parent case (lead department, combined limit, merged materials) and its member cases; not committed.
    The parent, which carries the Idempotency-Key, is written first (``DuplicateIdempotencyKey`` if a retry
    with the same key was committed meanwhile)."""
    bundle = await get_open_bundle(uow, code=bundle_code)
    matters: list[OpenMatter] = [await get_open_matter(uow, code=m["code"]) for m in bundle.members]
    require_real_name(receipt.caller, max((m.min_real_name_level for m in matters), default=1), bundle.name)
    # a hall accepts the 一件事 only if it may accept every member matter
    common = set.intersection(*(set(m.levels or ()) or {"district"} for m in matters)) if matters else set()
    accepting_org = receipt.accepting_hall(common or {"district"})
    kinds = {m.matter_type for m in matters}  # the parent reads in its members' words when they share one
    parent = await receipt.new_case(
        uow,
        kind="bundle",
        bundle_code=bundle.code,
        matter_code=bundle.code,
        matter_version=bundle.version,
        matter_name=bundle.name,
        matter_type=kinds.pop() if len(kinds) == 1 else None,
        handling_org=bundle.lead_department_code,
        accepting_org=accepting_org,
        limit_days=bundle.promised_days,
        statutory_days=bundle.statutory_days,
        idempotency_key=idempotency_key,
    )
    await uow.cases.write_keyed()  # a concurrent retry with this key committed first: DuplicateIdempotencyKey
    uow.cases.add(*material_rows(parent.id, plan_materials(bundle.materials), received_at=receipt.now))
    members = [
        await receipt.new_case(
            uow,
            kind="member",
            parent_id=parent.id,
            bundle_code=bundle.code,
            matter_code=matter.code,
            matter_version=matter.version,
            matter_name=matter.name,
            matter_type=matter.matter_type,
            matter_legal_basis=matter.legal_basis or None,
            handling_org=matter.department_code,
            accepting_org=accepting_org,
            limit_days=matter.promised_days,
            statutory_days=matter.statutory_days,
            result_certificate_type=matter.result_certificate_type,
        )
        for matter in matters
    ]
    await uow.flush()
    for case in (parent, *members):
        await uow.publish(
            CASE_SUBMITTED, aggregate_id=case.id, sequence=1, payload=case_changed(case, at=receipt.now)
        )
    return parent


def _actors_of(action: str) -> frozenset[Actor] | None:
    """Who may take ``action`` when it is a transition (a cascaded window step); None for a member's step."""
    known = {a.value: a for a in Action}
    return TRANSITIONS[known[action]].actors if action in known else None


async def sync_bundle(
    uow: CasesUnitOfWork,
    calendar: WorkingCalendar,
    parent: Case,
    *,
    now: datetime,
    caller: Caller | None = None,
    action: str = "members_changed",
    opinion: str | None = None,
) -> None:
    """Bring the locked parent in line with its members: status, combined clock, timeline and events."""
    members = await uow.cases.children(parent.id)
    statuses = [CaseStatus(m.status) for m in members]
    target, outcome = bundle_status([(CaseStatus(m.status), m.outcome) for m in members])
    source = CaseStatus(parent.status)
    ledger = list(await uow.cases.ledger(parent.id))
    entries: list[ClockEntry] = []
    events: list[EventSpec[CaseChanged]] = []
    accepted = [m.accepted_at for m in members if m.accepted_at is not None]
    if parent.accepted_at is None and accepted and national_code(target) >= 2:
        parent.accepted_at = min(accepted)
        entries.append(ClockEntry(case_id=parent.id, event="start", at=parent.accepted_at))
        events.append(CASE_ACCEPTED)
    running = parent.accepted_at is not None and parent.concluded_at is None
    was_paused = bool(ledger) and ledger[-1].event == "pause"
    if running and not target.concluded:
        if bundle_paused(statuses) and not was_paused:
            entries.append(ClockEntry(case_id=parent.id, event="pause", at=now, reason="子办件计时暂停"))
            events.append(CLOCK_PAUSED)
        elif not bundle_paused(statuses) and was_paused:
            entries.append(ClockEntry(case_id=parent.id, event="resume", at=now))
            events.append(CLOCK_RESUMED)
    if target.concluded and parent.concluded_at is None:
        parent.concluded_at, parent.outcome = now, outcome
        entries.append(ClockEntry(case_id=parent.id, event="stop", at=now))
        events.append(CASE_CONCLUDED)
    if parent.delivered_at is None and delivered_whole(statuses):
        _delivered_as_members(parent, members)
    if target is source and not entries and opinion is None:
        return  # (a member's step always shows on the parent: which member moved, and how)
    parent.status, parent.national_code = target.value, national_code(target)
    uow.cases.add(*entries)
    uow.cases.add(
        TimelineEntry(
            case_id=parent.id,
            action=action,
            from_status=source.value,
            to_status=target.value,
            actor_id=caller.sub if caller else "system",
            actor_org=caller.org if caller else None,
            actor_role=acting_as(caller, _actors_of(action)).value,
            opinion=opinion,
            at=now,
        )
    )
    await uow.flush()
    refresh_due_dates(parent, calendar, await uow.cases.ledger(parent.id), local_date(now))
    await uow.flush()
    for spec in events:
        await uow.publish(
            spec,
            aggregate_id=parent.id,
            sequence=parent.version,
            payload=case_changed(parent, at=now, actor_org=caller.org if caller else None),
        )


def _delivered_as_members(parent: Case, members: Sequence[Case]) -> None:
    """A delivered 一件事 keeps how it was delivered (issue 19 outside try, failure 5): the last member's delivery
    (the same for every member when the window delivered the whole bundle at once)."""
    last = max(
        (m for m in members if m.delivered_at is not None), key=lambda m: m.delivered_at or parent.received_at
    )
    parent.delivery_channel, parent.delivery_ref, parent.delivered_at = (
        last.delivery_channel,
        last.delivery_ref,
        last.delivered_at,
    )
