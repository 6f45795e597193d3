"""The cases worker: outbox relay and the consumers of catalog events."""

from __future__ import annotations

from cases.consumers import CONSUMERS
from cases.settings import CasesSettings
from cases.store.models import INBOX, OUTBOX
from meshkit.worker import WorkerPlan, serve_worker

__all__ = ["PLAN"]

PLAN = WorkerPlan(service="cases", outbox=OUTBOX, inbox=INBOX, consumers=CONSUMERS)

if __name__ == "__main__":
    serve_worker(CasesSettings(), PLAN)
