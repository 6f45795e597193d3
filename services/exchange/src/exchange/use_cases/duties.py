"""Registered duties (履职依据): the legal bases of a member's reads not tied to a case, each citing its statute.

Operators (``ADMINISTER``) enter and change them; a government user sees its own organization's, operators and
auditors all. A duty that allows hiding reads from their subject (e.g. a criminal investigation) says for how long
at most."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from exchange.domain.access import Caller, Operation, is_government, is_operator, may
from exchange.store.basis_models import Duty
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases.errors import Forbidden, Invalid

__all__ = ["DutyDraft", "list_duties", "put_duty"]

MAX_HIDDEN_DAYS = 366


@dataclass(frozen=True)
class DutyDraft:
    code: str
    member_code: str
    name: str
    statute: str
    resources: tuple[str, ...]
    allows_hiding: bool
    max_hidden_days: int
    valid_from: date
    valid_to: date | None
    active: bool


async def put_duty(uow: ExchangeUnitOfWork, *, caller: Caller, draft: DutyDraft) -> Duty:
    if not is_operator(caller):
        raise Forbidden("只有平台运维人员可以登记履职依据 (operators only)", code="not_permitted")
    problems = []
    if await uow.members.get(draft.member_code) is None:
        problems.append({"field": "member_code", "message": f"{draft.member_code} 不是共享平台成员单位"})
    if draft.valid_to is not None and draft.valid_to < draft.valid_from:
        problems.append({"field": "valid_to", "message": "有效期截止日期早于起始日期"})
    if draft.allows_hiding != (draft.max_hidden_days > 0):
        problems.append(
            {"field": "max_hidden_days", "message": "允许暂不告知的履职依据须给出最长天数 (1–366)，否则为 0"}
        )
    for code in draft.resources:
        if await uow.resources.get(code) is None:
            problems.append({"field": "resources", "message": f"数据资源 {code} 不存在"})
    if problems:
        raise Invalid(
            "履职依据登记信息不符合要求: " + "; ".join(p["message"] for p in problems),
            code="invalid_duty",
            errors=problems,
        )
    duty = await uow.duties.get(draft.code)
    if duty is None:
        duty = Duty(code=draft.code)
        uow.duties.add(duty)
    duty.member_code, duty.name, duty.statute = draft.member_code, draft.name.strip(), draft.statute.strip()
    duty.resources, duty.allows_hiding, duty.max_hidden_days = (
        list(draft.resources),
        draft.allows_hiding,
        draft.max_hidden_days,
    )
    duty.valid_from, duty.valid_to, duty.active, duty.registered_by = (
        draft.valid_from,
        draft.valid_to,
        draft.active,
        caller.sub,
    )
    await uow.commit()
    return duty


async def list_duties(uow: ExchangeUnitOfWork, *, caller: Caller) -> Sequence[Duty]:
    if is_operator(caller) or may(caller, Operation.AUDIT):
        return await uow.duties.of_member(None)
    if not is_government(caller):
        raise Forbidden("只有政务部门可以查看履职依据 (government users only)", code="not_permitted")
    return await uow.duties.of_member(caller.org)
