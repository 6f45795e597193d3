"""The cases unit of work: repositories and the outbox on one session."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from cases.store.case_repositories import CalendarRepository, CaseRepository
from cases.store.material_repositories import CertificateQueue, MaterialRepository
from cases.store.models import OUTBOX
from cases.store.repositories import OpenBundleRepository, OpenMatterRepository
from meshkit.db import UnitOfWork

__all__ = ["CasesUnitOfWork"]


class CasesUnitOfWork(UnitOfWork):
    outbox = OUTBOX
    open_matters: OpenMatterRepository
    open_bundles: OpenBundleRepository
    cases: CaseRepository
    calendar: CalendarRepository
    materials: MaterialRepository
    certificate_queue: CertificateQueue

    def attach(self, session: AsyncSession) -> None:
        self.open_matters = OpenMatterRepository(session)
        self.open_bundles = OpenBundleRepository(session)
        self.cases = CaseRepository(session)
        self.calendar = CalendarRepository(session)
        self.materials = MaterialRepository(session)
        self.certificate_queue = CertificateQueue(session)
