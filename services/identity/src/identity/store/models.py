"""SQLAlchemy models of identity, plus the outbox and inbox tables."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from meshkit.db import new_metadata
from meshkit.inbox import inbox_table
from meshkit.outbox import outbox_table

__all__ = [
    "INBOX",
    "OUTBOX",
    "AuthorizationCode",
    "Base",
    "Client",
    "Enterprise",
    "EnterpriseAgent",
    "LoginFailure",
    "LoginSession",
    "Newborn",
    "Organization",
    "PairwiseSubject",
    "Person",
    "PhoneCode",
    "RefreshToken",
    "Revocation",
    "RevokedToken",
    "SigningKey",
    "Staff",
]


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
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class Person(Base):
    """A natural person (自然人). ID number and phone are sealed: ciphertext + keyed lookup hash + masked form."""

    __tablename__ = "persons"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    id_number_enc: Mapped[bytes] = mapped_column(LargeBinary)
    id_number_lookup: Mapped[str] = mapped_column(String(64), unique=True)
    id_number_masked: Mapped[str] = mapped_column(String(18))
    phone_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    phone_lookup: Mapped[str | None] = mapped_column(String(64), index=True)
    phone_masked: Mapped[str | None] = mapped_column(String(11))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    acr: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    acr_verified_by: Mapped[str | None] = mapped_column(String(64), doc="staff id or client id")
    acr_verified_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    failed_logins: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class Enterprise(Base):
    """A legal person (法人) with its legal representative, a registered person."""

    __tablename__ = "enterprises"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    credit_code_enc: Mapped[bytes] = mapped_column(LargeBinary)
    credit_code_lookup: Mapped[str] = mapped_column(String(64), unique=True)
    credit_code_masked: Mapped[str] = mapped_column(String(18))
    legal_representative_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    registry_checked_at: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), doc="when the 法人 record last confirmed the legal representative"
    )


class EnterpriseAgent(Base):
    """An agent (经办人) the legal representative authorized to act for the enterprise until ``expires_at``."""

    __tablename__ = "enterprise_agents"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    enterprise_id: Mapped[str] = mapped_column(ForeignKey("enterprises.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    granted_by: Mapped[str] = mapped_column(String(36), doc="the legal representative's person id")
    granted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_by: Mapped[str | None] = mapped_column(String(64))


class Newborn(Base):
    """A child registered by a guardian (or at a window) before it has a resident ID number (出生登记 gives it one):
    the subject of 新生儿出生一件事. Its id is its subject identifier in the mesh (kind ``newborn``)."""

    __tablename__ = "newborns"
    __table_args__ = (UniqueConstraint("guardian_id", "name", "birth_date"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    sex: Mapped[str] = mapped_column(String(10), doc="male | female")
    birth_date: Mapped[date] = mapped_column(Date)
    guardian_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True, doc="监护人: a parent")
    registered_by: Mapped[str] = mapped_column(String(64), doc="the guardian, or the clerk who registered it")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class PhoneCode(Base):
    """A one-time code sent by SMS (短信验证码): only its keyed hash is kept; single use, short-lived.

    The rows are also the record the sending limits count (per number and per source address)."""

    __tablename__ = "phone_codes"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    purpose: Mapped[str] = mapped_column(String(20))
    phone_lookup: Mapped[str] = mapped_column(String(64), index=True)
    source_key: Mapped[str] = mapped_column(String(64), index=True, doc="keyed hash of the source address")
    code_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    failed_attempts: Mapped[int] = mapped_column(Integer, server_default=text("0"))


class Staff(Base):
    """Window clerks, reviewers, heads, supervisors and administrators of one organization."""

    __tablename__ = "staff"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(50))
    organization_code: Mapped[str] = mapped_column(ForeignKey("organizations.code"), index=True)
    roles: Mapped[list[str]] = mapped_column(JSONB)
    scope_division: Mapped[str] = mapped_column(String(12), doc="territorial scope: a 12-digit division code")
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, server_default=text("true"))
    failed_logins: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class Client(Base):
    """An OAuth client: a department system or the city platform (confidential), or a public web/mobile app."""

    __tablename__ = "clients"

    client_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    secret_hash: Mapped[str | None] = mapped_column(String(200), doc="None for public clients (PKCE only)")
    organization_code: Mapped[str | None] = mapped_column(ForeignKey("organizations.code"))
    scopes: Mapped[str] = mapped_column(Text, doc="allowed scopes, space separated")
    grant_types: Mapped[list[str]] = mapped_column(
        JSONB, server_default=text("'[\"client_credentials\"]'::jsonb")
    )
    redirect_uris: Mapped[list[str]] = mapped_column(JSONB, server_default=text("'[]'::jsonb"))
    audiences: Mapped[list[str]] = mapped_column(JSONB, server_default=text("'[\"tongban\"]'::jsonb"))
    sector: Mapped[str | None] = mapped_column(String(64), doc="pairwise subject ids per sector when set")
    active: Mapped[bool] = mapped_column(Boolean, server_default=text("true"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    previous_secret_hash: Mapped[str | None] = mapped_column(
        String(200),
        doc="during a rotation (two-secret overlap): the old secret, still accepted until retired",
    )
    previous_secret_used_at: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), doc="when the old secret last got a token (retiring waits until it is quiet)"
    )


class SigningKey(Base):
    """An ES256 key pair; the private half encrypted with the service secret. Published before it signs."""

    __tablename__ = "signing_keys"

    kid: Mapped[str] = mapped_column(String(64), primary_key=True)
    private_key: Mapped[bytes] = mapped_column(LargeBinary)
    public_jwk: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    activates_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    retired_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class LoginSession(Base):
    """A browser login at the OP (single sign-on); ended by end-session."""

    __tablename__ = "login_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    subject_kind: Mapped[str] = mapped_column(String(20))
    subject_id: Mapped[str] = mapped_column(String(36), index=True)
    acr: Mapped[int] = mapped_column(Integer)
    auth_time: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    enterprise_id: Mapped[str | None] = mapped_column(
        String(36), doc="the enterprise a legal representative logged in for (tb_kind enterprise)"
    )


class AuthorizationCode(Base):
    """A single-use authorization code (stored hashed) bound to client, redirect URI and PKCE challenge."""

    __tablename__ = "authorization_codes"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    client_id: Mapped[str] = mapped_column(ForeignKey("clients.client_id"))
    session_id: Mapped[str] = mapped_column(ForeignKey("login_sessions.id"))
    redirect_uri: Mapped[str] = mapped_column(Text)
    scope: Mapped[str] = mapped_column(Text)
    code_challenge: Mapped[str] = mapped_column(String(128))
    nonce: Mapped[str | None] = mapped_column(String(255))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    issued_jti: Mapped[str | None] = mapped_column(
        String(64), doc="access token issued for it, revoked on reuse"
    )
    issued_family: Mapped[str | None] = mapped_column(String(64), doc="refresh family issued for it")


class RefreshToken(Base):
    """One refresh token (stored hashed) of a rotation family; reuse of a rotated one revokes the family."""

    __tablename__ = "refresh_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    family_id: Mapped[str] = mapped_column(String(64), index=True)
    client_id: Mapped[str] = mapped_column(ForeignKey("clients.client_id"))
    session_id: Mapped[str | None] = mapped_column(ForeignKey("login_sessions.id"), index=True)
    scope: Mapped[str] = mapped_column(Text)
    access_jti: Mapped[str | None] = mapped_column(
        String(64), doc="access token issued with it, revoked with the family"
    )
    issued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    rotated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class RevokedToken(Base):
    """Revoked access tokens by ``jti`` until they would have expired anyway (introspection consults it)."""

    __tablename__ = "revoked_tokens"

    jti: Mapped[str] = mapped_column(String(64), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    revoked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class LoginFailure(Base):
    """Consecutive failed logins of one account from one source address (keyed hash of the address): the lock
    applies to that pair, so nobody elsewhere can keep an account locked by knowing its login."""

    __tablename__ = "login_failures"

    subject_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    source: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class Revocation(Base):
    """Deny-list entries other than single access tokens (those are ``revoked_tokens``): ended sessions
    (``sid``), revoked refresh families (``family``), deactivated accounts (``sub``) and enterprises
    (``enterprise``), deactivated or re-keyed clients (``client_id``). Identity's own routes consult it; every
    other process learns the same entries from the revocation events (``meshkit.revocation``)."""

    __tablename__ = "revocations"

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    value: Mapped[str] = mapped_column(String(128), primary_key=True)
    revoked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class PairwiseSubject(Base):
    """A pairwise subject id handed to a sector's clients, and the person it stands for (for userinfo)."""

    __tablename__ = "pairwise_subjects"

    sector: Mapped[str] = mapped_column(String(64), primary_key=True)
    subject: Mapped[str] = mapped_column(String(64), primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
