"""SQLAlchemy models of the exchange, plus the outbox and inbox tables.

Each group of tables lives in its own module; this module gathers them so ``Base.metadata`` is complete for
Alembic and the drift test.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Date, Integer, String, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from exchange.store.base import INBOX, OUTBOX, Base
from exchange.store.basis_models import CaseBasisRow, CaseOrg, CaseParty, Duty, SubjectBinding
from exchange.store.calendar_models import CalendarDay, CalendarYear
from exchange.store.certificate_models import (
    Certificate,
    CertificateChange,
    CertificateTypeAlias,
    CertificateTypeRow,
)
from exchange.store.city_models import CityInbound, CityOutbound, InboundNonce
from exchange.store.dependency_models import CatalogMatter, MatterDependency
from exchange.store.endpoint_host_models import MemberEndpointHost
from exchange.store.pubsub_models import Delivery, Subscription
from exchange.store.sharing_models import (
    AccessEntry,
    ChainCheckpoint,
    ChainHead,
    ChainLink,
    Member,
    Record,
    ShareRequest,
)
from exchange.store.system_models import MemberSystem

__all__ = [
    "INBOX",
    "OUTBOX",
    "AccessEntry",
    "Base",
    "CalendarDay",
    "CalendarYear",
    "CaseBasisRow",
    "CaseOrg",
    "CaseParty",
    "CatalogMatter",
    "Certificate",
    "CertificateChange",
    "CertificateTypeAlias",
    "CertificateTypeRow",
    "ChainCheckpoint",
    "ChainHead",
    "ChainLink",
    "CityInbound",
    "CityOutbound",
    "Delivery",
    "Duty",
    "InboundNonce",
    "MatterDependency",
    "Member",
    "MemberEndpointHost",
    "MemberSystem",
    "Record",
    "Resource",
    "ShareRequest",
    "SubjectBinding",
    "Subscription",
]


class Resource(Base):
    """A data resource of the sharing catalog (政务信息资源目录).

    ``items`` lists the data items as ``{"key", "name", "type"}``: ``key`` is what requests and records use,
    ``name`` the Chinese label. Proxied (接口) resources name the provider system's ``endpoint_url``.
    """

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
    subject_kind: Mapped[str] = mapped_column(String(12), server_default="person")
    legal_basis: Mapped[str | None] = mapped_column(Text)
    endpoint_url: Mapped[str | None] = mapped_column(String(500))
    timeout_ms: Mapped[int] = mapped_column(Integer, server_default="3000")

    @property
    def item_keys(self) -> tuple[str, ...]:
        return tuple(str(item.get("key") or item["name"]) for item in self.items)
