"""Tables of the city-platform link: the outbound queue of national records and the inbound (回流) store."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, DateTime, Index, Integer, LargeBinary, String, Text, func, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from exchange.store.base import Base

__all__ = ["CityInbound", "CityOutbound", "InboundNonce"]


class CityOutbound(Base):
    """One national case-exchange record owed to the city platform, delivered in order per case."""

    __tablename__ = "city_outbound"
    __table_args__ = (
        Index("ix_city_outbound_case", "case_id", "status", "event_sequence", "id"),
        Index("ix_city_outbound_due", "next_attempt_at", postgresql_where=text("status = 'pending'")),
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    record_id: Mapped[str] = mapped_column(String(36), unique=True)
    case_id: Mapped[str] = mapped_column(String(64))
    case_number: Mapped[str] = mapped_column(String(50))
    event_id: Mapped[str] = mapped_column(String(36))
    event_type: Mapped[str] = mapped_column(String(100))
    event_sequence: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(20))
    operation: Mapped[str] = mapped_column(String(1))
    batch: Mapped[str] = mapped_column(String(64))
    content: Mapped[dict[str, Any]] = mapped_column(JSONB)
    status: Mapped[str] = mapped_column(String(12), server_default="pending")
    attempts: Mapped[int] = mapped_column(Integer, server_default="0")
    refusals: Mapped[int] = mapped_column(
        Integer, server_default="0", doc="times the platform refused this record itself (dead at the limit)"
    )
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    synced_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class CityInbound(Base):
    """What the city platform pushed down (回流): matters and cases, verified, stored sealed."""

    __tablename__ = "city_inbound"
    __table_args__ = (Index("ix_city_inbound_item", "kind", "external_id"),)

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(10))
    external_id: Mapped[str] = mapped_column(String(100))
    batch: Mapped[str] = mapped_column(String(64))
    nonce: Mapped[str] = mapped_column(String(64))
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class InboundNonce(Base):
    """Nonces of accepted signed pushes, so a captured push cannot be replayed."""

    __tablename__ = "city_inbound_nonces"

    nonce: Mapped[str] = mapped_column(String(64), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
