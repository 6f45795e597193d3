"""Queries of case materials, their uploads, the exchange work queues (materials to resolve, certificates to
issue) and the paper-free statistics."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, case, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import defer

from cases.store.case_models import Case, CaseMaterial, Upload

__all__ = ["CertificateQueue", "MaterialRepository"]


class MaterialRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def of_case(self, case_id: str, codes: Sequence[str] | None = None) -> Sequence[CaseMaterial]:
        query = select(CaseMaterial).where(CaseMaterial.case_id == case_id)
        if codes is not None:
            query = query.where(CaseMaterial.material_code.in_(codes))
        return (await self._session.scalars(query.order_by(CaseMaterial.material_code))).all()

    async def get(self, case_id: str, code: str, *, for_update: bool = False) -> CaseMaterial | None:
        query = select(CaseMaterial).where(
            CaseMaterial.case_id == case_id, CaseMaterial.material_code == code
        )
        if for_update:
            query = query.with_for_update()
        return (await self._session.scalars(query)).first()

    async def produced_by(self, parent_id: str, member_matter: str) -> Sequence[CaseMaterial]:
        """The bundle's materials that a member's result satisfies, still waiting for it."""
        query = (
            select(CaseMaterial)
            .where(
                CaseMaterial.case_id == parent_id,
                CaseMaterial.produced_by == member_matter,
                CaseMaterial.status == "awaiting_member",
            )
            .with_for_update()
        )
        return (await self._session.scalars(query)).all()

    def add_upload(self, upload: Upload) -> None:
        self._session.add(upload)

    async def upload(self, case_id: str, upload_id: str) -> Upload | None:
        query = select(Upload).where(Upload.case_id == case_id, Upload.id == upload_id)
        return (await self._session.scalars(query)).first()

    async def upload_totals(self, case_id: str, material_code: str) -> tuple[int, int]:
        """Bytes uploaded so far for one material of the case, and for the whole case."""
        of_material = case((Upload.material_code == material_code, Upload.size), else_=0)
        query = select(
            func.coalesce(func.sum(of_material), 0), func.coalesce(func.sum(Upload.size), 0)
        ).where(Upload.case_id == case_id)
        material_total, case_total = (await self._session.execute(query)).one()
        return int(material_total), int(case_total)

    async def uploads(self, case_id: str) -> Sequence[Upload]:
        """Upload facts without their content."""
        query = (
            select(Upload)
            .where(Upload.case_id == case_id)
            .options(defer(Upload.content, raiseload=True))
            .order_by(Upload.uploaded_at, Upload.id)
        )
        return (await self._session.scalars(query)).all()

    async def statistics(
        self, *, orgs: Sequence[str] | None, region_prefix: str | None
    ) -> list[tuple[str, str | None, str, int]]:
        """``(status, method, requirement, count)`` over the materials of cases in scope: handled or received
        by ``orgs``, or received within the region."""
        where: list[ColumnElement[bool]] = []
        if orgs is not None:
            where.append(or_(Case.handling_org.in_(orgs), Case.received_by_org.in_(orgs)))
        if region_prefix is not None:
            where.append(Case.region.startswith(region_prefix, autoescape=True))
        query = (
            select(CaseMaterial.status, CaseMaterial.method, CaseMaterial.requirement, func.count())
            .join(Case, Case.id == CaseMaterial.case_id)
            .where(*where)
            .group_by(CaseMaterial.status, CaseMaterial.method, CaseMaterial.requirement)
        )
        return [(row[0], row[1], row[2], int(row[3])) for row in await self._session.execute(query)]


class CertificateQueue:
    """Approved cases whose certificate the worker still has to issue through the exchange."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def claim_due(self, *, now: datetime, lease_until: datetime, limit: int) -> list[str]:
        due = (
            select(Case.id)
            .where(Case.certificate_next_attempt_at <= now, Case.certificate_id.is_(None))
            .order_by(Case.certificate_next_attempt_at)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        result = await self._session.execute(
            update(Case)
            .where(Case.id.in_(due.scalar_subquery()))
            .values(certificate_next_attempt_at=lease_until)
            .returning(Case.id)
            .execution_options(synchronize_session=False)
        )
        return sorted(row[0] for row in result.all())
