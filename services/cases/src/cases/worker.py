"""The cases worker: outbox relay, consumers of catalog events and of its own case events, the supervision
timers, and the exchange timer (materials resolved through the exchange, certificates issued there)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import UTC, datetime

from cases import metrics
from cases.clients import ExchangeClient, IdentityClient
from cases.consumers import CONSUMERS
from cases.settings import CasesSettings
from cases.store.models import INBOX, OUTBOX
from cases.store.unit_of_work import CasesUnitOfWork
from cases.use_cases.calendar import seed_calendar
from cases.use_cases.deadlines import accept_overdue_receipts, announce_deadlines
from cases.use_cases.exchange_work import MeshCalls, RetryPolicy
from cases.use_cases.issuing import issue_due_certificates
from cases.use_cases.resolution import BATCH, resolve_due_materials
from meshkit.db import Database
from meshkit.http import service_client
from meshkit.worker import Timer, WorkerPlan, outlast_outages, serve_worker

__all__ = ["exchange_timer", "plan"]

log = logging.getLogger("cases.worker")


def supervision_timer(settings: CasesSettings) -> Timer:
    async def supervise(database: Database, stop: asyncio.Event) -> None:
        async def seed() -> None:
            async with CasesUnitOfWork(database) as uow:
                await seed_calendar(uow)

        # a worker (re)started while PostgreSQL is down waits for it; it used to die here (cluster test, issue 20)
        await outlast_outages(seed, stop, what="calendar")
        while not stop.is_set():
            try:
                now = datetime.now(UTC)
                accepted = await accept_overdue_receipts(
                    database, now=now, district_center=settings.district_center_org
                )
                announced = await announce_deadlines(
                    database, now=now, working_days_before=settings.warning_working_days
                )
                if accepted or announced:
                    log.info("supervision scan", extra={"deemed_accepted": accepted, "warnings": announced})
            except Exception:
                log.exception("supervision scan failed; next scan retries")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), settings.timer_interval)

    return supervise


def exchange_timer(settings: CasesSettings) -> Timer:
    """Resolve due materials and issue due certificates; all state is in the database (due times, attempts)."""
    material_policy = RetryPolicy(
        settings.material_max_attempts, settings.retry_base_seconds, settings.retry_max_seconds
    )
    certificate_policy = RetryPolicy(
        settings.certificate_max_attempts, settings.retry_base_seconds, settings.retry_max_seconds
    )

    async def exchange_work(database: Database, stop: asyncio.Event) -> None:
        async with (
            service_client(settings.identity_url, timeout=settings.exchange_timeout) as identity_http,
            service_client(settings.exchange_url, timeout=settings.exchange_timeout) as exchange_http,
        ):
            identity = IdentityClient(
                identity_http, client_id=settings.client_id, client_secret=settings.client_secret
            )
            calls = MeshCalls(identity=identity, exchange=ExchangeClient(exchange_http, identity.token))
            while not stop.is_set():
                busy = False  # a full batch: more is due, so scan again at once instead of waiting
                try:
                    now = datetime.now(UTC)
                    resolved = await resolve_due_materials(database, calls, policy=material_policy, now=now)
                    issued = await issue_due_certificates(database, calls, policy=certificate_policy, now=now)
                    busy = resolved.claimed >= BATCH
                    if resolved.obtained or issued:
                        log.info(
                            "exchange work",
                            extra={"materials_obtained": resolved.obtained, "certificates": issued},
                        )
                except Exception:
                    log.exception("exchange scan failed; next scan retries")
                if not busy:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(stop.wait(), settings.exchange_interval)

    return exchange_work


def plan(settings: CasesSettings) -> WorkerPlan:
    metrics.install()  # what the worker's timers do (deadline notices, certificates), counted (cases.metrics)
    return WorkerPlan(
        service="cases",
        outbox=OUTBOX,
        inbox=INBOX,
        consumers=CONSUMERS,
        timers=[supervision_timer(settings), exchange_timer(settings)],
    )


if __name__ == "__main__":
    settings = CasesSettings()
    serve_worker(settings, plan(settings))
