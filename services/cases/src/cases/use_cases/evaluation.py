"""好差评 and the rectification of bad ratings."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from cases.domain.access import Caller, applicant_id_of, region_prefix
from cases.domain.calendar import CalendarNotPublished, WorkingCalendar
from cases.domain.evaluation import (
    RECTIFICATION_WORKING_DAYS,
    RectificationDepartments,
    RectificationStatus,
    needs_rectification,
    rectification_departments,
    rectification_transitions,
)
from cases.domain.states import CaseStatus
from cases.events import CASE_EVALUATED, RECTIFICATION_OPENED, CaseEvaluated, RectificationOpened
from cases.store.case_models import Case, Evaluation, RectificationTask
from cases.store.unit_of_work import CasesUnitOfWork
from cases.use_cases.errors import CaseNotFound
from meshkit.errors import ProblemError
from meshkit.legaldate import local_date

__all__ = [
    "advance_rectification",
    "evaluate_case",
    "list_rectifications",
    "rate_rectification",
    "rater_view",
    "task_departments",
]


async def evaluate_case(
    uow: CasesUnitOfWork,
    calendar: WorkingCalendar,
    *,
    caller: Caller,
    case_id: str,
    score: int,
    comment: str | None,
    channel: str,
    now: datetime,
    rectification_days: int = RECTIFICATION_WORKING_DAYS,
) -> tuple[Evaluation, RectificationTask | None]:
    case = await uow.cases.get(case_id, for_update=True)
    if case is None or applicant_id_of(caller) != case.applicant_id:
        raise CaseNotFound(f"办件 {case_id} 不存在或不是您的办件")
    if not CaseStatus(case.status).concluded:
        raise ProblemError("办结后才能评价", status=409, code="case_not_concluded")
    if await uow.cases.evaluation(case_id) is not None:
        raise ProblemError("每件办件只能评价一次 (一事一评)", status=409, code="already_evaluated")
    real_name = caller.kind in ("person", "enterprise")
    evaluation = Evaluation(
        case_id=case.id, score=score, comment=comment, channel=channel, real_name=real_name, at=now
    )
    uow.cases.add(evaluation)
    await uow.publish(
        CASE_EVALUATED,
        aggregate_id=case.id,
        sequence=case.version,
        payload=CaseEvaluated(
            case_id=case.id,
            case_number=case.number,
            handling_org=case.handling_org,
            score=score,
            channel=channel,
            real_name=real_name,
            occurred_at=now.isoformat(),
        ),
    )
    task = None
    if needs_rectification(score):
        try:
            due = calendar.add_working_days(local_date(now), rectification_days)
        except CalendarNotPublished:
            due = None  # set once the year's calendar is published
        departments = await _departments_of(uow, case)
        task = RectificationTask(
            id=str(uuid.uuid4()),
            case_id=case.id,
            department=departments.coordinator,
            concerned_departments=list(departments.concerned),
            involved_departments=list(departments.involved),
            status=RectificationStatus.OPEN.value,
            due_date=due,
            callback_required=real_name,
            records=[],
            opened_at=now,
        )
        uow.cases.add(task)
        await uow.publish(
            RECTIFICATION_OPENED,
            aggregate_id=case.id,
            sequence=case.version,
            payload=RectificationOpened(
                task_id=task.id,
                case_id=case.id,
                case_number=case.number,
                department=task.department,
                concerned_departments=list(departments.concerned),
                due_date=due.isoformat() if due else None,
                callback_required=real_name,
                occurred_at=now.isoformat(),
            ),
        )
    await uow.commit()
    return evaluation, task


async def _departments_of(uow: CasesUnitOfWork, case: Case) -> RectificationDepartments:
    """The departments of a rectification of ``case``, from its own record (a 一件事: its members')."""
    if case.kind != "bundle":
        return rectification_departments(case.handling_org)
    members = await uow.cases.children(case.id)
    return rectification_departments(case.handling_org, [(m.handling_org, m.outcome) for m in members])


def task_departments(task: RectificationTask) -> RectificationDepartments:
    """The departments the task itself records (tasks opened before 0016 name their one department)."""
    return RectificationDepartments(
        task.department,
        tuple(task.concerned_departments or (task.department,)),
        tuple(task.involved_departments or (task.department,)),
    )


def _department_staff(caller: Caller) -> str:
    if caller.kind != "staff" or not caller.org or caller.roles.isdisjoint({"department_head", "reviewer"}):
        raise ProblemError("仅办理部门的负责人或审核人员可处理整改", status=403, code="not_permitted")
    return caller.org


async def list_rectifications(
    uow: CasesUnitOfWork, *, caller: Caller
) -> Sequence[tuple[RectificationTask, Case, Evaluation]]:
    """The tasks the caller's department is involved in (coordinating, concerned, or a 一件事's member), newest
    first, each with its case and the rating it answers. A supervisor (督查) oversees 好差评 in their region
    (DOMAIN.md: supervisors watch the service; issue 19, last outside try, failure 3): every task of a case
    there, read-only — the region comes from the token, never from the request."""
    if caller.kind == "staff" and "supervisor" in caller.roles and caller.region:
        return await uow.cases.rectifications_in_region(prefix=region_prefix(caller.region))
    return await uow.cases.rectifications(department=_department_staff(caller))


async def advance_rectification(
    uow: CasesUnitOfWork, *, caller: Caller, task_id: str, note: str, now: datetime
) -> RectificationTask:
    """Record the next step (callback, verification, rectification, feedback) with what was done."""
    department = _department_staff(caller)
    task = await uow.cases.rectification(task_id)
    departments = task_departments(task) if task is not None else None
    if task is None or departments is None or not departments.may_see(department):
        raise ProblemError(f"整改任务 {task_id} 不存在", status=404, code="rectification_not_found")
    if not departments.may_act(department):
        raise ProblemError(
            "本部门可以查看这项整改，但整改步骤由牵头部门和被评价的部门记录",
            status=403,
            code="not_concerned",
        )
    following = rectification_transitions(RectificationStatus(task.status))
    if following is None:
        raise ProblemError("整改任务已办结", status=409, code="rectification_closed")
    task.records = [
        *task.records,
        {
            "step": following.value,
            "by": caller.sub,
            "department": department,
            "at": now.isoformat(),
            "note": note,
        },
    ]
    task.status = following.value
    if following is RectificationStatus.CLOSED:
        task.closed_at = now
    await uow.commit()
    return task


async def _own_evaluation(uow: CasesUnitOfWork, caller: Caller, case_id: str) -> Evaluation:
    """The caller's own evaluation of the case (only the applicant who rated it sees it)."""
    case = await uow.cases.get(case_id)
    if case is None or applicant_id_of(caller) != case.applicant_id:
        raise CaseNotFound(f"办件 {case_id} 不存在或不是您的办件")
    evaluation = await uow.cases.evaluation(case_id)
    if evaluation is None:
        raise ProblemError("您还没有评价这件办件", status=404, code="evaluation_not_found")
    return evaluation


async def rater_view(
    uow: CasesUnitOfWork, *, caller: Caller, case_id: str
) -> tuple[Evaluation, RectificationTask | None]:
    """The applicant's evaluation and, for a bad one, how its rectification stands: every step the department
    recorded (回访, 核实, 整改, 反馈) with what it said — 差评 must be answered to the rater.

    Staff of a department the rectification involves (its head or reviewers) see it too: the task's own record
    says which departments, never a field of the request."""
    if caller.kind == "staff":
        return await _department_view(uow, caller, case_id)
    evaluation = await _own_evaluation(uow, caller, case_id)
    return evaluation, await uow.cases.rectification_of_case(case_id)


async def _department_view(
    uow: CasesUnitOfWork, caller: Caller, case_id: str
) -> tuple[Evaluation, RectificationTask]:
    department = _department_staff(caller)
    task = await uow.cases.rectification_of_case(case_id)
    evaluation = await uow.cases.evaluation(case_id)
    if task is None or evaluation is None or not task_departments(task).may_see(department):
        raise CaseNotFound(f"办件 {case_id} 没有本部门参与的整改任务")
    return evaluation, task


async def rate_rectification(
    uow: CasesUnitOfWork, *, caller: Caller, case_id: str, score: int, comment: str | None, now: datetime
) -> tuple[Evaluation, RectificationTask]:
    """The rater rates the rectification of her bad rating, once, after the department's feedback."""
    evaluation = await _own_evaluation(uow, caller, case_id)
    task = await uow.cases.rectification_of_case(case_id, for_update=True)
    if task is None:
        raise ProblemError(
            "这次评价没有整改任务（只有差评才整改）", status=404, code="rectification_not_found"
        )
    if task.status != RectificationStatus.CLOSED.value:
        raise ProblemError("部门反馈整改结果后才能评价整改", status=409, code="rectification_not_closed")
    if task.rater_score is not None:
        raise ProblemError("整改结果只能评价一次", status=409, code="rectification_already_rated")
    task.rater_score, task.rater_comment, task.rated_at = score, comment, now
    await uow.commit()
    return evaluation, task
