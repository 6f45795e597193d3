"""A consumer's loop: after a fetch that was not full it lingers (its events handled first), after a full one it
fetches again at once, and stop ends a linger. JetStream and the handling are stood in for."""

from __future__ import annotations

import asyncio
import time
from typing import Any, cast

import pytest

from meshkit.inbox import ConsumerRunner, ConsumerSpec
from meshkit.testing.scratch import INBOX, apply_effect

pytestmark = pytest.mark.unit


class ScriptedSubscription:
    """Each fetch returns the next count of messages of the script; then none (a fetch that times out)."""

    def __init__(self, script: list[int]) -> None:
        self.script = list(script)
        self.fetches: list[float] = []
        self.used_up = asyncio.Event()

    async def fetch(self, batch: int, timeout: float) -> list[object]:
        self.fetches.append(time.monotonic())
        if not self.script:
            await asyncio.sleep(min(timeout, 0.02))
            raise TimeoutError
        count = self.script.pop(0)
        if not self.script:
            self.used_up.set()
        assert count <= batch
        return [object()] * count

    async def unsubscribe(self) -> None:
        return None


class ScriptedJetStream:
    def __init__(self, subscription: ScriptedSubscription) -> None:
        self.subscription = subscription

    async def pull_subscribe_bind(self, durable: str, stream: str) -> ScriptedSubscription:
        return self.subscription


class RecordingRunner(ConsumerRunner):
    """The real loop; handling a fetch only notes when it happened and how many messages it held."""

    def __init__(self, spec: ConsumerSpec, js: ScriptedJetStream) -> None:
        super().__init__(cast(Any, None), cast(Any, js), INBOX, spec, "scratch")
        self.handled: list[tuple[float, int]] = []

    async def ensure(self) -> None:
        return None

    async def handle_batch(self, msgs: Any) -> None:
        self.handled.append((time.monotonic(), len(msgs)))


async def run(
    script: list[int], *, linger: float, batch: int = 10, settle: float = 0.2
) -> tuple[RecordingRunner, ScriptedSubscription]:
    """Run the loop until the script is used up (and ``settle`` more seconds), then stop it."""
    subscription = ScriptedSubscription(script)
    spec = ConsumerSpec(
        durable="linger",
        stream="SCRATCH",
        subjects=["scratch.>"],
        handler=apply_effect,
        batch=batch,
        linger=linger,
    )
    runner = RecordingRunner(spec, ScriptedJetStream(subscription))
    stop = asyncio.Event()
    task = asyncio.create_task(runner.run(stop))
    await asyncio.wait_for(subscription.used_up.wait(), timeout=10)
    await asyncio.sleep(settle)
    stop.set()
    await asyncio.wait_for(task, timeout=2)
    return runner, subscription


async def test_a_partial_fetch_is_handled_then_followed_by_the_linger() -> None:
    runner, subscription = await run([2, 3], linger=0.3)
    assert [count for _, count in runner.handled] == [2, 3]
    assert runner.handled[0][0] - subscription.fetches[0] < 0.2  # handled (and acked) before lingering
    assert subscription.fetches[1] - subscription.fetches[0] >= 0.29


async def test_a_full_fetch_is_followed_by_the_next_at_once() -> None:
    runner, subscription = await run([10, 10, 4], linger=1.0, settle=1.2)
    assert [count for _, count in runner.handled] == [10, 10, 4]
    assert subscription.fetches[2] - subscription.fetches[0] < 0.5
    assert subscription.fetches[3] - subscription.fetches[2] >= 0.99  # after the partial one


async def test_without_linger_the_next_fetch_comes_at_once() -> None:
    _, subscription = await run([1, 1], linger=0.0)
    assert subscription.fetches[1] - subscription.fetches[0] < 0.2


async def test_stop_interrupts_the_linger() -> None:
    started = time.monotonic()
    runner, subscription = await run([1], linger=30.0, settle=0.05)  # stops within 2 s or fails
    assert [count for _, count in runner.handled] == [1]
    assert len(subscription.fetches) == 1
    assert time.monotonic() - started < 2
