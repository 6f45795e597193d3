"""The in-process cache of open matters: entries expire after their time-to-live, can be forgotten, and a
time-to-live of 0 reads every time."""

from __future__ import annotations

import asyncio
from typing import Any, cast

import pytest

from cases.store.models import OpenMatter
from cases.store.unit_of_work import CasesUnitOfWork
from cases.use_cases.matters import MatterNotOpen, OpenMatterCache

pytestmark = pytest.mark.unit


class _Matters:
    def __init__(self) -> None:
        self.rows: dict[str, OpenMatter] = {}
        self.reads = 0

    async def get(self, code: str) -> OpenMatter | None:
        self.reads += 1
        await asyncio.sleep(0.01)  # a round trip: other applications arrive meanwhile
        return self.rows.get(code)


class _Uow:
    def __init__(self) -> None:
        self.open_matters = _Matters()


def _matter(version: int) -> OpenMatter:
    return OpenMatter(
        code="M",
        matter_id="m",
        version=version,
        name="事项",
        matter_type="01",
        department_code="D",
        statutory_days=20,
        promised_days=10,
        result_certificate_type=None,
        materials=[{"name": "申请书"}, {"name": "身份证明", "resource_code": "R"}],
    )


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


async def test_entries_expire_after_their_time_to_live() -> None:
    fake, clock = _Uow(), _Clock()
    uow = cast(CasesUnitOfWork, cast(Any, fake))
    cache = OpenMatterCache(5.0, clock=clock)
    fake.open_matters.rows["M"] = _matter(1)
    first = await cache.get(uow, "M")
    assert (first.version, [m.code for m in first.materials]) == (1, ["M01", "M02"])
    assert first.material_arrays.columns[-1] == [
        False,
        True,
    ]  # only the shared-data one is due for the worker
    fake.open_matters.rows["M"] = _matter(2)
    clock.now += 4.9
    assert (await cache.get(uow, "M")).version == 1  # still fresh
    clock.now += 0.2
    assert (await cache.get(uow, "M")).version == 2  # expired: read again
    assert fake.open_matters.reads == 2


async def test_forget_and_zero_ttl_read_again() -> None:
    fake = _Uow()
    uow = cast(CasesUnitOfWork, cast(Any, fake))
    fake.open_matters.rows["M"] = _matter(1)
    cache = OpenMatterCache(60.0)
    await cache.get(uow, "M")
    cache.forget("M")
    await cache.get(uow, "M")
    uncached = OpenMatterCache(0)
    await uncached.get(uow, "M")
    await uncached.get(uow, "M")
    assert fake.open_matters.reads == 4
    del fake.open_matters.rows["M"]
    with pytest.raises(MatterNotOpen):
        await uncached.get(uow, "M")


async def test_issue21_submission_concurrent_applications_read_an_expired_matter_once() -> None:
    """Issue 21 (submission throughput): when a cached matter expires under load, the 32 applications in flight
    wait for one read of it; each used to read and plan the matter itself (32 reads every 30 s)."""
    fake, clock = _Uow(), _Clock()
    uow = cast(CasesUnitOfWork, cast(Any, fake))
    cache = OpenMatterCache(30.0, clock=clock)
    fake.open_matters.rows["M"] = _matter(1)
    await cache.get(uow, "M")
    fake.open_matters.rows["M"] = _matter(2)
    clock.now += 31
    snapshots = await asyncio.gather(*(cache.get(uow, "M") for _ in range(32)))
    assert {s.version for s in snapshots} == {2}
    assert fake.open_matters.reads == 2  # the first fill and one read after the expiry
    del fake.open_matters.rows["M"]
    cache.forget("M")
    refused = await asyncio.gather(*(cache.get(uow, "M") for _ in range(3)), return_exceptions=True)
    assert all(isinstance(r, MatterNotOpen) for r in refused)  # a closed matter is refused to every waiter
