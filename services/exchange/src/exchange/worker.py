"""The exchange worker: outbox relay."""

from __future__ import annotations

from exchange.settings import ExchangeSettings
from exchange.store.models import INBOX, OUTBOX
from meshkit.worker import WorkerPlan, serve_worker

__all__ = ["PLAN"]

PLAN = WorkerPlan(service="exchange", outbox=OUTBOX, inbox=INBOX)

if __name__ == "__main__":
    serve_worker(ExchangeSettings(), PLAN)
