"""Queries of the city-platform link: the outbound queue (in order per case) and the inbound store."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import String, and_, cast, exists, func, select, tuple_, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from exchange.domain.city import Outbound
from exchange.store.models import CityInbound, CityOutbound, InboundNonce

__all__ = ["CityInboundRepository", "CityOutboundRepository"]


# What a delivery reads of a queued record, in the order of :class:`exchange.domain.city.Outbound`; the content
# comes as the stored JSON text and goes into the request body as it is (no decode and re-encode).
_OUTBOUND_COLUMNS = (
    CityOutbound.id,
    CityOutbound.record_id,
    CityOutbound.case_id,
    CityOutbound.case_number,
    CityOutbound.event_sequence,
    CityOutbound.kind,
    CityOutbound.operation,
    CityOutbound.batch,
    CityOutbound.status,
    CityOutbound.attempts,
    CityOutbound.refusals,
    CityOutbound.next_attempt_at,
    cast(CityOutbound.content, String).label("content"),
)


class CityOutboundRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, rows: Sequence[dict[str, Any]]) -> None:
        if rows:  # one cached statement, executemany (a multi-VALUES insert would be compiled every time)
            await self._session.execute(insert(CityOutbound), list(rows))

    async def special_open(self, case_id: str) -> bool:
        """Whether the case's latest special-procedure record opened one (and none closed it since)."""
        query = (
            select(CityOutbound.content["phase"].astext)
            .where(CityOutbound.case_id == case_id, CityOutbound.kind == "special_procedure")
            .order_by(CityOutbound.id.desc())
            .limit(1)
        )
        return await self._session.scalar(query) == "start"

    async def claim_heads(self, now: datetime, limit: int) -> list[int]:
        """Lock due records that are first in line for their case (nothing earlier of the case pending or dead);
        another worker skips them, and the rest of their case waits behind them, so a case goes one way only."""
        earlier = aliased(CityOutbound)
        blocked = exists().where(
            earlier.case_id == CityOutbound.case_id,
            earlier.status.in_(("pending", "dead")),
            tuple_(earlier.event_sequence, earlier.id) < tuple_(CityOutbound.event_sequence, CityOutbound.id),
        )
        query = (
            select(CityOutbound.id)
            .where(CityOutbound.status == "pending", CityOutbound.next_attempt_at <= now, ~blocked)
            .order_by(CityOutbound.id)
            .limit(limit)
            .with_for_update(skip_locked=True, of=CityOutbound)
        )
        return list((await self._session.scalars(query)).all())

    async def runs(self, head_ids: Sequence[int], per_case: int) -> dict[int, list[Outbound]]:
        """For each claimed head: its case's undelivered records in order (the head first), at most ``per_case``."""
        if not head_ids:
            return {}
        heads = select(CityOutbound.case_id).where(CityOutbound.id.in_(list(head_ids))).scalar_subquery()
        ranked = (
            select(
                *_OUTBOUND_COLUMNS,
                func.row_number()
                .over(
                    partition_by=CityOutbound.case_id, order_by=(CityOutbound.event_sequence, CityOutbound.id)
                )
                .label("rank"),
            )
            .where(CityOutbound.case_id.in_(heads), CityOutbound.status.in_(("pending", "dead")))
            .subquery()
        )
        query = select(ranked).where(ranked.c.rank <= per_case).order_by(ranked.c.case_id, ranked.c.rank)
        by_case: dict[str, list[Outbound]] = {}
        for row in (await self._session.execute(query)).all():
            by_case.setdefault(row.case_id, []).append(Outbound(*row[:-1]))
        wanted = set(head_ids)
        return {rows[0].id: rows for rows in by_case.values() if rows[0].id in wanted}

    async def mark_delivered(self, ids: Sequence[int], now: datetime) -> None:
        if ids:
            await self._session.execute(
                update(CityOutbound)
                .where(CityOutbound.id.in_(list(ids)))
                .values(
                    status="delivered",
                    attempts=CityOutbound.attempts + 1,
                    delivered_at=now,
                    synced_at=now,
                    last_error=None,
                )
                .execution_options(synchronize_session=False)
            )

    async def mark_failed(self, failures: Sequence[dict[str, Any]]) -> None:
        """Each failure: ``id``, ``attempts``, ``refusals``, ``status``, ``next_attempt_at``, ``last_error`` (one
        statement)."""
        if failures:  # ORM bulk UPDATE by primary key: one executemany
            await self._session.execute(update(CityOutbound), [dict(f) for f in failures])

    async def status(self, now: datetime) -> dict[str, Any]:
        counts = select(
            func.count().filter(CityOutbound.status == "pending"),
            func.count().filter(CityOutbound.status == "dead"),
            func.count().filter(CityOutbound.status == "delivered"),
            func.min(CityOutbound.created_at).filter(CityOutbound.status == "pending"),
            func.max(CityOutbound.delivered_at),
        )
        pending, dead, delivered, oldest, last = (await self._session.execute(counts)).one()
        dead_cases = select(CityOutbound.case_id).where(CityOutbound.status == "dead")
        held = await self._session.scalar(
            select(func.count()).where(CityOutbound.status == "pending", CityOutbound.case_id.in_(dead_cases))
        )
        return {
            "backlog": pending,
            "dead": dead,
            "delivered": delivered,
            "held_behind_dead": int(held or 0),
            "lag_seconds": max((now - oldest).total_seconds(), 0.0) if oldest else 0.0,
            "oldest_pending_at": oldest,
            "last_delivered_at": last,
        }

    async def dead(self, limit: int) -> Sequence[CityOutbound]:
        query = (
            select(CityOutbound).where(CityOutbound.status == "dead").order_by(CityOutbound.id).limit(limit)
        )
        return (await self._session.scalars(query)).all()

    async def of_case(self, case_id: str) -> Sequence[CityOutbound]:
        query = select(CityOutbound).where(CityOutbound.case_id == case_id).order_by(CityOutbound.id)
        return (await self._session.scalars(query)).all()

    async def requeue_dead(self, ids: Sequence[int] | None, now: datetime) -> int:
        condition = CityOutbound.status == "dead"
        if ids is not None:
            condition = and_(condition, CityOutbound.id.in_(list(ids)))
        statement = (
            update(CityOutbound)
            .where(condition)
            .values(status="pending", attempts=0, refusals=0, next_attempt_at=now)
        )
        result = await self._session.execute(statement)
        return int(result.rowcount or 0)  # type: ignore[attr-defined]


class CityInboundRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def first_use(self, nonce: str) -> bool:
        """Record a push's nonce; False when it was seen before (a replay)."""
        statement = (
            insert(InboundNonce).values(nonce=nonce).on_conflict_do_nothing().returning(InboundNonce.nonce)
        )
        return (await self._session.execute(statement)).first() is not None

    def add(self, row: CityInbound) -> None:
        self._session.add(row)

    async def latest(self, kind: str, limit: int) -> Sequence[CityInbound]:
        query = (
            select(CityInbound).where(CityInbound.kind == kind).order_by(CityInbound.id.desc()).limit(limit)
        )
        return (await self._session.scalars(query)).all()
