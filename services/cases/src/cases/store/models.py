"""SQLAlchemy models of the cases service, plus the outbox and inbox tables."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, String, Text, func, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from meshkit.db import new_metadata
from meshkit.inbox import inbox_table
from meshkit.outbox import outbox_table

__all__ = ["INBOX", "OUTBOX", "Base", "OpenBundle", "OpenMatter"]


class Base(DeclarativeBase):
    metadata = new_metadata()


OUTBOX = outbox_table(Base.metadata)
INBOX = inbox_table(Base.metadata)


_EMPTY = text("'[]'::jsonb")


def _json_list() -> Mapped[list[Any]]:
    return mapped_column(JSONB, server_default=_EMPTY)


class OpenMatter(Base):
    """Local read model of published matters (from ``catalog.matter_published.v1``): what can be applied for,
    with what the case needs: department, levels, time limits with units, case kind, and each material with
    its paper-free ways (``{"name", "requirement", "certificate_type", "resource_code", "data_items", …}``).
    A retired matter (``catalog.matter_retired.v1``) leaves the table."""

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
    department_name: Mapped[str] = mapped_column(String(100), server_default="")
    levels: Mapped[list[str]] = _json_list()
    audiences: Mapped[list[str]] = _json_list()
    statutory_unit: Mapped[str] = mapped_column(String(20), server_default="working_day")
    promised_unit: Mapped[str] = mapped_column(String(20), server_default="working_day")
    case_kind: Mapped[str | None] = mapped_column(String(2))
    visits: Mapped[int | None] = mapped_column(Integer)
    online_depths: Mapped[list[str]] = _json_list()
    full_online: Mapped[bool] = mapped_column(Boolean, server_default="false")
    min_real_name_level: Mapped[int] = mapped_column(Integer, server_default="1")
    result_certificate_type: Mapped[str | None] = mapped_column(String(40))
    special_procedures: Mapped[list[str]] = _json_list()
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    materials: Mapped[list[dict[str, Any]]] = _json_list()
    legal_basis: Mapped[str] = mapped_column(Text, server_default="", doc="设定依据 ('' when not carried)")


class OpenBundle(Base):
    """Local read model of published 一件事 bundles (``catalog.bundle_published.v1``): members with their
    departments, the lead department, the merged materials (``asked_by``; ``produced_by`` = not asked) and the
    combined time limit. A retired bundle (``catalog.bundle_retired.v1``) leaves the table."""

    __tablename__ = "open_bundles"

    code: Mapped[str] = mapped_column(String(36), primary_key=True)
    bundle_id: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    lead_department_code: Mapped[str] = mapped_column(String(40), index=True)
    lead_department_name: Mapped[str] = mapped_column(String(100), server_default="")
    members: Mapped[list[dict[str, Any]]] = _json_list()
    materials: Mapped[list[dict[str, Any]]] = _json_list()
    statutory_days: Mapped[int] = mapped_column(Integer)
    statutory_unit: Mapped[str] = mapped_column(String(20))
    promised_days: Mapped[int] = mapped_column(Integer)
    promised_unit: Mapped[str] = mapped_column(String(20))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
