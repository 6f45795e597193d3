"""Tables of publish/subscribe: members' subscriptions to resources and the deliveries owed to them."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from exchange.store.base import Base

__all__ = ["Delivery", "Subscription"]


class Subscription(Base):
    """A member's subscription to changes of one resource, by NATS or by signed webhook."""

    __tablename__ = "subscriptions"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    member_code: Mapped[str] = mapped_column(String(40), index=True)
    resource_code: Mapped[str] = mapped_column(ForeignKey("resources.code"), index=True)
    channel: Mapped[str] = mapped_column(String(10))
    webhook_url: Mapped[str | None] = mapped_column(String(500))
    sealed_secret: Mapped[bytes | None] = mapped_column(LargeBinary)
    active: Mapped[bool] = mapped_column(Boolean, server_default="true")
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Delivery(Base):
    """One change owed to one subscription; retried with backoff until delivered or dead."""

    __tablename__ = "deliveries"
    __table_args__ = (
        Index("ix_deliveries_due", "next_attempt_at", postgresql_where=text("status = 'pending'")),
        Index("ix_deliveries_subscription", "subscription_id", "status"),
        Index("uq_deliveries_subscription_event", "subscription_id", "event_id", unique=True),
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    subscription_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("subscriptions.id"))
    event_id: Mapped[str] = mapped_column(String(36))
    resource_code: Mapped[str] = mapped_column(String(50))
    subject_ref: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(BigInteger)
    operation: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(12), server_default="pending")
    attempts: Mapped[int] = mapped_column(Integer, server_default="0")
    refusals: Mapped[int] = mapped_column(
        Integer,
        server_default="0",
        doc="times the subscriber refused it (dead at the limit); outages do not count",
    )
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
