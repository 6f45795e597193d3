"""The catalog worker: outbox relay (the catalog consumes no events yet)."""

from __future__ import annotations

from catalog.settings import CatalogSettings
from catalog.store.models import INBOX, OUTBOX
from meshkit.worker import WorkerPlan, serve_worker

__all__ = ["PLAN"]

PLAN = WorkerPlan(service="catalog", outbox=OUTBOX, inbox=INBOX)

if __name__ == "__main__":
    serve_worker(CatalogSettings(), PLAN)
