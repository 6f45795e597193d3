"""The identity unit of work: repositories and the outbox on one session."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from identity.store.login_failures import LoginFailureRepository
from identity.store.models import OUTBOX
from identity.store.oauth import (
    CodeRepository,
    RefreshTokenRepository,
    RevocationRepository,
    RevokedTokenRepository,
    SessionRepository,
)
from identity.store.proofs import AgentRepository, PhoneCodeRepository
from identity.store.repositories import ClientRepository, KeyRepository, OrganizationRepository
from identity.store.subjects import EnterpriseRepository, NewbornRepository, PersonRepository, StaffRepository
from meshkit.db import UnitOfWork

__all__ = ["IdentityUnitOfWork"]


class IdentityUnitOfWork(UnitOfWork):
    outbox = OUTBOX
    organizations: OrganizationRepository
    clients: ClientRepository
    keys: KeyRepository
    persons: PersonRepository
    enterprises: EnterpriseRepository
    newborns: NewbornRepository
    staff: StaffRepository
    sessions: SessionRepository
    codes: CodeRepository
    refresh_tokens: RefreshTokenRepository
    revoked: RevokedTokenRepository
    login_failures: LoginFailureRepository
    revocations: RevocationRepository
    phone_codes: PhoneCodeRepository
    agents: AgentRepository

    def attach(self, session: AsyncSession) -> None:
        self.organizations = OrganizationRepository(session)
        self.clients = ClientRepository(session)
        self.keys = KeyRepository(session)
        self.persons = PersonRepository(session)
        self.enterprises = EnterpriseRepository(session)
        self.newborns = NewbornRepository(session)
        self.staff = StaffRepository(session)
        self.sessions = SessionRepository(session)
        self.codes = CodeRepository(session)
        self.refresh_tokens = RefreshTokenRepository(session)
        self.revoked = RevokedTokenRepository(session)
        self.login_failures = LoginFailureRepository(session)
        self.revocations = RevocationRepository(session)
        self.phone_codes = PhoneCodeRepository(session)
        self.agents = AgentRepository(session)
