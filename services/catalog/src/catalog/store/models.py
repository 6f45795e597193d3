"""SQLAlchemy models of the catalog, plus the outbox and inbox tables."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ARRAY,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, TSVECTOR
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from meshkit.db import new_metadata
from meshkit.inbox import inbox_table
from meshkit.outbox import outbox_table

__all__ = [
    "INBOX",
    "OUTBOX",
    "TEXT_LENGTH",
    "Base",
    "Bundle",
    "BundleMember",
    "DictionaryEntry",
    "HistoryEntry",
    "Material",
    "Matter",
    "SearchEntry",
    "Synonym",
]


class Base(DeclarativeBase):
    metadata = new_metadata()


OUTBOX = outbox_table(Base.metadata)
INBOX = inbox_table(Base.metadata)

_EMPTY_LIST = text("'{}'")
TEXT_LENGTH = 20_000
"""Characters of free text kept in a TEXT column (设定依据, 办事指南, 材料说明…): the bound the API and the import
apply, since the column itself has none."""


def _list(length: int = 20) -> Mapped[list[str]]:
    return mapped_column(ARRAY(String(length)), server_default=_EMPTY_LIST)


class Matter(Base):
    """One version of a matter implementation (实施清单事项). Published and retired versions never change,
    except that a superseded version's ``valid_to`` is closed when its successor takes effect."""

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
    department_name: Mapped[str] = mapped_column(String(100), server_default="")
    department_credit_code: Mapped[str | None] = mapped_column(String(18))
    basic_code: Mapped[str | None] = mapped_column(String(12))
    item_code: Mapped[str | None] = mapped_column(String(50))
    power_source: Mapped[str] = mapped_column(String(2), server_default="1")
    levels: Mapped[list[str]] = _list()
    audiences: Mapped[list[str]] = _list()
    legal_basis: Mapped[str] = mapped_column(Text, server_default="")
    conditions: Mapped[str] = mapped_column(Text, server_default="")
    statutory_unit: Mapped[str] = mapped_column(String(20), server_default="working_day")
    promised_unit: Mapped[str] = mapped_column(String(20), server_default="working_day")
    case_kind: Mapped[str] = mapped_column(String(2), server_default="2")
    visits: Mapped[int] = mapped_column(Integer, server_default="0")
    visit_reason: Mapped[str] = mapped_column(Text, server_default="")
    fee: Mapped[bool] = mapped_column(Boolean, server_default="false")
    fee_basis: Mapped[str] = mapped_column(Text, server_default="")
    online_depths: Mapped[list[str]] = _list()
    full_online: Mapped[bool] = mapped_column(Boolean, server_default="false")
    channels: Mapped[list[str]] = _list()
    result_type: Mapped[str] = mapped_column(String(20), server_default="other")
    result_name: Mapped[str] = mapped_column(String(200), server_default="")
    result_certificate_type: Mapped[str | None] = mapped_column(String(40))
    min_real_name_level: Mapped[int] = mapped_column(Integer, server_default="1")
    cross_area: Mapped[str] = mapped_column(String(20), server_default="none")
    special_procedures: Mapped[list[str]] = _list()
    consult_phone: Mapped[str] = mapped_column(String(40), server_default="")
    complaint_phone: Mapped[str] = mapped_column(String(40), server_default="")
    keywords: Mapped[list[str]] = _list(50)
    guide: Mapped[str] = mapped_column(Text, server_default="")
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    retired_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    materials: Mapped[list[Material]] = relationship(
        lazy="raise", order_by="Material.position", cascade="all, delete-orphan"
    )


class Material(Base):
    """A material (办理材料) of one matter version, with its paper-free ways (免提交)."""

    __tablename__ = "materials"
    __table_args__ = (UniqueConstraint("matter_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    matter_id: Mapped[str] = mapped_column(ForeignKey("matters.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    requirement: Mapped[str] = mapped_column(String(20))
    form: Mapped[str] = mapped_column(String(20))
    paper_copies: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(20))
    certificate_type: Mapped[str | None] = mapped_column(String(40))
    resource_code: Mapped[str | None] = mapped_column(String(50), index=True)
    data_items: Mapped[list[str]] = _list(100)
    notes: Mapped[str] = mapped_column(Text, server_default="")
    belongs_to: Mapped[str] = mapped_column(
        String(20), server_default="subject", doc="whose material: subject (办理对象) | applicant (申请人)"
    )


class HistoryEntry(Base):
    """The full history of a matter or bundle: every version's creation, edits and status changes."""

    __tablename__ = "history"
    __table_args__ = (Index("ix_history_subject", "kind", "code", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(10))  # matter | bundle
    code: Mapped[str] = mapped_column(String(36))
    record_id: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(100))
    note: Mapped[str] = mapped_column(Text, server_default="")
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Bundle(Base):
    """One version of a 一件事 bundle: members handled as one application under a lead department."""

    __tablename__ = "bundles"
    __table_args__ = (UniqueConstraint("code", "version"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    code: Mapped[str] = mapped_column(String(36), index=True)
    version: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    lead_department_code: Mapped[str] = mapped_column(String(40))
    lead_department_name: Mapped[str] = mapped_column(String(100), server_default="")
    description: Mapped[str] = mapped_column(Text, server_default="")
    keywords: Mapped[list[str]] = _list(50)
    status: Mapped[str] = mapped_column(String(16), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    retired_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    substitutes: Mapped[list[dict[str, str]]] = mapped_column(
        JSONB,
        server_default=text("'[]'::jsonb"),
        doc="stand-ins: {member_code, material, satisfied_by, reason} — a member's material satisfied by a "
        "certificate another member issues or by another material of the bundle",
    )

    members: Mapped[list[BundleMember]] = relationship(
        lazy="raise", order_by="BundleMember.position", cascade="all, delete-orphan"
    )


class BundleMember(Base):
    __tablename__ = "bundle_members"

    bundle_id: Mapped[str] = mapped_column(ForeignKey("bundles.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    matter_code: Mapped[str] = mapped_column(String(36))


class SearchEntry(Base):
    """What search sees: the latest published version of each matter and bundle, with its facet values
    and its lexemes (a tsvector built by :mod:`catalog.domain.analysis`, GIN-indexed)."""

    __tablename__ = "search_entries"
    # The GIN indexes keep no pending list (fastupdate): entries change a few times a day and are searched all
    # the time, and every search would otherwise scan the whole unsorted pending list until the next vacuum.
    __table_args__ = (
        Index(
            "ix_search_entries_document",
            "document",
            postgresql_using="gin",
            postgresql_with={"fastupdate": "off"},
        ),
        Index(
            "ix_search_entries_headline",
            "headline",
            postgresql_using="gin",  # ranks only these matches
            postgresql_with={"fastupdate": "off"},
        ),
        Index("ix_search_entries_department", "department_code", "department_name"),  # filter, facet label
    )

    kind: Mapped[str] = mapped_column(String(10), primary_key=True)  # matter | bundle
    code: Mapped[str] = mapped_column(String(36), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    department_code: Mapped[str] = mapped_column(String(40))
    department_name: Mapped[str] = mapped_column(String(100))
    matter_type: Mapped[str | None] = mapped_column(String(2))
    levels: Mapped[list[str]] = _list()
    audiences: Mapped[list[str]] = _list()
    online_depths: Mapped[list[str]] = _list()
    zero_visits: Mapped[bool] = mapped_column(Boolean)
    summary: Mapped[str] = mapped_column(Text, server_default="")
    facet_bits: Mapped[int] = mapped_column(BigInteger, server_default="0")
    document: Mapped[Any] = mapped_column(TSVECTOR)
    headline: Mapped[Any] = mapped_column(TSVECTOR)


class Synonym(Base):
    """Editor-managed synonyms: a colloquial term and what it means in the catalog (开饭店 → 食品经营许可)."""

    __tablename__ = "synonyms"

    term: Mapped[str] = mapped_column(String(50), primary_key=True)
    expansions: Mapped[list[str]] = _list(100)
    updated_by: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class DictionaryEntry(Base):
    """One code of a code list (字典) with its Chinese label."""

    __tablename__ = "dictionary_entries"

    dictionary: Mapped[str] = mapped_column(String(40), primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    label: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer, server_default="0")
    active: Mapped[bool] = mapped_column(Boolean, server_default="true")
