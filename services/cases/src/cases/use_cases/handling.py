"""Acting on a case: every transition checks who may do it, moves the clock and is recorded in the timeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cases.domain.access import Caller, CaseFacts, actor_for, can_see
from cases.domain.bundles import CASCADED_ACTIONS
from cases.domain.calendar import WorkingCalendar
from cases.domain.clock import LimitUnit, TimeLimit, extension_allowed, max_extension
from cases.domain.decision_wording import wording_for
from cases.domain.decisions import DECISION_OF, DecisionKind, Remedies, remedies_notice
from cases.domain.labels import action_label
from cases.domain.states import (
    TRANSITIONS,
    Action,
    Actor,
    CaseStatus,
    TransitionRefused,
    national_code,
    plan_transition,
)
from cases.events import (
    CASE_ACCEPTED,
    CASE_CONCLUDED,
    CASE_REFUSED,
    CASE_SUPPLEMENTED,
    CLOCK_PAUSED,
    CLOCK_RESUMED,
    SUPPLEMENT_REQUESTED,
)
from cases.store.case_models import Case, ClockEntry, Decision, TimelineEntry
from cases.store.unit_of_work import CasesUnitOfWork
from cases.use_cases.bundles import sync_bundle
from cases.use_cases.clock import refresh_due_dates
from cases.use_cases.errors import CaseNotFound, transition_problem
from cases.use_cases.events import case_changed
from cases.use_cases.material_gate import check_bundle_materials, check_materials
from meshkit.errors import ProblemError
from meshkit.events import EventSpec
from meshkit.legaldate import local_date

__all__ = ["Step", "apply_step", "facts_of", "load_visible", "take_action"]

_PAUSING = {Action.REQUEST_SUPPLEMENT, Action.REQUEST_REVIEW_SUPPLEMENT, Action.BEGIN_SPECIAL, Action.SUSPEND}
_RESUMING = {Action.SUPPLEMENT, Action.END_SPECIAL, Action.RESUME}
_SUPPLEMENT_NOTICES = {Action.REQUEST_SUPPLEMENT, Action.REQUEST_REVIEW_SUPPLEMENT}
_NEEDS_MATERIALS = {Action.ACCEPT, Action.APPROVE}
_CONCLUDING = {Action.APPROVE, Action.DENY, Action.REFUSE, Action.WITHDRAW, Action.TERMINATE}


@dataclass(frozen=True)
class Step:
    action: Action
    reason: str | None = None
    extension_days: int | None = None
    joint: bool = False
    delivery_channel: str | None = None  # window | mail | electronic, for deliver
    delivery_ref: str | None = None
    remedies: Remedies = field(default_factory=Remedies)  # the review body and court printed on a refusal


def facts_of(case: Case) -> CaseFacts:
    return CaseFacts(
        applicant_id=case.applicant_id,
        handling_org=case.handling_org,
        received_by_org=case.received_by_org,
        region=case.region,
        accepting_org=case.accepting_org,
    )


async def load_visible(
    uow: CasesUnitOfWork, case_id: str, caller: Caller, *, district_center: str, for_update: bool = False
) -> Case:
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
    elif action in (Action.REQUEST_SUPPLEMENT, Action.REQUEST_REVIEW_SUPPLEMENT):
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
            status=422,
            code="extension_not_allowed",
        )
    return days


async def take_action(
    uow: CasesUnitOfWork,
    calendar: WorkingCalendar,
    *,
    case_id: str,
    caller: Caller,
    step: Step,
    district_center: str,
    now: datetime,
    as_system: bool = False,
) -> Case:
    """One step on a case, committed. On a 一件事 parent the window steps apply to every open member; a member's
    step also moves its parent. Locks go parent first, then the member, so parallel departments never deadlock."""
    if as_system:  # a timer of this service: it sees every case
        found = await uow.cases.get(case_id)
        if found is None:
            raise CaseNotFound(f"办件 {case_id} 不存在")
    else:
        found = await load_visible(uow, case_id, caller, district_center=district_center)
    parent_id = found.id if found.kind == "bundle" else found.parent_id
    parent = await uow.cases.get(parent_id, for_update=True) if parent_id else None
    if parent is not None and parent.id == found.id:
        await _act_on_bundle(uow, calendar, parent, caller, step, district_center, now, as_system)
        await uow.commit()
        return parent
    case = await uow.cases.get(found.id, for_update=True)
    if case is None:  # pragma: no cover - cases are never deleted
        raise CaseNotFound(f"办件 {case_id} 不存在")
    await apply_step(
        uow, calendar, case, caller, step, district_center=district_center, now=now, as_system=as_system
    )
    if parent is not None:  # the parent's entry says which member moved, by whom (outside try of issue 19)
        who = None if as_system else caller
        because = f"{case.matter_name}：{action_label(step.action.value, case.matter_type)}"  # 予以确认 …
        await sync_bundle(uow, calendar, parent, now=now, caller=who, opinion=because)
    await uow.commit()
    return case


async def _act_on_bundle(
    uow: CasesUnitOfWork,
    calendar: WorkingCalendar,
    parent: Case,
    caller: Caller,
    step: Step,
    district_center: str,
    now: datetime,
    as_system: bool,
) -> None:
    if step.action not in CASCADED_ACTIONS:
        raise ProblemError(
            f"一件事的审查和决定由各部门在子办件上进行：请打开要办理的子办件，在子办件上「{step.action.label}」",
            status=409,
            code="act_on_member",
        )
    members = [
        member
        for member in await uow.cases.children(parent.id, for_update=True)
        if CaseStatus(member.status) in TRANSITIONS[step.action].sources
    ]
    if step.action in _NEEDS_MATERIALS and not as_system:
        for member in members:  # who may act and whether the step applies come before what is missing
            _planned(member, caller, step, district_center=district_center, as_system=as_system)
        await check_bundle_materials(
            uow, parent, members, step.action
        )  # every member's missing paper at once
    applied = 0
    for member in members:
        await apply_step(
            uow, calendar, member, caller, step, district_center=district_center, now=now, as_system=as_system
        )
        applied += 1
    if not applied:
        raise ProblemError(
            f"一件事「{parent.matter_name}」没有可以「{step.action.label}」的子办件",
            status=409,
            code="transition_not_allowed",
        )
    if step.action in (Action.ACCEPT, Action.REFUSE):  # the parent reads the hall its members record
        _record_accepting_hall(parent, caller, as_system=as_system)
    await sync_bundle(uow, calendar, parent, now=now, caller=caller, action=step.action.value)


def _planned(
    case: Case, caller: Caller, step: Step, *, district_center: str, as_system: bool
) -> tuple[Actor, CaseStatus]:
    """Who acts and the status the step leads to, or the 403 / 409 / 422 that stops it (before any material)."""
    actor = (
        Actor.SYSTEM
        if as_system
        else actor_for(caller, facts_of(case), step.action, district_center=district_center)
    )
    if actor is None:
        raise ProblemError(
            f"无权对办件 {case.number} 进行「{step.action.label}」", status=403, code="not_permitted"
        )
    try:
        target = plan_transition(CaseStatus(case.status), step.action, actor, reason=step.reason)
    except TransitionRefused as refused:
        raise transition_problem(refused) from refused
    if step.action in _SUPPLEMENT_NOTICES and case.supplement_requested:
        raise ProblemError(
            "补正告知只能一次性发出：本办件已发出过补正告知，请等待申请人补齐补正材料",
            status=409,
            code="supplement_already_requested",
        )
    return actor, target


async def apply_step(
    uow: CasesUnitOfWork,
    calendar: WorkingCalendar,
    case: Case,
    caller: Caller,
    step: Step,
    *,
    district_center: str,
    now: datetime,
    as_system: bool = False,
) -> None:
    """Check, move the clock, record the timeline and stage the events of one step on one locked case."""
    actor, target = _planned(case, caller, step, district_center=district_center, as_system=as_system)
    source = CaseStatus(case.status)
    if step.action in _NEEDS_MATERIALS and not as_system:
        await check_materials(uow, case, step.action)
    ledger: list[ClockEntry] = []
    if step.action is Action.ACCEPT:
        case.accepted_at = case.received_at if as_system else now
        case.deemed_accepted = as_system
        _record_accepting_hall(case, caller, as_system=as_system)
        ledger.append(ClockEntry(case_id=case.id, event="start", at=case.accepted_at))
    elif step.action is Action.REFUSE:
        _record_accepting_hall(case, caller, as_system=as_system)
    elif step.action in _SUPPLEMENT_NOTICES:
        case.supplement_requested = True
    elif step.action is Action.EXTEND:
        case.extension_days = _check_extension(case, step)
        ledger.append(
            ClockEntry(case_id=case.id, event="extend", at=now, reason=step.reason, days=case.extension_days)
        )
    elif step.action is Action.DELIVER:
        _deliver(case, step, now)
    if step.action in _PAUSING:
        ledger.append(ClockEntry(case_id=case.id, event="pause", at=now, reason=step.reason))
    elif step.action in _RESUMING:
        ledger.append(ClockEntry(case_id=case.id, event="resume", at=now))
    if step.action in _CONCLUDING:
        case.concluded_at, case.outcome = now, target.value
        ledger.append(ClockEntry(case_id=case.id, event="stop", at=now, reason=step.reason))
    kind = DECISION_OF.get(step.action)
    if kind is not None:
        uow.cases.add(_decision(case, kind, step, now))
    case.status, case.national_code = target.value, national_code(target)
    uow.cases.add(*ledger)
    uow.cases.add(
        TimelineEntry(
            case_id=case.id,
            action=step.action.value,
            from_status=source.value,
            to_status=target.value,
            actor_id=caller.sub,
            actor_org=caller.org,
            actor_role=actor.value,
            opinion=step.reason,
            at=now,
        )
    )
    await uow.flush()
    refresh_due_dates(case, calendar, await uow.cases.ledger(case.id), local_date(now))
    await uow.flush()
    for spec in _events_for(step.action, target):
        await uow.publish(
            spec,
            aggregate_id=case.id,
            sequence=case.version,
            payload=case_changed(case, at=now, actor_org=caller.org, opinion_code=step.action.value),
        )


def _record_accepting_hall(case: Case, caller: Caller, *, as_system: bool) -> None:
    """The hall whose window really decided on acceptance (受理 or 不予受理) becomes the case's ``accepting_org``:
    the one the matter's levels pointed to at filing is where it was expected, but the district center may accept
    a forwarded case too (issue 19, last outside try, failure 1: the 受理 entry said 綦江区行政服务中心 while
    ``accepting_org`` kept 古南街道公共服务中心). Deemed acceptance (视为受理) and the handling department's own
    window (not a hall) keep the expected hall."""
    if not as_system and caller.org and caller.org != case.handling_org:
        case.accepting_org = caller.org


def _decision(case: Case, kind: DecisionKind, step: Step, now: datetime) -> Decision:
    """The written decision, fixed now: what the applicant is shown and a window prints, in the wording of the
    matter's type and on its own 设定依据, as the version the case was filed under has them."""
    wording, verdict, basis = wording_for(
        kind,
        case.matter_type,
        matter_name=case.matter_name,
        matter_basis=case.matter_legal_basis,
        matter_ref=f"事项编码 {case.matter_code}，第 {case.matter_version} 版",
    )
    return Decision(
        case_id=case.id,
        kind=kind.value,
        number=wording.number(case.number, local_date(now).year),
        title=wording.title,
        matter_name=case.matter_name,
        handling_org=case.handling_org,
        reasons=step.reason,
        legal_basis=basis,
        matter_type=case.matter_type,
        verdict=verdict,
        remedies=remedies_notice(step.remedies) if kind.refusal else None,
        issued_at=now,
    )


def _deliver(case: Case, step: Step, now: datetime) -> None:
    if step.delivery_channel is None:
        raise ProblemError(
            "送达须注明方式 (delivery_channel: window 窗口领取 | mail 邮寄 | electronic 电子送达)",
            status=422,
            code="delivery_channel_required",
        )
    case.delivery_channel, case.delivery_ref, case.delivered_at = (
        step.delivery_channel,
        step.delivery_ref,
        now,
    )
