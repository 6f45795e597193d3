"""The systems (接入系统) that read through the hub, by name: what "who read my data" shows a person."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, func
from sqlalchemy.orm import Mapped, mapped_column

from exchange.store.base import Base

__all__ = ["MemberSystem"]


class MemberSystem(Base):
    """One OAuth client of a member (identity's ``clients``: its ``client_id`` and ``name``), entered by the hub's
    operators like the member itself, so the access log names the reading system without asking identity per
    read (docs/exchange.md, "Who read my data, by name")."""

    __tablename__ = "member_systems"

    client_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    member_code: Mapped[str] = mapped_column(ForeignKey("members.code", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    updated_by: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
