"""Queries of the access log (访问日志): the data subject's view, and chunks for the chain verifier (entries are
appended on the read path: ``store.driver.append_many``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import exists, func, or_, select
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from exchange.store.models import AccessEntry, ChainHead, ChainLink

__all__ = ["AccessLogRepository"]

_ENTRY_COLUMNS = [c for c in AccessEntry.__table__.columns if c.key != "canonical"]


class AccessLogRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def hidden(self, *, now: datetime, limit: int, offset: int) -> Sequence[AccessEntry]:
        """Entries still hidden from their subject at ``now``, newest first (auditors see them all)."""
        query = (
            select(AccessEntry)
            .where(AccessEntry.hidden_until > now)
            .order_by(AccessEntry.at.desc(), AccessEntry.id.desc())
            .limit(limit)
            .offset(offset)
        )
        return (await self._session.scalars(query)).all()

    async def for_subject(
        self, subject_ref: str, *, now: datetime, limit: int, offset: int
    ) -> Sequence[AccessEntry]:
        """Reads of one data subject's data, newest first, without entries still hidden at ``now``."""
        query = (
            select(AccessEntry)
            .where(
                AccessEntry.subject_ref == subject_ref,
                or_(AccessEntry.hidden_until.is_(None), AccessEntry.hidden_until <= now),
            )
            .order_by(AccessEntry.at.desc(), AccessEntry.id.desc())
            .limit(limit)
            .offset(offset)
        )
        return (await self._session.scalars(query)).all()

    async def chunk(self, after_seq: int, until_seq: int, limit: int) -> Sequence[RowMapping]:
        """Links in chain order with their entries' fields (``id`` is None where the entry is gone)."""
        query = (
            select(ChainLink.seq, ChainLink.entry_id, ChainLink.prev_hash, ChainLink.hash, *_ENTRY_COLUMNS)
            .outerjoin(AccessEntry, AccessEntry.id == ChainLink.entry_id)
            .where(ChainLink.seq > after_seq, ChainLink.seq <= until_seq)
            .order_by(ChainLink.seq)
            .limit(limit)
        )
        return (await self._session.execute(query)).mappings().all()

    async def unchained(self) -> Sequence[RowMapping]:
        """A committed entry without a link (only possible if the chain trigger was bypassed)."""
        linked = exists().where(ChainLink.entry_id == AccessEntry.id)
        query = select(*_ENTRY_COLUMNS).where(~linked).limit(1)
        return (await self._session.execute(query)).mappings().all()

    async def head(self) -> ChainHead:
        head = await self._session.get(ChainHead, 1)
        if head is None:
            raise LookupError("access_chain_head has no row: run the migrations")
        return head

    async def count(self) -> int:
        return int(await self._session.scalar(select(func.count()).select_from(AccessEntry)) or 0)
