"""Every service's worker lowers its own CPU priority by ``<SERVICE>_WORKER_NICE``; 0 leaves it, and a refusal
is not fatal."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from fastapi import FastAPI
from pydantic_settings import SettingsConfigDict

from meshkit.priority import lower_priority
from meshkit.settings import ServiceSettings

pytestmark = pytest.mark.unit


class ScratchSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SCRATCH_", extra="ignore", frozen=True)


def test_worker_runs_nicer_by_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def nice(n: int) -> int:
        calls.append(n)
        return n

    monkeypatch.setattr(os, "nice", nice)
    lower_priority(ServiceSettings().worker_nice)  # the default
    monkeypatch.setenv("SCRATCH_WORKER_NICE", "9")
    lower_priority(ScratchSettings().worker_nice)
    lower_priority(0)
    assert calls == [5, 9]

    def refuse(n: int) -> int:
        raise PermissionError(n)

    monkeypatch.setattr(os, "nice", refuse)
    lower_priority(3)  # runs at the normal priority instead


def test_a_session_leader_also_lowers_its_autogroup(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """With autogroup scheduling, nice only counts within a session: the worker's own session must yield too."""
    monkeypatch.setattr(os, "nice", lambda n: n)
    autogroup = tmp_path / "autogroup"
    autogroup.write_text("/autogroup-7 nice 0\n")
    monkeypatch.setattr(os, "getsid", lambda pid: 4242)
    monkeypatch.setattr(os, "getpid", lambda: 4242)
    lower_priority(5, autogroup=autogroup)
    assert autogroup.read_text() == "5"

    autogroup.write_text("/autogroup-7 nice 0\n")
    monkeypatch.setattr(os, "getsid", lambda pid: 1)  # a session shared with a shell: left alone
    lower_priority(5, autogroup=autogroup)
    assert autogroup.read_text() == "/autogroup-7 nice 0\n"
    lower_priority(5, autogroup=tmp_path / "missing" / "autogroup")  # no autogroup scheduling: fine


async def test_a_background_lane_starts_at_the_normal_priority_and_lowers_itself_once_ready(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A service's background lane (an API process only the mesh's workers call) yields to the APIs — but only
    once it answered ready: started at nice 19 on a busy machine, its start-up starved and the launcher gave up
    (issue 19 failure 15)."""
    import httpx

    import meshkit.app
    from meshkit.app import build_app

    calls: list[int] = []
    monkeypatch.setattr(meshkit.app, "lower_priority", calls.append)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield

    assert ServiceSettings().background_lane_nice == 19  # waits for idle CPU (the workers' 5 was not enough)
    monkeypatch.setenv("SCRATCH_BACKGROUND_LANE_NICE", "12")
    for lane, expected in (("false", []), ("true", [12])):
        monkeypatch.setenv("SCRATCH_BACKGROUND_LANE", lane)
        app = build_app(
            service="scratch",
            title="scratch",
            description="",
            settings=ScratchSettings(),
            lifespan=lifespan,
            routers=[],
        )
        async with app.router.lifespan_context(app):
            assert calls == []  # started at the normal priority
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://lane") as client:
                for _ in range(3):
                    assert (await client.get("/readyz")).status_code == 200
            assert calls == expected  # lowered once, at the first ready answer


async def test_a_lane_nobody_probes_lowers_itself_after_a_while(monkeypatch: pytest.MonkeyPatch) -> None:
    import meshkit.app
    from meshkit.app import build_app

    calls: list[int] = []
    monkeypatch.setattr(meshkit.app, "lower_priority", calls.append)
    monkeypatch.setattr(meshkit.app, "LANE_SETTLE_SECONDS", 0.05)
    monkeypatch.setenv("SCRATCH_BACKGROUND_LANE", "true")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield

    app = build_app(
        service="scratch",
        title="s",
        description="",
        settings=ScratchSettings(),
        lifespan=lifespan,
        routers=[],
    )
    async with app.router.lifespan_context(app):
        for _ in range(100):
            if calls:
                break
            await asyncio.sleep(0.02)
    assert calls == [19]
