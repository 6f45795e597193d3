"""SQLAlchemy models of the cases service, plus the outbox and inbox tables."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from meshkit.db import new_metadata
from meshkit.inbox import inbox_table
from meshkit.outbox import outbox_table

__all__ = ["INBOX", "OUTBOX", "Base", "OpenMatter"]


class Base(DeclarativeBase):
    metadata = new_metadata()


OUTBOX = outbox_table(Base.metadata)
INBOX = inbox_table(Base.metadata)


class OpenMatter(Base):
    """Local read model of published matters (from ``catalog.matter_published.v1``): what can be applied for."""

    __tablename__ = "open_matters"

    code: Mapped[str] = mapped_column(String(36), primary_key=True)
    matter_id: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    matter_type: Mapped[str] = mapped_column(String(2))
    department_code: Mapped[str] = mapped_column(String(40), index=True)
    statutory_days: Mapped[int] = mapped_column(Integer)
    promised_days: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
