"""The material rule of 受理 and 准予许可: a case moves on only with what its matter version requires."""

from __future__ import annotations

from collections.abc import Sequence

from cases.domain.materials import missing_before, serves_member
from cases.domain.states import Action
from cases.store.case_models import Case
from cases.store.unit_of_work import CasesUnitOfWork
from meshkit.errors import ProblemError

__all__ = ["check_bundle_materials", "check_materials"]

_WHAT_NEXT = {
    Action.ACCEPT: "请申请人上传、在窗口登记纸质材料或待共享获取后再受理，也可一次性告知补正；容缺材料可以后补。",
    Action.APPROVE: "容缺受理的材料也须在决定前补齐：请补齐后再准予许可，或在审查中要求补正。",
}


async def check_materials(uow: CasesUnitOfWork, case: Case, action: Action) -> None:
    """受理 and 准予许可 only with the materials the matter version requires. A 一件事 member's live on its parent:
    the member is checked against those its own matter asks for — or that stand in for them (a newborn's 户口簿 for
    the ID card 医保参保 asks, issue 19) — so one member's missing paper does not hold up another's, and a member
    whose own required material is missing is still refused. Deemed acceptance (the system, when the window let the
    time pass) is the law's and is not refused."""
    holder = (await uow.cases.get(case.parent_id) if case.parent_id else None) or case
    members = None if holder is case else [case]
    await _check(uow, holder, members, action)


async def check_bundle_materials(
    uow: CasesUnitOfWork, parent: Case, members: Sequence[Case], action: Action
) -> None:
    """A step taken on the 一件事 parent for ``members`` (一窗受理): one answer naming every material any of them
    still lacks, rather than the first member's."""
    await _check(uow, parent, members, action)


async def _check(uow: CasesUnitOfWork, holder: Case, members: Sequence[Case] | None, action: Action) -> None:
    codes = [m.matter_code for m in members] if members is not None else None
    rows = [
        m
        for m in await uow.materials.of_case(holder.id)
        if codes is None or any(serves_member(m.asked_by, code) for code in codes)
    ]
    missing = missing_before(action.value, ((m.name, m.requirement, m.status) for m in rows))
    if not missing:
        return
    names = "、".join(f"「{name}」" for name in missing)
    raise ProblemError(
        f"办件 {holder.number} 尚缺材料{names}，不能{action.label}。{_WHAT_NEXT[action]}",
        status=409,
        code="materials_missing",
        missing_materials=missing,
    )
