"""Queries live here and only here."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Select, func, literal, or_, select, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from identity.store.models import Client, Organization, PairwiseSubject, SigningKey

__all__ = ["ClientRepository", "KeyRepository", "OrganizationRepository"]


class OrganizationRepository:
    """The 条块 tree. Tree walks are recursive CTEs with a depth guard."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, code: str) -> Organization | None:
        return await self._session.get(Organization, code)

    def add(self, organization: Organization) -> None:
        self._session.add(organization)

    async def children(
        self, parent_code: str | None, *, kind: str | None = None, valid_on: date | None = None
    ) -> Sequence[Organization]:
        query = select(Organization).where(
            Organization.parent_code.is_(None)
            if parent_code is None
            else Organization.parent_code == parent_code
        )
        return (
            await self._session.scalars(_filtered(query, kind, valid_on).order_by(Organization.code))
        ).all()

    async def path(self, code: str) -> Sequence[Organization]:
        """From the root down to ``code`` inclusive; empty when ``code`` does not exist."""
        up = (
            select(Organization.code, Organization.parent_code, literal(0).label("depth"))
            .where(Organization.code == code)
            .cte("up", recursive=True)
        )
        up = up.union_all(
            select(Organization.code, Organization.parent_code, up.c.depth + 1).where(
                Organization.code == up.c.parent_code, up.c.depth < _MAX_DEPTH
            )
        )
        query = select(Organization).join(up, Organization.code == up.c.code).order_by(up.c.depth.desc())
        return (await self._session.scalars(query)).all()

    async def subtree(
        self, code: str, *, kind: str | None, valid_on: date | None, limit: int
    ) -> Sequence[tuple[Organization, int]]:
        """``code`` and everything below it with its depth (0 = ``code``), level by level."""
        down = (
            select(Organization.code, literal(0).label("depth"))
            .where(Organization.code == code)
            .cte("down", recursive=True)
        )
        down = down.union_all(
            select(Organization.code, down.c.depth + 1).where(
                Organization.parent_code == down.c.code, down.c.depth < _MAX_DEPTH
            )
        )
        query = select(Organization, down.c.depth).join(down, Organization.code == down.c.code)
        query = _filtered(query, kind, valid_on).order_by(down.c.depth, Organization.code).limit(limit)
        return [(row[0], row[1]) for row in (await self._session.execute(query)).all()]

    async def search(
        self,
        *,
        division_prefix: str | None,
        kind: str | None,
        name: str | None,
        valid_on: date | None,
        limit: int,
        offset: int,
    ) -> tuple[Sequence[Organization], int]:
        query = _filtered(select(Organization), kind, valid_on)
        if division_prefix:
            query = query.where(Organization.division_code.startswith(division_prefix, autoescape=True))
        if name:
            query = query.where(Organization.name.contains(name, autoescape=True))
        total = await self._session.scalar(select(func.count()).select_from(query.subquery()))
        page = query.order_by(Organization.division_code, Organization.code).limit(limit).offset(offset)
        return (await self._session.scalars(page)).all(), int(total or 0)

    async def division_exists(self, division_code: str) -> bool:
        query = select(Organization.code).where(Organization.division_code == division_code).limit(1)
        return (await self._session.scalar(query)) is not None


_MAX_DEPTH = 16  # a guard against a cycle that slipped in; the real tree is about five levels deep

_Query = TypeVar("_Query", bound=Select[Any])


def _filtered(query: _Query, kind: str | None, valid_on: date | None) -> _Query:
    if kind:
        query = query.where(Organization.kind == kind)
    if valid_on is not None:
        query = query.where(
            Organization.valid_from <= valid_on,
            or_(Organization.valid_to.is_(None), Organization.valid_to >= valid_on),
        )
    return query


class ClientRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, client_id: str) -> Client | None:
        return await self._session.get(Client, client_id)

    def add(self, client: Client) -> None:
        self._session.add(client)

    async def with_secret_hash(self, secret_hash: str) -> Sequence[Client]:
        """Clients whose current or (during a rotation) previous secret has this hash."""
        query = select(Client).where(
            (Client.secret_hash == secret_hash) | (Client.previous_secret_hash == secret_hash)
        )
        return (await self._session.scalars(query)).all()

    async def search(
        self, *, division_prefix: str | None, limit: int, offset: int
    ) -> tuple[Sequence[Client], int]:
        """Clients of organizations under ``division_prefix`` (None: all, including those without one)."""
        query = select(Client)
        if division_prefix:
            query = query.join(Organization, Organization.code == Client.organization_code).where(
                Organization.division_code.startswith(division_prefix, autoescape=True)
            )
        total = await self._session.scalar(select(func.count()).select_from(query.subquery()))
        page = query.order_by(Client.client_id).limit(limit).offset(offset)
        return (await self._session.scalars(page)).all(), int(total or 0)

    async def scopes_in_use(self) -> list[str]:
        """Every scope some active client may request (for discovery's ``scopes_supported``)."""
        rows = await self._session.scalars(select(Client.scopes).where(Client.active.is_(True)))
        return sorted({scope for scopes in rows for scope in scopes.split()})

    async def browser_redirect_uris(self) -> list[str]:
        """Redirect URIs of every active client allowed the authorization code grant (their origins may call
        the OP's token, userinfo and revocation endpoints from a browser)."""
        rows = await self._session.execute(
            select(Client.redirect_uris, Client.grant_types).where(Client.active.is_(True))
        )
        return sorted({uri for uris, grants in rows if "authorization_code" in grants for uri in uris})

    async def pairwise_person(self, *, sector: str, subject: str) -> str | None:
        query = select(PairwiseSubject.person_id).where(
            PairwiseSubject.sector == sector, PairwiseSubject.subject == subject
        )
        return await self._session.scalar(query)

    async def remember_pairwise(self, *, sector: str, subject: str, person_id: str) -> None:
        row = {"sector": sector, "subject": subject, "person_id": person_id}
        await self._session.execute(insert(PairwiseSubject).values(row).on_conflict_do_nothing())

    async def pairwise_subjects_of(self, person_id: str) -> Sequence[str]:
        """Every pairwise ``sub`` a person's tokens have carried (one per sector)."""
        query = select(PairwiseSubject.subject).where(PairwiseSubject.person_id == person_id)
        return (await self._session.scalars(query)).all()


# One number for the whole service: only one transaction at a time changes the key schedule.
_KEY_SCHEDULE_LOCK = 0x1D3E7_0001


class KeyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def all(self) -> Sequence[SigningKey]:
        return (
            await self._session.scalars(select(SigningKey).order_by(SigningKey.activates_at.desc()))
        ).all()

    async def lock_schedule(self) -> None:
        """Serialize schedule changes across API replicas and workers (transaction-scoped advisory lock)."""
        await self._session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _KEY_SCHEDULE_LOCK})

    def add(self, key: SigningKey) -> None:
        self._session.add(key)
