"""Queries of the e-certificate registry."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from exchange.domain.certificate_types import CertificateType, Directory
from exchange.store.driver import ReadStatements, driver
from exchange.store.models import Certificate, CertificateChange, CertificateTypeAlias, CertificateTypeRow

__all__ = ["CertificateRepository", "CertificateTypeRepository"]

_DIRECTORY_LOCK = 0x7A5C_0001  # pg advisory lock key of directory changes


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
        query = select(Certificate).where(
            Certificate.issuer_code == issuer_code,
            Certificate.type_code == type_code,
            Certificate.case_ref == case_ref,
        )
        return (await self._session.scalars(query.order_by(Certificate.issued_at))).first()

    async def history(self, identifier: str) -> Sequence[CertificateChange]:
        query = (
            select(CertificateChange)
            .where(CertificateChange.identifier == identifier)
            .order_by(CertificateChange.id)
        )
        return (await self._session.scalars(query)).all()


class CertificateTypeRepository:
    """The type directory (电子证照类型目录)."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def lock(self) -> None:
        """Changes to the directory go one at a time (until the transaction ends): an alias names one type."""
        await self._session.execute(select(func.pg_advisory_xact_lock(_DIRECTORY_LOCK)))

    async def directory(self) -> Directory:
        """Every type with its aliases (the read path's statement, in this session's transaction)."""
        return await ReadStatements(await driver(self._session)).certificate_types()

    async def put(self, certificate_type: CertificateType, *, by: str) -> None:
        """Enter or replace a type and its aliases."""
        values = {"code": certificate_type.code, "name": certificate_type.name, "updated_by": by}
        await self._session.execute(
            insert(CertificateTypeRow)
            .values(values)
            .on_conflict_do_update(
                index_elements=[CertificateTypeRow.code],
                set_={"name": certificate_type.name, "updated_by": by, "updated_at": func.now()},
            )
        )
        await self._session.execute(
            delete(CertificateTypeAlias).where(CertificateTypeAlias.type_code == certificate_type.code)
        )
        if certificate_type.aliases:
            await self._session.execute(
                insert(CertificateTypeAlias).values(
                    [
                        {"alias": alias, "type_code": certificate_type.code}
                        for alias in certificate_type.aliases
                    ]
                )
            )
