"""Queries of the chain's signed checkpoints (``access_checkpoints``): the last one, new ones, and the receipts the
outside witness answers for them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from exchange.store.models import ChainCheckpoint

__all__ = ["CheckpointRepository"]

# One worker at a time signs (several replicas of the worker may run): a transaction-scoped advisory lock.
_SIGNING_LOCK = 0x7462_636B_7074  # "tbckpt"


class CheckpointRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def lock_signing(self) -> bool:
        """Take the signing lock for this transaction; False when another worker holds it."""
        taken = await self._session.scalar(
            text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": _SIGNING_LOCK}
        )
        return bool(taken)

    async def last(self) -> ChainCheckpoint | None:
        return await self._session.scalar(select(ChainCheckpoint).order_by(ChainCheckpoint.n.desc()).limit(1))

    def add(self, checkpoint: ChainCheckpoint) -> None:
        self._session.add(checkpoint)

    async def all(self) -> Sequence[ChainCheckpoint]:
        """Every checkpoint, oldest first (the verifier reads them before the chain's head)."""
        return (await self._session.scalars(select(ChainCheckpoint).order_by(ChainCheckpoint.n))).all()

    async def page(self, *, after: int, limit: int) -> Sequence[ChainCheckpoint]:
        query = (
            select(ChainCheckpoint).where(ChainCheckpoint.n > after).order_by(ChainCheckpoint.n).limit(limit)
        )
        return (await self._session.scalars(query)).all()

    async def claim_unwitnessed(self, now: datetime, limit: int) -> Sequence[ChainCheckpoint]:
        """Checkpoints without a receipt whose next attempt is due, oldest first, locked for this transaction."""
        query = (
            select(ChainCheckpoint)
            .where(ChainCheckpoint.receipt.is_(None), ChainCheckpoint.next_attempt_at <= now)
            .order_by(ChainCheckpoint.n)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return (await self._session.scalars(query)).all()

    async def unwitnessed(self) -> int:
        query = select(func.count()).select_from(ChainCheckpoint).where(ChainCheckpoint.receipt.is_(None))
        return int(await self._session.scalar(query) or 0)
