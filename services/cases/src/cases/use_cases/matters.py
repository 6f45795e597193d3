"""Matters open for application (the read model of catalog events), and a short-lived in-process copy of the
ones being applied for."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cases.domain.access import Caller, real_name_short
from cases.domain.materials import MaterialPlan, plan_materials
from cases.store.filing import MaterialArrays
from cases.store.models import OpenMatter
from cases.store.unit_of_work import CasesUnitOfWork
from meshkit.errors import ProblemError

__all__ = [
    "MatterNotOpen",
    "MatterSnapshot",
    "OpenMatterCache",
    "get_open_matter",
    "list_open_matters",
    "require_real_name",
]


class MatterNotOpen(ProblemError):
    status = 404
    code = "matter_not_open"


async def list_open_matters(
    uow: CasesUnitOfWork, *, limit: int, offset: int
) -> tuple[Sequence[OpenMatter], int]:
    return await uow.open_matters.page(limit=limit, offset=offset)


async def get_open_matter(uow: CasesUnitOfWork, *, code: str) -> OpenMatter:
    matter = await uow.open_matters.get(code)
    if matter is None:
        raise MatterNotOpen(f"事项 {code} 尚未发布或不可申请")
    return matter


@dataclass(frozen=True)
class MatterSnapshot:
    """What filing a case takes from one version of an open matter, planned once per version."""

    code: str
    version: int
    name: str
    department_code: str
    promised_days: int
    statutory_days: int
    result_certificate_type: str | None
    materials: tuple[MaterialPlan, ...]
    material_arrays: MaterialArrays
    min_real_name_level: int = 1
    levels: tuple[str, ...] = ()  # the halls that may accept it (行使层级): district, town, village
    matter_type: str | None = None  # 事项类型: the decision's wording follows it
    legal_basis: str | None = None  # 设定依据 ('' from the catalog: null, not carried)

    @classmethod
    def of(cls, matter: OpenMatter) -> MatterSnapshot:
        plans = plan_materials(matter.materials)
        return cls(
            matter.code,
            matter.version,
            matter.name,
            matter.department_code,
            matter.promised_days,
            matter.statutory_days,
            matter.result_certificate_type,
            tuple(plans),
            MaterialArrays.of(plans),
            matter.min_real_name_level,
            tuple(matter.levels or ()),
            matter.matter_type,
            matter.legal_basis or None,
        )


class OpenMatterCache:
    """Open matters kept in process for ``ttl`` seconds (0: always read).

    Only a hint: filing writes a case only while the matter is still open at the snapshot's version (checked in
    the insert itself) and otherwise forgets the entry and reads the matter again. So a retired matter stops
    taking applications at once, a newer version is used from its first application, and the pinned version is
    always the one whose materials and limits were used. The time-to-live bounds how long an unused entry stays.

    One read per matter at a time: when an entry has expired, the applications arriving meanwhile wait for the
    first one's read instead of each reading and planning the matter again (issue 21: at 32 concurrent
    applications every expiry, each 30 s, cost 32 reads).
    """

    def __init__(self, ttl: float, *, clock: Callable[[], float] = time.monotonic, size: int = 1024) -> None:
        self._ttl, self._clock, self._size = ttl, clock, size
        self._entries: dict[str, tuple[MatterSnapshot, float]] = {}
        self._reading: dict[str, asyncio.Lock] = {}

    def _fresh(self, code: str) -> MatterSnapshot | None:
        entry = self._entries.get(code)
        return entry[0] if entry is not None and self._clock() < entry[1] else None

    async def get(self, uow: CasesUnitOfWork, code: str) -> MatterSnapshot:
        if (snapshot := self._fresh(code)) is not None:
            return snapshot
        if self._ttl <= 0:
            return MatterSnapshot.of(await get_open_matter(uow, code=code))
        async with self._reading.setdefault(code, asyncio.Lock()):
            if (snapshot := self._fresh(code)) is not None:  # read by the one that held the lock
                return snapshot
            snapshot = MatterSnapshot.of(await get_open_matter(uow, code=code))
            if len(self._entries) >= self._size:
                self._entries.clear()
                self._reading = {code: self._reading[code]}
            self._entries[code] = (snapshot, self._clock() + self._ttl)
        return snapshot

    def forget(self, code: str) -> None:
        self._entries.pop(code, None)


def require_real_name(caller: Caller, required: int, name: str) -> None:
    """Refuse an online application below the matter's (or bundle's) minimum real-name level."""
    if real_name_short(caller, required):
        raise ProblemError(
            f"申请「{name}」需要实名认证等级 {required} 级，当前为 {caller.acr} 级：请先完成实名核验 "
            "(raise your identity level in identity, or apply at a hall window)",
            status=403,
            code="real_name_level_too_low",
        )
