"""The cases worker: outbox relay, consumers of catalog events, and the supervision timers."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import UTC, datetime

from cases.consumers import CONSUMERS
from cases.settings import CasesSettings
from cases.store.models import INBOX, OUTBOX
from cases.store.unit_of_work import CasesUnitOfWork
from cases.use_cases.calendar import seed_calendar
from cases.use_cases.deadlines import accept_overdue_receipts, announce_deadlines
from meshkit.db import Database
from meshkit.worker import Timer, WorkerPlan, serve_worker

__all__ = ["plan"]

log = logging.getLogger("cases.worker")


def supervision_timer(settings: CasesSettings) -> Timer:
    async def supervise(database: Database, stop: asyncio.Event) -> None:
        async with CasesUnitOfWork(database) as uow:
            await seed_calendar(uow)
        while not stop.is_set():
            try:
                now = datetime.now(UTC)
                accepted = await accept_overdue_receipts(database, now=now,
                                                         district_center=settings.district_center_org)  # fmt: skip
                announced = await announce_deadlines(database, now=now,
                                                     working_days_before=settings.warning_working_days)  # fmt: skip
                if accepted or announced:
                    log.info("supervision scan", extra={"deemed_accepted": accepted, "warnings": announced})
            except Exception:
                log.exception("supervision scan failed; next scan retries")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), settings.timer_interval)

    return supervise


def plan(settings: CasesSettings) -> WorkerPlan:
    return WorkerPlan(service="cases", outbox=OUTBOX, inbox=INBOX, consumers=CONSUMERS,
                      timers=[supervision_timer(settings)])  # fmt: skip


if __name__ == "__main__":
    settings = CasesSettings()
    serve_worker(settings, plan(settings))
