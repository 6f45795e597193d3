"""Issue 20, failures 2 and 3: the worker's event metrics are scraped from the worker itself, and several processes
behind one port report as one (prometheus_client's multiprocess mode)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from meshkit.db import Database
from meshkit.embedded import EmbeddedNats, free_port
from meshkit.events import stream_for
from meshkit.inbox import ConsumerSpec
from meshkit.settings import ServiceSettings
from meshkit.testing import eventually
from meshkit.testing.scratch import INBOX, OUTBOX, PINGED, apply_effect, stage
from meshkit.worker import WorkerPlan, run_worker

pytestmark = pytest.mark.integration

HERE = Path(__file__).parent


def _samples(text: str, name: str) -> dict[tuple[tuple[str, str], ...], float]:
    found = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name:
                found[tuple(sorted(sample.labels.items()))] = sample.value
    return found


async def test_failure2_the_worker_serves_its_event_metrics(
    database: Database, nats_factory: Callable[[], EmbeddedNats]
) -> None:
    """Issue 20, failure 2: outbox published, events processed, dead letters and event lag were counted in the
    worker process, which served no /metrics: 0 samples anywhere. Now the worker serves them on its own port."""
    server = nats_factory()
    server.start()
    port = free_port()
    settings = ServiceSettings(
        service_name="scratch",
        database_url=database.engine.url.render_as_string(hide_password=False),
        nats_url=server.url,
        worker_metrics_port=port,
    )
    plan = WorkerPlan(
        service="scratch",
        outbox=OUTBOX,
        inbox=INBOX,
        consumers=[
            ConsumerSpec(
                durable="metered",
                stream=stream_for("scratch"),
                subjects=[PINGED.subject],
                handler=apply_effect,
            )
        ],
    )
    stop = asyncio.Event()
    worker = asyncio.create_task(run_worker(settings, plan, stop))
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", trust_env=False) as client:

            async def scraped() -> str:
                try:
                    response = await client.get("/metrics")
                except httpx.TransportError as exc:
                    raise AssertionError(f"no /metrics yet: {exc}") from exc
                assert response.status_code == 200
                return response.text

            await eventually(scraped, timeout=20)
            await stage(database, 3)

            async def counted() -> str:
                text = await scraped()
                published = _samples(text, "tongban_outbox_published_total")
                assert published.get((("service", "scratch"),), 0) >= 3, published
                processed = _samples(text, "tongban_events_processed_total")
                assert processed.get((("consumer", "metered"), ("service", "scratch")), 0) >= 3, processed
                return text

            text = await eventually(counted, timeout=30)
        key = (("consumer", "metered"), ("service", "scratch"))
        assert (
            _samples(text, "tongban_dead_letters_total")[key] == 0
        )  # the series exists before the first one
        assert _samples(text, "tongban_event_lag_seconds_count")[key] >= 3
    finally:
        stop.set()
        assert await asyncio.wait_for(worker, 30)


def test_failure3_two_processes_behind_one_port_report_as_one(tmp_path: Path) -> None:
    """Issue 20, failure 3: with two processes per port, successive scrapes hit different processes and counters
    jumped back and forth (13 / 17 / 13). In multiprocess mode every scrape, whichever process answers it, reports
    the sum: successive scrapes never go back, and they equal what was counted."""
    metrics_dir = tmp_path / "metrics"
    metrics_dir.mkdir()
    port = free_port()
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir)}
    argv = [sys.executable, "-m", "uvicorn", "--factory", "--app-dir", str(HERE), "multiproc_app:create"]
    argv += ["--port", str(port), "--workers", "2", "--log-level", "warning"]
    server = subprocess.Popen(argv, env=env, cwd=tmp_path)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", trust_env=False, timeout=10) as client:
            _wait_serving(client)
            bumped_by: set[str] = set()
            scraped_by: set[str] = set()
            bumps = 0
            seen: list[float] = []
            for _ in range(400):  # a new connection each time: the kernel hands it to either process
                if bumps >= 60 and len(bumped_by) == 2 and len(scraped_by) == 2:
                    break
                bumped_by.add(client.get("/bump", headers={"Connection": "close"}).text)
                bumps += 1
                response = client.get("/metrics", headers={"Connection": "close"})
                scraped_by.add(response.headers["X-Pid"])
                seen.append(
                    _samples(response.text, "tongban_outbox_published_total")[(("service", "multiproc"),)]
                )
            assert len(bumped_by) == 2, "both processes must count"
            assert len(scraped_by) == 2, "both processes must answer scrapes"
            assert seen == sorted(seen), f"a counter went back between scrapes: {seen}"
            assert seen[-1] == bumps  # every scrape after the last bump: the sum of both processes
    finally:
        server.terminate()
        server.wait(timeout=20)


def _wait_serving(client: httpx.Client) -> None:
    for _ in range(200):
        try:
            client.get("/metrics")
            return
        except httpx.TransportError:
            time.sleep(0.1)  # a start-up poll, not an assertion
    raise AssertionError("the two-process server did not start")
