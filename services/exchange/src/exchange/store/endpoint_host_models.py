"""The hosts each member's provider endpoints may point at (接口主机白名单), kept by the hub's operators."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, func
from sqlalchemy.orm import Mapped, mapped_column

from exchange.store.base import Base

__all__ = ["MemberEndpointHost"]


class MemberEndpointHost(Base):
    """One host (``host`` or ``host:port``, canonical: ``exchange.domain.outbound.EndpointHost``) that the
    member's proxied resources may name as their endpoint."""

    __tablename__ = "member_endpoint_hosts"

    member_code: Mapped[str] = mapped_column(ForeignKey("members.code", ondelete="CASCADE"), primary_key=True)
    host: Mapped[str] = mapped_column(String(300), primary_key=True)
    added_by: Mapped[str] = mapped_column(String(100))
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
