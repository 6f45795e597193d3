"""Queries of the e-certificate registry."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from exchange.store.models import Certificate, CertificateChange

__all__ = ["CertificateRepository"]


class CertificateRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add(self, certificate: Certificate) -> None:
        self._session.add(certificate)

    def add_change(self, change: CertificateChange) -> None:
        self._session.add(change)

    async def get(self, identifier: str, *, for_update: bool = False) -> Certificate | None:
        query = select(Certificate).where(Certificate.identifier == identifier)
        if for_update:
            query = query.with_for_update()
        return (await self._session.scalars(query)).first()

    async def issued_for_case(self, issuer_code: str, type_code: str, case_ref: str) -> Certificate | None:
        query = select(Certificate).where(Certificate.issuer_code == issuer_code, Certificate.type_code == type_code,
                                          Certificate.case_ref == case_ref)  # fmt: skip
        return (await self._session.scalars(query.order_by(Certificate.issued_at))).first()

    async def history(self, identifier: str) -> Sequence[CertificateChange]:
        query = (
            select(CertificateChange)
            .where(CertificateChange.identifier == identifier)
            .order_by(CertificateChange.id)
        )
        return (await self._session.scalars(query)).all()
