"""The cases unit of work: repositories and the outbox on one session, and the one-statement case filing."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from cases.store.case_repositories import CalendarRepository, CaseRepository
from cases.store.filing import CaseFiling
from cases.store.material_repositories import CertificateQueue, MaterialRepository
from cases.store.models import OUTBOX
from cases.store.repositories import OpenBundleRepository, OpenMatterRepository
from meshkit.db import Database, UnitOfWork

__all__ = ["CasesUnitOfWork"]


class CasesUnitOfWork(UnitOfWork):
    outbox = OUTBOX
    open_matters: OpenMatterRepository
    open_bundles: OpenBundleRepository
    cases: CaseRepository
    calendar: CalendarRepository
    materials: MaterialRepository
    certificate_queue: CertificateQueue

    def __init__(self, database: Database) -> None:
        super().__init__(database)
        # Its own statement and transaction (not the session's): a single-matter application in one round trip.
        self.filing = CaseFiling(database)

    def attach(self, session: AsyncSession) -> None:
        self.open_matters = OpenMatterRepository(session)
        self.open_bundles = OpenBundleRepository(session)
        self.cases = CaseRepository(session)
        self.calendar = CalendarRepository(session)
        self.materials = MaterialRepository(session)
        self.certificate_queue = CertificateQueue(session)
