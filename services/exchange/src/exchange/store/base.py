"""The declarative base of the exchange's tables, with the outbox and inbox tables on its metadata."""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase

from meshkit.db import new_metadata
from meshkit.inbox import inbox_table
from meshkit.outbox import outbox_table

__all__ = ["INBOX", "OUTBOX", "Base"]


class Base(DeclarativeBase):
    metadata = new_metadata()


OUTBOX = outbox_table(Base.metadata)
INBOX = inbox_table(Base.metadata)
