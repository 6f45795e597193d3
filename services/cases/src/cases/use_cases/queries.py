"""Reading cases: one case with its timeline, the applicant's own cases, staff queues, supervisors' lists."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from cases.domain.access import Caller, applicant_id_of, region_prefix
from cases.store.case_models import Case, ClockEntry, TimelineEntry
from cases.store.case_repositories import Page
from cases.store.unit_of_work import CasesUnitOfWork
from cases.use_cases.handling import load_visible
from meshkit.errors import ProblemError

__all__ = [
    "CaseDetail",
    "Page",
    "case_detail",
    "my_cases",
    "staff_queue",
    "supervision_list",
]

CaseDetail = tuple[Case, Sequence[TimelineEntry], Sequence[ClockEntry], Sequence[Case]]


async def case_detail(
    uow: CasesUnitOfWork, *, case_id: str, caller: Caller, district_center: str
) -> CaseDetail:
    case = await load_visible(uow, case_id, caller, district_center=district_center)
    members = await uow.cases.children(case.id) if case.kind == "bundle" else ()
    return case, await uow.cases.timeline(case.id), await uow.cases.ledger(case.id), members


async def my_cases(uow: CasesUnitOfWork, *, caller: Caller, limit: int, offset: int) -> Page:
    applicant = applicant_id_of(caller)
    if applicant is None:
        raise ProblemError("只有申请人可以查看“我的办件”", status=403, code="not_permitted")
    return await uow.cases.of_applicant(applicant, limit=limit, offset=offset)


async def staff_queue(
    uow: CasesUnitOfWork,
    *,
    caller: Caller,
    promised: Sequence[date | None],
    today: date,
    pending_from: date | None = None,
    statuses: Sequence[str] | None,
    due_before: date | None,
    overdue_on: date | None,
    limit: int,
    offset: int,
) -> Page:
    """Cases the caller's organization handles, received or accepts (staff only), soonest promised first:
    ``promised[n]`` is the promised date of an ``n``-working-day limit accepted ``today``
    (:func:`cases.domain.promised.promised_dates`), the order of cases not yet accepted; a pending date sorts
    from ``pending_from`` on (:func:`cases.domain.promised.first_pending_day`)."""
    if caller.kind != "staff" or not caller.org:
        raise ProblemError("办件队列仅供工作人员使用", status=403, code="not_permitted")
    return await uow.cases.queue(
        orgs=[caller.org],
        promised=promised,
        today=today,
        pending_from=pending_from,
        statuses=statuses,
        due_before=due_before,
        overdue_on=overdue_on,
        limit=limit,
        offset=offset,
    )


async def supervision_list(
    uow: CasesUnitOfWork,
    *,
    caller: Caller,
    today: date,
    statuses: Sequence[str] | None,
    limit: int,
    offset: int,
) -> Page:
    """Overdue cases within a supervisor's territorial scope (电子监察)."""
    if caller.kind != "staff" or "supervisor" not in caller.roles or not caller.region:
        raise ProblemError("仅监察人员可查看超期办件", status=403, code="not_permitted")
    return await uow.cases.in_region(
        prefix=region_prefix(caller.region), statuses=statuses, overdue_on=today, limit=limit, offset=offset
    )
