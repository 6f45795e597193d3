"""The material rule of 受理 and 准予许可: a case moves on only with what its matter version requires."""

from __future__ import annotations

from cases.domain.materials import missing_before
from cases.domain.states import Action
from cases.store.case_models import Case
from cases.store.unit_of_work import CasesUnitOfWork
from meshkit.errors import ProblemError

__all__ = ["check_materials"]

_WHAT_NEXT = {
    Action.ACCEPT: "请申请人上传、在窗口登记纸质材料或待共享获取后再受理，也可一次性告知补正；容缺材料可以后补。",
    Action.APPROVE: "容缺受理的材料也须在决定前补齐：请补齐后再准予许可，或在审查中要求补正。",
}


async def check_materials(uow: CasesUnitOfWork, case: Case, action: Action) -> None:
    """受理 and 准予许可 only with the materials the matter version requires (a 一件事 member's are its bundle's).
    Deemed acceptance (the system, when the window let the time pass) is the law's and is not refused."""
    holder = (await uow.cases.get(case.parent_id) if case.parent_id else None) or case
    rows = await uow.materials.of_case(holder.id)
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
