"""A worker's start-up steps against the broker wait out outages (found by the cluster test of issue 20: creating
an R3 stream on a busy 3-node cluster took longer than JetStream's API timeout, and the worker died at start)."""

from __future__ import annotations

import asyncio

import nats.errors
import pytest

from meshkit import worker
from meshkit.worker import outlast_outages

pytestmark = pytest.mark.unit


@pytest.fixture(autouse=True)
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worker, "outage_delay", lambda attempt: 0.01)


async def test_issue20_cluster_a_stream_step_that_times_out_is_tried_again_until_it_succeeds() -> None:
    calls = 0

    async def step() -> None:
        nonlocal calls
        calls += 1
        if calls < 3:
            raise nats.errors.TimeoutError

    await outlast_outages(step, asyncio.Event(), what="stream")
    assert calls == 3


async def test_a_failure_that_is_not_an_outage_is_raised_at_once() -> None:
    calls = 0

    async def step() -> None:
        nonlocal calls
        calls += 1
        raise ValueError("bad stream config")

    with pytest.raises(ValueError, match="bad stream config"):
        await outlast_outages(step, asyncio.Event(), what="stream")
    assert calls == 1


async def test_a_stop_ends_the_waiting() -> None:
    stop = asyncio.Event()

    async def step() -> None:
        stop.set()
        raise nats.errors.NoRespondersError

    await asyncio.wait_for(outlast_outages(step, stop, what="stream"), 5)
