"""Tables of data sharing: members, share requests, hosted records, the access log, its chain head and the chain's
signed checkpoints."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Text,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from exchange.store.base import Base

__all__ = ["AccessEntry", "ChainCheckpoint", "ChainHead", "ChainLink", "Member", "Record", "ShareRequest"]


class Member(Base):
    """An organization taking part in the exchange (提供部门 / 使用部门); codes are identity's."""

    __tablename__ = "members"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    credit_code: Mapped[str | None] = mapped_column(String(18))
    active: Mapped[bool] = mapped_column(Boolean, server_default="true")
    joined_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class ShareRequest(Base):
    """A request to read a conditional resource (共享申请); when granted, a grant (授权)."""

    __tablename__ = "share_requests"
    __table_args__ = (Index("ix_share_requests_lookup", "resource_code", "requester_code", "status"),)

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    resource_code: Mapped[str] = mapped_column(ForeignKey("resources.code"))
    requester_code: Mapped[str] = mapped_column(String(40))
    requested_by: Mapped[str] = mapped_column(String(100))
    purpose: Mapped[str] = mapped_column(Text)
    legal_basis: Mapped[str] = mapped_column(Text)
    items: Mapped[list[str]] = mapped_column(JSONB)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), index=True)
    requested_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    answered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    answered_by: Mapped[str | None] = mapped_column(String(100))
    answer: Mapped[str | None] = mapped_column(Text, doc="the refusal's reason, or a note with the grant")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Record(Base):
    """A hosted record (库表): one subject's data in one resource, sealed, with the provider's version."""

    __tablename__ = "records"

    resource_code: Mapped[str] = mapped_column(ForeignKey("resources.code"), primary_key=True)
    subject_ref: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    deleted: Mapped[bool] = mapped_column(Boolean, server_default="false")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class AccessEntry(Base):
    """One read decision (访问日志), append-only: never updated or deleted (a trigger refuses both).

    ``canonical`` is the exact text hashed into the chain at commit (by the ``access_log_chain`` trigger, which
    appends the entry's :class:`ChainLink`); the verifier recomputes it from the fields and does not trust it.
    """

    __tablename__ = "access_log"
    __table_args__ = (
        Index("ix_access_log_owner", "owner_id", "at"),
        Index("ix_access_log_subject", "subject_ref", "at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    request_id: Mapped[str | None] = mapped_column(String(100))
    client_id: Mapped[str] = mapped_column(String(100))
    caller: Mapped[str] = mapped_column(String(100))
    caller_kind: Mapped[str] = mapped_column(String(20))
    org_code: Mapped[str | None] = mapped_column(String(40))
    roles: Mapped[list[str]] = mapped_column(JSONB)
    resource_code: Mapped[str] = mapped_column(String(50))
    items: Mapped[list[str]] = mapped_column(JSONB)
    purpose: Mapped[str | None] = mapped_column(Text)
    case_ref: Mapped[str | None] = mapped_column(String(100))
    legal_basis: Mapped[str | None] = mapped_column(Text)
    subject_ref: Mapped[str] = mapped_column(String(64))
    owner_id: Mapped[str | None] = mapped_column(String(100))
    outcome: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(String(40))
    hidden_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    canonical: Mapped[str] = mapped_column(Text)


class ChainLink(Base):
    """The entry's place in the hash chain: ``hash = SHA-256(prev_hash ‖ canonical JSON of the entry)``."""

    __tablename__ = "access_chain"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    entry_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class ChainHead(Base):
    """The single row that serializes appends to the access log's hash chain. It moves only forward, onto the
    link appended after it (a guard trigger refuses anything else, and a DELETE or TRUNCATE)."""

    __tablename__ = "access_chain_head"

    id: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))


class ChainCheckpoint(Base):
    """A signed checkpoint of the chain (``exchange.domain.checkpoints``): at ``signed_at`` the chain had ``seq``
    links ending in ``hash``. Signed with a key the database does not hold; ``receipt`` is the outside witness's
    time-stamp token, delivered with retries (``attempts``, ``next_attempt_at``, ``last_error``). A guard trigger
    refuses changes of the signed fields, a second receipt, and any DELETE or TRUNCATE."""

    __tablename__ = "access_checkpoints"
    __table_args__ = (
        Index(
            "ix_access_checkpoints_unwitnessed", "next_attempt_at", postgresql_where=text("receipt IS NULL")
        ),
    )

    n: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))
    signed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    key_id: Mapped[str] = mapped_column(String(16))
    signature: Mapped[str] = mapped_column(String(100))
    receipt: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    witnessed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    attempts: Mapped[int] = mapped_column(Integer, server_default="0")
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    last_error: Mapped[str | None] = mapped_column(Text)
