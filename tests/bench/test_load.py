"""The benchmark client's loops: open-loop latency counts queueing, and the client's own stalls are seen."""

from __future__ import annotations

import asyncio
import gc
import time

from bench.load import closed_loop, measured_phase, paced


async def test_paced_latency_counts_from_when_a_request_was_due() -> None:
    lock = asyncio.Lock()  # a server that answers one request at a time, in 20 ms: 50/s

    async def send(n: int) -> int:
        async with lock:
            await asyncio.sleep(0.02)
        return 200

    latencies, failures = await paced(send, 200, rate=100, seconds=0.3)
    assert len(latencies) == 30
    assert failures == 0
    # Offered twice what it can answer, the queue grows: the last request waited for the 29 before it.
    assert max(latencies) > 250  # due at 0.29 s, answered at about 0.6 s


async def test_paced_latency_of_a_request_sent_late_counts_from_when_it_was_due() -> None:
    async def send(n: int) -> int:
        if n == 0:
            time.sleep(0.1)  # noqa: ASYNC251 - the loop is held: requests 1-9 go out late
        return 200

    latencies, _ = await paced(send, 200, rate=100, seconds=0.2)
    assert sorted(latencies)[-2] > 50  # request 1, due at 10 ms, sent at about 100 ms


async def test_paced_sends_on_schedule_without_waiting_for_answers() -> None:
    started: list[float] = []

    async def send(n: int) -> int:
        started.append(time.perf_counter())
        await asyncio.sleep(0.2)
        return 503 if n % 2 else 200

    begun = time.perf_counter()
    latencies, failures = await paced(send, 200, rate=100, seconds=0.2)
    assert len(started) == 20
    assert failures == 10
    assert started[-1] - begun < 1.0  # the 20th went out at about 0.19 s, not after 19 answers (3.8 s)
    assert min(latencies) >= 200


async def test_closed_loop_counts_each_status() -> None:
    async def send(n: int) -> int:
        await asyncio.sleep(0.001)
        return 201 if n % 3 else 409

    per_s, statuses = await closed_loop(send, 201, concurrency=4, seconds=0.2)
    assert set(statuses) == {201, 409}
    assert statuses[201] > statuses[409] > 0
    assert per_s > 0


async def test_a_measured_phase_freezes_the_heap_and_reports_the_clients_own_stall() -> None:
    async with measured_phase():
        assert gc.get_freeze_count() > 0
        await asyncio.sleep(0.01)
    assert gc.get_freeze_count() == 0

    async with measured_phase() as stalled:
        await asyncio.sleep(0.01)
        time.sleep(0.08)  # noqa: ASYNC251 - the client's loop blocked, as by a long garbage collection
        await asyncio.sleep(0.01)
    assert stalled.worst_ms >= 60
