"""Tables of the e-certificate registry (电子证照库)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, DateTime, ForeignKey, Index, LargeBinary, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from exchange.store.base import Base

__all__ = ["Certificate", "CertificateChange", "CertificateTypeAlias", "CertificateTypeRow"]


class Certificate(Base):
    """An issued e-certificate: identifier, type, holder (hashed), issuer, validity and status."""

    __tablename__ = "certificates"
    __table_args__ = (Index("ix_certificates_holder", "holder_ref", "type_code"),)

    identifier: Mapped[str] = mapped_column(String(120), primary_key=True)
    type_code: Mapped[str] = mapped_column(String(21))
    type_name: Mapped[str] = mapped_column(String(100))
    holder_kind: Mapped[str] = mapped_column(String(12))
    holder_ref: Mapped[str] = mapped_column(String(64))
    holder_id: Mapped[str | None] = mapped_column(String(100))
    issuer_code: Mapped[str] = mapped_column(String(40), index=True)
    issuer_credit_code: Mapped[str] = mapped_column(String(18))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(4))
    case_ref: Mapped[str | None] = mapped_column(String(100))
    sealed: Mapped[bytes] = mapped_column(LargeBinary, doc="holder name and certificate content, encrypted")
    version: Mapped[int] = mapped_column(BigInteger, server_default="1")
    issued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class CertificateChange(Base):
    """The status history of a certificate (issue, 暂扣, 撤销, 注销, 失效, 吊销, restore)."""

    __tablename__ = "certificate_changes"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    identifier: Mapped[str] = mapped_column(ForeignKey("certificates.identifier"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(4))
    to_status: Mapped[str] = mapped_column(String(4))
    reason: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(100))
    actor_org: Mapped[str | None] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class CertificateTypeRow(Base):
    """A type of the directory (电子证照类型目录): the national code and its name."""

    __tablename__ = "certificate_types"

    code: Mapped[str] = mapped_column(String(21), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    updated_by: Mapped[str | None] = mapped_column(String(100))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class CertificateTypeAlias(Base):
    """Another name callers may use for a type (e.g. a matter catalog's short code); one type per alias."""

    __tablename__ = "certificate_type_aliases"

    alias: Mapped[str] = mapped_column(String(40), primary_key=True)
    type_code: Mapped[str] = mapped_column(
        ForeignKey("certificate_types.code", ondelete="CASCADE"), index=True
    )
