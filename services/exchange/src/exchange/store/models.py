"""SQLAlchemy models of the exchange, plus the outbox and inbox tables."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Date, String, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from meshkit.db import new_metadata
from meshkit.inbox import inbox_table
from meshkit.outbox import outbox_table

__all__ = ["INBOX", "OUTBOX", "Base", "Resource"]


class Base(DeclarativeBase):
    metadata = new_metadata()


OUTBOX = outbox_table(Base.metadata)
INBOX = inbox_table(Base.metadata)


class Resource(Base):
    """A data resource of the sharing catalog (政务信息资源目录)."""

    __tablename__ = "resources"

    code: Mapped[str] = mapped_column(String(50), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    provider_code: Mapped[str] = mapped_column(String(40), index=True)
    summary: Mapped[str] = mapped_column(Text)
    items: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    sharing_type: Mapped[str] = mapped_column(String(20))
    sharing_condition: Mapped[str | None] = mapped_column(Text)
    sharing_method: Mapped[str] = mapped_column(String(10))
    update_cycle: Mapped[str] = mapped_column(String(20))
    published_on: Mapped[date] = mapped_column(Date)
