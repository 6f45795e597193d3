"""What the hub checks a read's basis against (DOMAIN.md §6): its own view of the cases (which organizations
handle each case for whom, fed by ``cases.>`` events and, on a miss, by the cases service), whose identity
record each subject ref is (from identity, on first need), and the registered duties (履职依据) of each member."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Index, Integer, String, Text, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from exchange.store.base import Base

__all__ = ["CaseBasisRow", "CaseOrg", "CaseParty", "Duty", "SubjectBinding"]


class CaseBasisRow(Base):
    """A case as the hub knows it: its number (what readers cite), status and when it concluded. Its organizations
    and parties are kept without a foreign key: events arrive in any order, and a member case's event may name its
    一件事 parent before the parent's own arrives."""

    __tablename__ = "case_bases"

    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_number: Mapped[str] = mapped_column(String(50), unique=True)
    parent_case_id: Mapped[str | None] = mapped_column(String(36))
    handling_org: Mapped[str] = mapped_column(String(40), doc="the department that decides (and issues)")
    matter_code: Mapped[str | None] = mapped_column(String(36), doc="the matter it was filed under")
    status: Mapped[str] = mapped_column(String(30))
    outcome: Mapped[str | None] = mapped_column(String(20), doc="approved | denied | … once concluded")
    concluded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class CaseOrg(Base):
    """An organization handling or receiving a case (a 一件事 parent: with its member departments)."""

    __tablename__ = "case_orgs"

    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    org_code: Mapped[str] = mapped_column(String(40), primary_key=True)


class CaseParty(Base):
    """Whose case it is: the applicant (and later named parties), by identity's id."""

    __tablename__ = "case_parties"

    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    owner_kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    owner_id: Mapped[str] = mapped_column(String(100), primary_key=True)


class SubjectBinding(Base):
    """Which subject ref (keyed hash of the identifier) an identity person or enterprise is."""

    __tablename__ = "subject_bindings"
    __table_args__ = (Index("ix_subject_bindings_ref", "subject_ref"),)

    owner_kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    owner_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    subject_ref: Mapped[str] = mapped_column(String(64))
    bound_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Duty(Base):
    """A registered duty (履职依据) of a member: reads not tied to a case, citing the statute. Operators keep them."""

    __tablename__ = "duties"

    code: Mapped[str] = mapped_column(String(50), primary_key=True)
    member_code: Mapped[str] = mapped_column(String(40), index=True)
    name: Mapped[str] = mapped_column(String(200))
    statute: Mapped[str] = mapped_column(
        Text, doc="the law and article cited, e.g. 《刑事诉讼法》第一百四十四条"
    )
    resources: Mapped[list[str]] = mapped_column(JSONB, doc="resource codes it covers; empty: every resource")
    allows_hiding: Mapped[bool] = mapped_column(Boolean, server_default="false")
    max_hidden_days: Mapped[int] = mapped_column(Integer, server_default="0")
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, server_default="true")
    registered_by: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
