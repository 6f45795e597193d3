"""Acting on a case: every transition checks who may do it, moves the clock and is recorded in the timeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cases.domain.access import Caller, CaseFacts, actor_for, can_see
from cases.domain.calendar import WorkingCalendar
from cases.domain.clock import LimitUnit, TimeLimit, extension_allowed, max_extension
from cases.domain.states import Action, Actor, CaseStatus, TransitionRefused, national_code, plan_transition
from cases.events import (
    CASE_ACCEPTED,
    CASE_CONCLUDED,
    CASE_REFUSED,
    CASE_SUPPLEMENTED,
    CLOCK_PAUSED,
    CLOCK_RESUMED,
    SUPPLEMENT_REQUESTED,
)
from cases.store.case_models import Case, ClockEntry, TimelineEntry
from cases.store.unit_of_work import CasesUnitOfWork
from cases.use_cases.clock import refresh_due_dates
from cases.use_cases.errors import CaseNotFound, transition_problem
from cases.use_cases.events import case_changed
from meshkit.errors import ProblemError
from meshkit.events import EventSpec

__all__ = ["Step", "facts_of", "load_visible", "take_action"]

_PAUSING = {Action.REQUEST_SUPPLEMENT, Action.BEGIN_SPECIAL, Action.SUSPEND}
_RESUMING = {Action.SUPPLEMENT, Action.END_SPECIAL, Action.RESUME}
_CONCLUDING = {Action.APPROVE, Action.DENY, Action.REFUSE, Action.WITHDRAW, Action.TERMINATE}


@dataclass(frozen=True)
class Step:
    action: Action
    reason: str | None = None
    extension_days: int | None = None
    joint: bool = False


def facts_of(case: Case) -> CaseFacts:
    return CaseFacts(applicant_id=case.applicant_id, handling_org=case.handling_org,
                     received_by_org=case.received_by_org, region=case.region)  # fmt: skip


async def load_visible(uow: CasesUnitOfWork, case_id: str, caller: Caller, *, district_center: str,
                       for_update: bool = False) -> Case:  # fmt: skip
    case = await uow.cases.get(case_id, for_update=for_update)
    if case is None or not can_see(caller, facts_of(case), district_center=district_center):
        raise CaseNotFound(f"办件 {case_id} 不存在或无权查看")
    return case


def _events_for(action: Action, target: CaseStatus) -> list[EventSpec[Any]]:
    events: list[EventSpec[Any]] = []
    if action is Action.ACCEPT:
        events.append(CASE_ACCEPTED)
    elif action is Action.REFUSE:
        events.append(CASE_REFUSED)
    elif action is Action.REQUEST_SUPPLEMENT:
        events.append(SUPPLEMENT_REQUESTED)
    elif action is Action.SUPPLEMENT:
        events.append(CASE_SUPPLEMENTED)
    if action in _PAUSING:
        events.append(CLOCK_PAUSED)
    if action in _RESUMING:
        events.append(CLOCK_RESUMED)
    if action in _CONCLUDING and action is not Action.REFUSE and target.concluded:
        events.append(CASE_CONCLUDED)
    return events


def _check_extension(case: Case, step: Step) -> int:
    days = step.extension_days or 0
    limit = TimeLimit(case.statutory_days, LimitUnit(case.limit_unit))
    if not extension_allowed(limit, days=days, already_extended=case.extension_days > 0, joint=step.joint):
        raise ProblemError(
            f"延长须经负责人批准、只能延长一次，且不超过 {max_extension(limit, joint=step.joint)} 个工作日",
            status=422, code="extension_not_allowed",
        )  # fmt: skip
    return days


async def take_action(
    uow: CasesUnitOfWork, calendar: WorkingCalendar, *, case_id: str, caller: Caller, step: Step,
    district_center: str, now: datetime, as_system: bool = False,
) -> Case:  # fmt: skip
    if as_system:  # a timer of this service: it sees every case
        case = await uow.cases.get(case_id, for_update=True)
        if case is None:
            raise CaseNotFound(f"办件 {case_id} 不存在")
    else:
        case = await load_visible(uow, case_id, caller, district_center=district_center, for_update=True)
    actor = (
        Actor.SYSTEM
        if as_system
        else actor_for(caller, facts_of(case), step.action, district_center=district_center)
    )
    if actor is None:
        raise ProblemError(f"无权对该办件执行 {step.action.value}", status=403, code="not_permitted")
    source = CaseStatus(case.status)
    try:
        target = plan_transition(source, step.action, actor, reason=step.reason)
    except TransitionRefused as refused:
        raise transition_problem(refused) from refused
    if step.action is Action.REQUEST_SUPPLEMENT and case.supplement_requested:
        raise ProblemError("补正告知只能一次性发出 (one notice listing every defect)", status=409,
                           code="supplement_already_requested")  # fmt: skip
    ledger: list[ClockEntry] = []
    if step.action is Action.ACCEPT:
        case.accepted_at = case.received_at if as_system else now
        case.deemed_accepted = as_system
        ledger.append(ClockEntry(case_id=case.id, event="start", at=case.accepted_at))
    elif step.action is Action.REQUEST_SUPPLEMENT:
        case.supplement_requested = True
    elif step.action is Action.EXTEND:
        case.extension_days = _check_extension(case, step)
        ledger.append(
            ClockEntry(case_id=case.id, event="extend", at=now, reason=step.reason, days=case.extension_days)
        )
    if step.action in _PAUSING:
        ledger.append(ClockEntry(case_id=case.id, event="pause", at=now, reason=step.reason))
    elif step.action in _RESUMING:
        ledger.append(ClockEntry(case_id=case.id, event="resume", at=now))
    if step.action in _CONCLUDING:
        case.concluded_at = now
        ledger.append(ClockEntry(case_id=case.id, event="stop", at=now, reason=step.reason))
    case.status, case.national_code = target.value, national_code(target)
    uow.cases.add(*ledger)
    uow.cases.add(TimelineEntry(case_id=case.id, action=step.action.value, from_status=source.value,
                                to_status=target.value, actor_id=caller.sub, actor_org=caller.org,
                                actor_role=actor.value, opinion=step.reason, at=now))  # fmt: skip
    await uow.flush()
    refresh_due_dates(case, calendar, await uow.cases.ledger(case.id), now.date())
    await uow.flush()
    for spec in _events_for(step.action, target):
        await uow.publish(
            spec,
            aggregate_id=case.id,
            sequence=case.version,
            payload=case_changed(case, at=now, actor_org=caller.org, opinion_code=step.action.value),
        )
    await uow.commit()
    return case
