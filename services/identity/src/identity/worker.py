"""The identity worker: outbox relay."""

from __future__ import annotations

from identity.settings import IdentitySettings
from identity.store.models import INBOX, OUTBOX
from meshkit.worker import WorkerPlan, serve_worker

__all__ = ["PLAN"]

PLAN = WorkerPlan(service="identity", outbox=OUTBOX, inbox=INBOX)

if __name__ == "__main__":
    serve_worker(IdentitySettings(), PLAN)
