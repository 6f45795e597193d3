"""SQLAlchemy models of identity, plus the outbox and inbox tables."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, LargeBinary, String, Text, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from meshkit.db import new_metadata
from meshkit.inbox import inbox_table
from meshkit.outbox import outbox_table

__all__ = ["INBOX", "OUTBOX", "Base", "Client", "Organization", "SigningKey"]


class Base(DeclarativeBase):
    metadata = new_metadata()


OUTBOX = outbox_table(Base.metadata)
INBOX = inbox_table(Base.metadata)


class Organization(Base):
    """A node of the 条块 tree: a department (tiao) or a territorial unit and its service center (kuai)."""

    __tablename__ = "organizations"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20), index=True)
    division_code: Mapped[str] = mapped_column(String(12), index=True)
    credit_code: Mapped[str | None] = mapped_column(String(18))
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("organizations.code"), index=True)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)


class Client(Base):
    """A confidential client: a department system or the city platform."""

    __tablename__ = "clients"

    client_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    secret_hash: Mapped[str] = mapped_column(String(200))
    organization_code: Mapped[str | None] = mapped_column(ForeignKey("organizations.code"))
    scopes: Mapped[str] = mapped_column(Text, doc="allowed scopes, space separated")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class SigningKey(Base):
    """An ES256 key pair; the private half encrypted with the service secret."""

    __tablename__ = "signing_keys"

    kid: Mapped[str] = mapped_column(String(64), primary_key=True)
    private_key: Mapped[bytes] = mapped_column(LargeBinary)
    public_jwk: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    retired_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
