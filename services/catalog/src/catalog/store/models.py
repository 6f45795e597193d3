"""SQLAlchemy models of the catalog, plus the outbox and inbox tables."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, UniqueConstraint, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from meshkit.db import new_metadata
from meshkit.inbox import inbox_table
from meshkit.outbox import outbox_table

__all__ = ["INBOX", "OUTBOX", "Base", "Matter"]


class Base(DeclarativeBase):
    metadata = new_metadata()


OUTBOX = outbox_table(Base.metadata)
INBOX = inbox_table(Base.metadata)


class Matter(Base):
    """One version of a matter implementation (实施清单事项)."""

    __tablename__ = "matters"
    __table_args__ = (UniqueConstraint("code", "version"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    code: Mapped[str] = mapped_column(String(36), index=True)
    version: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    matter_type: Mapped[str] = mapped_column(String(2))
    department_code: Mapped[str] = mapped_column(String(40))
    statutory_days: Mapped[int] = mapped_column(Integer)
    promised_days: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
