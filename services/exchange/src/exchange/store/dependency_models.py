"""What the exchange knows of the catalog: which data resources and e-certificate types each matter's
materials depend on (from ``catalog.matter_published.v1`` / ``catalog.matter_retired.v1``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, DateTime, Integer, String, func, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from exchange.store.base import Base

__all__ = ["CatalogMatter", "MatterDependency"]


class CatalogMatter(Base):
    """The newest version of a matter the exchange has heard of; ``open`` is false once retired (the row stays
    as a tombstone, so a late copy of an older event changes nothing)."""

    __tablename__ = "catalog_matters"

    code: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200), server_default="")
    department_code: Mapped[str] = mapped_column(String(40), server_default="")
    result_certificate_type: Mapped[str | None] = mapped_column(String(40), doc="the certificate it issues")
    open: Mapped[bool] = mapped_column(Boolean)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class MatterDependency(Base):
    """One material of an open matter that can be satisfied by a shared resource and/or an e-certificate."""

    __tablename__ = "matter_dependencies"

    matter_code: Mapped[str] = mapped_column(String(36), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    matter_version: Mapped[int] = mapped_column(Integer)
    material_name: Mapped[str] = mapped_column(String(200))
    resource_code: Mapped[str | None] = mapped_column(String(50), index=True)
    certificate_type: Mapped[str | None] = mapped_column(String(40), index=True)
    data_items: Mapped[list[Any]] = mapped_column(JSONB, server_default=text("'[]'::jsonb"))
