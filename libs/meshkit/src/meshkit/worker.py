"""The worker process of a service: outbox relay, event consumers and timers, until SIGTERM or SIGINT."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass, field

import nats
from nats.aio.client import Client as NATS
from sqlalchemy import Table

from meshkit.db import Database
from meshkit.events import stream_for
from meshkit.exposition import MetricsServer, start_metrics_server
from meshkit.heap import freeze_startup_heap
from meshkit.inbox import ConsumerSpec, run_consumer
from meshkit.natsauth import inbox_prefix
from meshkit.natsurls import nats_login, nats_servers
from meshkit.observability import configure_logging, metrics
from meshkit.outages import is_outage, outage_delay
from meshkit.outbox import OutboxRelay
from meshkit.priority import lower_priority
from meshkit.settings import ServiceSettings
from meshkit.streams import ensure_stream
from meshkit.tracing import configure_tracing

__all__ = [
    "Timer",
    "WorkerPlan",
    "connect_nats",
    "connect_settings_nats",
    "outlast_outages",
    "run_worker",
    "serve_worker",
]

log = logging.getLogger("meshkit.worker")

Timer = Callable[[Database, asyncio.Event], Coroutine[None, None, None]]


@dataclass(frozen=True)
class WorkerPlan:
    """What one service's worker runs."""

    service: str
    outbox: Table
    inbox: Table
    consumers: Sequence[ConsumerSpec] = ()
    timers: Sequence[Timer] = field(default=())


async def connect_nats(url: str, *, name: str, user: str | None = None, password: str | None = None) -> NATS:
    """Connect, waiting as long as it takes for the server; reconnect forever afterwards. ``url`` may name
    several servers, comma-separated (the nodes of a cluster, :mod:`meshkit.natsurls`).

    As ``user`` (or the user in the URL) the client's replies come on that user's own inbox prefix, the only one
    its NATS permissions let it subscribe to (:mod:`meshkit.natsauth`)."""

    async def quiet(exc: Exception) -> None:
        log.warning("nats connection problem", extra={"error": type(exc).__name__})

    login = user or nats_login(url)
    credentials: dict[str, str] = {}
    if user is not None and password is not None:
        credentials = {"user": user, "password": password}
    return await nats.connect(
        nats_servers(url),  # every node of a cluster: the client fails over between them
        name=name,
        inbox_prefix=inbox_prefix(login) if login else "_INBOX",
        **credentials,
        max_reconnect_attempts=-1,
        reconnect_time_wait=0.5,
        connect_timeout=2,
        error_cb=quiet,
        pending_size=64 * 1024 * 1024,
    )


async def connect_settings_nats(settings: ServiceSettings, *, name: str) -> NATS:
    """:func:`connect_nats` as this process's NATS user (``<PREFIX>NATS_USER`` / ``<PREFIX>NATS_PASSWORD``)."""
    password = settings.nats_password.get_secret_value() if settings.nats_password is not None else None
    return await connect_nats(settings.nats_url, name=name, user=settings.nats_user, password=password)


async def run_worker(settings: ServiceSettings, plan: WorkerPlan, stop: asyncio.Event) -> bool:
    """Run until ``stop`` is set or a task dies; True when every task ended cleanly."""
    database = Database.from_url(
        settings.database_url, pool_size=5, application_name=f"{settings.service_name}-worker"
    )
    exporter: MetricsServer | None = None
    if settings.worker_metrics_port is not None:  # first: an operator sees the worker waiting for the broker
        exporter = start_metrics_server(settings.worker_metrics_port, settings.worker_metrics_host)
    try:
        nc = await connect_settings_nats(settings, name=f"{plan.service}-worker")
    except BaseException:
        if exporter is not None:
            exporter.close()
        await database.dispose()
        raise
    js = nc.jetstream(timeout=5.0)
    try:
        streams = settings.stream_policy()
        await outlast_outages(
            lambda: ensure_stream(js, stream_for(plan.service), [f"{plan.service}.>"], streams),
            stop,
            what="stream",
        )
        if stop.is_set():
            return True
        relay = OutboxRelay(
            database,
            js,
            plan.outbox,
            service=plan.service,
            batch_size=settings.outbox_batch_size,
            poll_interval=settings.outbox_poll_interval,
            linger=settings.outbox_linger,
        )
        tasks = [
            asyncio.create_task(relay.run(stop), name="outbox-relay"),
            asyncio.create_task(_measure_backlog(relay, plan.service, stop), name="outbox-backlog"),
        ]
        for spec in plan.consumers:
            tasks.append(
                asyncio.create_task(
                    run_consumer(
                        database, js, plan.inbox, spec, service=plan.service, stop=stop, streams=streams
                    ),
                    name=f"consumer-{spec.durable}",
                )
            )
        for timer in plan.timers:
            tasks.append(asyncio.create_task(timer(database, stop), name=getattr(timer, "__name__", "timer")))
        freeze_startup_heap()
        log.info("worker started", extra={"service": plan.service, "consumers": len(plan.consumers)})
        stopper = asyncio.create_task(stop.wait())
        done, _ = await asyncio.wait([*tasks, stopper], return_when=asyncio.FIRST_COMPLETED)
        stop.set()
        healthy = True
        for task in done:
            if task is not stopper and task.exception() is not None:
                healthy = False
                log.error("worker task died", exc_info=task.exception(), extra={"task": task.get_name()})
        await asyncio.gather(*tasks, return_exceptions=True)
        return healthy
    finally:
        with contextlib.suppress(Exception):
            await nc.drain()
        await database.dispose()
        if exporter is not None:
            exporter.close()


async def outlast_outages(step: Callable[[], Awaitable[None]], stop: asyncio.Event, *, what: str) -> None:
    """Run ``step`` until it succeeds or ``stop`` is set, waiting out outages with a capped backoff; any other
    failure is raised. On a JetStream cluster creating an R3 stream waits for its peers to agree: on a busy
    machine, or while a node is down, that took longer than the API's timeout, and the worker died at start
    (found by the cluster test, issue 20)."""
    attempt = 0
    while not stop.is_set():
        try:
            await step()
            return
        except Exception as exc:
            if not is_outage(exc):
                raise
            attempt += 1
            log.warning("waiting out an outage", extra={"what": what, "error": type(exc).__name__})
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), outage_delay(attempt))


BACKLOG_INTERVAL = 10.0  # seconds between measurements of the outbox backlog


async def _measure_backlog(relay: OutboxRelay, service: str, stop: asyncio.Event) -> None:
    """``tongban_outbox_backlog``: what the relay has yet to publish (an outage of the broker shows as growth)."""
    while not stop.is_set():
        try:
            metrics.outbox_backlog.labels(service).set(await relay.backlog())
        except Exception as exc:  # the database is down: the relay waits too; measured again next time
            log.debug("outbox backlog not measured", extra={"error": type(exc).__name__})
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), BACKLOG_INTERVAL)


def serve_worker(settings: ServiceSettings, plan: WorkerPlan) -> None:
    """Entry point of ``python -m <service>.worker``: at the worker's lower priority, until stopped."""
    configure_logging(f"{plan.service}-worker", settings.log_level)
    configure_tracing(f"{plan.service}-worker")  # spans over OTLP when an endpoint is set (meshkit.tracing)
    lower_priority(settings.worker_nice)

    async def main() -> bool:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        return await run_worker(settings, plan, stop)

    if not asyncio.run(main()):
        raise SystemExit(1)  # a supervisor (the launcher, systemd, Kubernetes) restarts or reports it
