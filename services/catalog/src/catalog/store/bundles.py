"""Queries of 一件事 bundles."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from catalog.domain.codes import MatterStatus
from catalog.store.models import Bundle, BundleMember

__all__ = ["BundleRepository"]


class BundleRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add(self, bundle: Bundle, member_codes: Sequence[str]) -> None:
        bundle.members = [BundleMember(position=i, matter_code=code) for i, code in enumerate(member_codes)]
        self._session.add(bundle)

    async def set_members(self, bundle: Bundle, member_codes: Sequence[str]) -> None:
        bundle.members.clear()
        await self._session.flush()
        bundle.members.extend(
            BundleMember(position=i, matter_code=code) for i, code in enumerate(member_codes)
        )

    async def get(self, bundle_id: str, *, for_update: bool = False) -> Bundle | None:
        query = select(Bundle).where(Bundle.id == bundle_id).options(selectinload(Bundle.members))
        if for_update:
            query = query.with_for_update(of=Bundle)
        return (await self._session.scalars(query)).first()

    async def next_version(self, code: str) -> int:
        current = await self._session.scalar(select(func.max(Bundle.version)).where(Bundle.code == code))
        return int(current or 0) + 1

    async def latest(self, code: str, *, status: str = MatterStatus.PUBLISHED) -> Bundle | None:
        query = (
            select(Bundle)
            .where(Bundle.code == code, Bundle.status == status)
            .options(selectinload(Bundle.members))
            .order_by(Bundle.version.desc())
            .limit(1)
        )
        return (await self._session.scalars(query)).first()

    async def published_with_member(self, matter_code: str) -> Sequence[Bundle]:
        """Published bundles that list ``matter_code`` among their members."""
        query = (
            select(Bundle)
            .join(BundleMember)
            .where(Bundle.status == MatterStatus.PUBLISHED, BundleMember.matter_code == matter_code)
            .options(selectinload(Bundle.members))
        )
        return (await self._session.scalars(query)).unique().all()

    async def published(self) -> Sequence[Bundle]:
        query = (
            select(Bundle)
            .where(Bundle.status == MatterStatus.PUBLISHED)
            .options(selectinload(Bundle.members))
            .order_by(Bundle.code)
        )
        return (await self._session.scalars(query)).all()

    async def lock_code(self, code: str) -> Sequence[Bundle]:
        """Every version of ``code``, locked: publishes of one bundle run one at a time."""
        query = select(Bundle).where(Bundle.code == code).with_for_update()
        return (await self._session.scalars(query)).all()
