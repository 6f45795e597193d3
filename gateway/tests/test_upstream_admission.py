"""Issue 21, failure 2: at saturation a request through the gateway waited ten times longer than through nginx.

The gateway now bounds the requests in flight to each upstream, queues a few more fairly between clients and
answers the rest at once: 503 ``upstream_busy`` with ``Retry-After`` (:mod:`gateway.admission`). Real HTTP on
loopback: an upstream that holds every request until the test lets it go, and the gateway under uvicorn. The
tests release requests one at a time and look at what reached the upstream: behaviour, not timing.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Request

from gateway.admission import Admission, Gate
from gateway.main import create_app
from gateway.settings import GatewaySettings
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api


@dataclass
class Held:
    """The requests the upstream holds, in arrival order, each with the event that lets it answer."""

    arrivals: list[tuple[str, asyncio.Event]] = field(default_factory=list)
    current: int = 0
    peak: int = 0

    def release(self, index: int) -> None:
        self.arrivals[index][1].set()

    def release_all(self) -> None:
        for _, event in self.arrivals:
            event.set()


def holding_upstream(held: Held) -> FastAPI:
    app = FastAPI()

    @app.get("/hold/{tag}")
    async def hold(tag: str, request: Request) -> dict[str, str]:
        event = asyncio.Event()
        held.arrivals.append((tag, event))
        held.current += 1
        held.peak = max(held.peak, held.current)
        try:
            await asyncio.wait_for(event.wait(), 20)
        finally:
            held.current -= 1
        return {"tag": tag}

    return app


def arrived(held: Held, count: int) -> Callable[[], bool]:
    return lambda: len(held.arrivals) >= count


async def eventually(check: Callable[[], bool], what: str, seconds: float = 15.0) -> None:
    deadline = asyncio.get_running_loop().time() + seconds
    while not check():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"not reached within {seconds} s: {what}")
        await asyncio.sleep(0.01)


@dataclass
class Mesh:
    held: Held
    gate: Gate
    get: Callable[[str, str], Coroutine[Any, Any, httpx.Response]]


@pytest.fixture
def limited(
    serve: Callable[..., AbstractAsyncContextManager[str]],
    gateway_settings: Callable[..., GatewaySettings],
    tokens: TokenFactory,
) -> Callable[..., AbstractAsyncContextManager[Mesh]]:
    @asynccontextmanager
    async def start(**overrides: Any) -> AsyncIterator[Mesh]:
        held = Held()
        async with serve(holding_upstream(held)) as upstream_url:
            settings = gateway_settings(
                catalog_url=upstream_url,
                rate_limits_enabled=False,
                trusted_proxies=["127.0.0.0/8"],  # the clients below name themselves in X-Forwarded-For
                **({"upstream_concurrency_overrides": {}} | overrides),  # the catalog's own bound off
            )
            app = create_app(settings, verifier=tokens.verifier())
            async with serve(app, lifespan="on") as base_url:
                limits = httpx.Limits(max_connections=100, max_keepalive_connections=100)
                async with httpx.AsyncClient(base_url=base_url, timeout=30, limits=limits) as http:

                    async def get(client: str, tag: str) -> httpx.Response:
                        return await http.get(f"/catalog/hold/{tag}", headers={"X-Forwarded-For": client})

                    yield Mesh(held, app.state.admission.gate("catalog"), get)

    return start


async def test_issue21_f2_the_bound_on_requests_in_flight_to_an_upstream_holds(
    limited: Callable[..., AbstractAsyncContextManager[Mesh]],
) -> None:
    """Issue 21 failure 2 (saturation tail): six requests at once, two slots — the upstream never sees a third
    before one of the first two answered, and the four others wait their turn and are answered, not refused."""
    async with limited(upstream_concurrency=2, upstream_queue=8, upstream_queue_per_client=8) as mesh:
        sent = [asyncio.create_task(mesh.get("198.51.100.1", f"r{n}")) for n in range(6)]
        await eventually(lambda: mesh.gate.queued == 4 and len(mesh.held.arrivals) == 2, "2 held, 4 queued")
        for index in range(6):
            await eventually(arrived(mesh.held, index + 1), f"request {index} reached the upstream")
            assert mesh.held.current <= 2
            mesh.held.release(index)
        answers = await asyncio.gather(*sent)
    assert [answer.status_code for answer in answers] == [200] * 6
    assert mesh.held.peak == 2
    assert mesh.gate.active == 0
    assert mesh.gate.queued == 0


async def test_issue21_f2_past_the_queue_the_gateway_answers_503_with_retry_after_in_chinese(
    limited: Callable[..., AbstractAsyncContextManager[Mesh]],
) -> None:
    """Issue 21 failure 2: beyond one slot and a queue of one, a request is refused at once with a problem a
    person can act on — not added to a backlog that lengthens everyone's wait."""
    async with limited(upstream_concurrency=1, upstream_queue=1, upstream_queue_per_client=1) as mesh:
        first = asyncio.create_task(mesh.get("198.51.100.1", "first"))
        await eventually(lambda: len(mesh.held.arrivals) == 1, "the first request held upstream")
        second = asyncio.create_task(mesh.get("198.51.100.2", "second"))
        await eventually(lambda: mesh.gate.queued == 1, "the second request queued")
        refused = await mesh.get("198.51.100.3", "third")
        assert refused.status_code == 503
        assert refused.headers["content-type"].startswith("application/problem+json")
        assert refused.headers["retry-after"] == "1"
        problem = refused.json()
        assert problem["code"] == "upstream_busy"
        assert "繁忙" in problem["detail"]
        assert "秒后重试" in problem["detail"]
        assert [tag for tag, _ in mesh.held.arrivals] == ["first"]  # nothing of it was forwarded
        mesh.held.release(0)
        await eventually(lambda: len(mesh.held.arrivals) == 2, "the queued request took the freed slot")
        mesh.held.release(1)
        assert (await first).status_code == 200
        assert (await second).status_code == 200


async def test_issue21_f2_a_request_that_waits_too_long_for_a_slot_is_answered_503(
    limited: Callable[..., AbstractAsyncContextManager[Mesh]],
) -> None:
    """Issue 21 failure 2: the queue is short in time too — ``upstream_queue_wait`` ends a wait with 503."""
    async with limited(upstream_concurrency=1, upstream_queue=4, upstream_queue_wait=0.2) as mesh:
        first = asyncio.create_task(mesh.get("198.51.100.1", "first"))
        await eventually(lambda: len(mesh.held.arrivals) == 1, "the first request held upstream")
        waited = await mesh.get("198.51.100.2", "second")
        assert waited.status_code == 503
        assert waited.json()["code"] == "upstream_busy"
        assert mesh.gate.queued == 0
        mesh.held.release_all()
        assert (await first).status_code == 200
        assert [tag for tag, _ in mesh.held.arrivals] == ["first"]


async def test_issue21_f2_one_client_cannot_fill_the_queue_and_clients_take_turns(
    limited: Callable[..., AbstractAsyncContextManager[Mesh]],
) -> None:
    """Issue 21 failure 2 (fair scheduling between clients): client A sends seven requests at once; it may hold
    only four places in the queue (the rest are refused), client B's single request still finds room, and the
    freed slots go to A and B in turn — B's request is the third to reach the upstream, not the last."""
    async with limited(upstream_concurrency=1, upstream_queue=8, upstream_queue_per_client=4) as mesh:
        a_first = asyncio.create_task(mesh.get("198.51.100.10", "a0"))
        await eventually(lambda: len(mesh.held.arrivals) == 1, "A's first request held upstream")
        a_more = [asyncio.create_task(mesh.get("198.51.100.10", f"a{n}")) for n in range(1, 7)]
        await eventually(
            lambda: sum(task.done() for task in a_more) == 2, "A's requests past its share refused"
        )
        assert mesh.gate.queued == 4
        b = asyncio.create_task(mesh.get("198.51.100.20", "b"))
        await eventually(lambda: mesh.gate.queued == 5, "B's request queued")
        for index in range(6):
            await eventually(arrived(mesh.held, index + 1), f"request {index} reached the upstream")
            mesh.held.release(index)
        answers = [await a_first, *[await task for task in a_more], await b]
    order = [tag for tag, _ in mesh.held.arrivals]
    assert order[:3] == ["a0", "a1", "b"], order
    assert sorted(answer.status_code for answer in answers) == [200] * 6 + [503] * 2
    assert answers[-1].status_code == 200


def test_a_service_may_have_its_own_bound() -> None:
    """Issue 21: the catalog's reads gain nothing past ~10 at once (its database pool) and only lengthen the tail;
    the exchange batches concurrent reads. Each upstream's gate takes its own bound where one is set."""
    admission = Admission(
        ["catalog", "exchange"],
        limit=32,
        queue=64,
        per_client=32,
        wait=1.0,
        limits=GatewaySettings().upstream_concurrency_overrides,
    )
    assert (admission.gate("catalog").limit, admission.gate("exchange").limit) == (8, 32)


async def test_issue21_a_queued_request_whose_client_left_gives_up_its_place() -> None:
    """A queued request cancelled (its client left) leaves the queue; the slot later freed goes to nobody, and
    a request whose wait runs out is refused and leaves the queue too (the gate's own timer, issue 21)."""
    gate = Gate("catalog", limit=1, queue=4, per_client=4, wait=0.05)
    assert await gate.enter("ip:198.51.100.1")
    waiting = asyncio.create_task(gate.enter("ip:198.51.100.2"))
    await eventually(lambda: gate.queued == 1, "the second request queued")
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    assert (gate.queued, gate.active) == (0, 1)
    assert not await gate.enter("ip:198.51.100.3")  # waits 0.05 s for the held slot, then refused
    assert (gate.queued, gate.active) == (0, 1)
    gate.leave()
    assert (gate.queued, gate.active) == (0, 0)
    assert await gate.enter("ip:198.51.100.3")


@pytest.mark.parametrize("same_turn", ["slot_handed_over", "wait_ran_out"])
async def test_issue21_a_client_leaving_in_the_turn_its_wait_ends_takes_no_slot_with_it(
    same_turn: str,
) -> None:
    """The client leaves in the same turn as its wait ends: a slot handed over is passed on (freed here: no one
    else waits); a wait that ran out had no slot, so the one held by the first request stays held."""
    gate = Gate("catalog", limit=1, queue=4, per_client=4, wait=30.0)
    assert await gate.enter("ip:198.51.100.1")
    waiting = asyncio.create_task(gate.enter("ip:198.51.100.2"))
    await eventually(lambda: gate.queued == 1, "the second request queued")
    if same_turn == "slot_handed_over":
        gate.leave()  # the first request is done: its slot goes to the second
    else:
        gate._waiting["ip:198.51.100.2"][0].set_exception(TimeoutError())  # as its wait's end does
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    assert gate.queued == 0
    assert gate.active == (0 if same_turn == "slot_handed_over" else 1)


async def test_issue21_waits_run_out_in_arrival_order_on_one_timer_and_the_gauge_follows() -> None:
    """The waits' deadlines end on one timer per gate (not one per waiting request): each waiting request gets
    its ``False`` once its own wait ran out, later arrivals later; the waiting-requests gauge is written within
    a quarter of a second of a change, and ends at 0."""
    gate = Gate("catalog", limit=1, queue=8, per_client=8, wait=0.3)
    assert await gate.enter("ip:198.51.100.1")
    loop = asyncio.get_running_loop()
    started = loop.time()
    early = [asyncio.create_task(gate.enter(f"ip:198.51.100.{n}")) for n in (2, 3)]
    await asyncio.sleep(0.15)
    late = asyncio.create_task(gate.enter("ip:198.51.100.4"))
    await eventually(lambda: gate.queued == 3, "three requests wait")
    assert await asyncio.gather(*early) == [False, False]
    first_out = loop.time() - started
    assert 0.28 <= first_out < 0.42, first_out
    assert not late.done()  # its own wait has not run out yet
    assert await late is False
    assert loop.time() - started >= 0.43
    assert gate.queued == 0
    assert gate.active == 1
    await eventually(lambda: _queued_gauge("catalog") == 0.0, "the gauge back at 0")
    assert gate._timer is None  # nothing waits: no timer left behind


def _queued_gauge(upstream: str) -> float | None:
    from prometheus_client import REGISTRY

    return REGISTRY.get_sample_value("gateway_upstream_queued", {"upstream": upstream})
