"""好差评 and the rectification of bad ratings."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from cases.domain.access import Caller, applicant_id_of
from cases.domain.calendar import CalendarNotPublished, WorkingCalendar
from cases.domain.evaluation import (
    RECTIFICATION_WORKING_DAYS,
    RectificationStatus,
    needs_rectification,
    rectification_transitions,
)
from cases.domain.states import CaseStatus
from cases.events import CASE_EVALUATED, RECTIFICATION_OPENED, CaseEvaluated, RectificationOpened
from cases.store.case_models import Evaluation, RectificationTask
from cases.store.unit_of_work import CasesUnitOfWork
from cases.use_cases.errors import CaseNotFound
from meshkit.errors import ProblemError
from meshkit.legaldate import local_date

__all__ = ["advance_rectification", "evaluate_case", "list_rectifications"]


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
        task = RectificationTask(
            id=str(uuid.uuid4()),
            case_id=case.id,
            department=case.handling_org,
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
                due_date=due.isoformat() if due else None,
                callback_required=real_name,
                occurred_at=now.isoformat(),
            ),
        )
    await uow.commit()
    return evaluation, task


def _department_staff(caller: Caller) -> str:
    if caller.kind != "staff" or not caller.org or caller.roles.isdisjoint({"department_head", "reviewer"}):
        raise ProblemError("仅办理部门的负责人或审核人员可处理整改", status=403, code="not_permitted")
    return caller.org


async def list_rectifications(uow: CasesUnitOfWork, *, caller: Caller) -> Sequence[RectificationTask]:
    return await uow.cases.rectifications(department=_department_staff(caller))


async def advance_rectification(
    uow: CasesUnitOfWork, *, caller: Caller, task_id: str, note: str, now: datetime
) -> RectificationTask:
    """Record the next step (callback, verification, rectification, feedback) with what was done."""
    department = _department_staff(caller)
    task = await uow.cases.rectification(task_id)
    if task is None or task.department != department:
        raise ProblemError(f"整改任务 {task_id} 不存在", status=404, code="rectification_not_found")
    following = rectification_transitions(RectificationStatus(task.status))
    if following is None:
        raise ProblemError("整改任务已办结", status=409, code="rectification_closed")
    task.records = [
        *task.records,
        {"step": following.value, "by": caller.sub, "at": now.isoformat(), "note": note},
    ]
    task.status = following.value
    if following is RectificationStatus.CLOSED:
        task.closed_at = now
    await uow.commit()
    return task
