"""Queries of the members' endpoint hosts: the repository (ORM path) and the read path's kept copies."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from exchange.domain.outbound import EndpointHost
from exchange.store.driver import KeptCopies
from exchange.store.endpoint_host_models import MemberEndpointHost

__all__ = ["EndpointHostCopies", "EndpointHostRepository"]

_OF_MEMBER = "SELECT host FROM member_endpoint_hosts WHERE member_code = $1 ORDER BY host"


class EndpointHostRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def of_member(self, member_code: str) -> list[str]:
        query = (
            select(MemberEndpointHost.host)
            .where(MemberEndpointHost.member_code == member_code)
            .order_by(MemberEndpointHost.host)
        )
        return list((await self._session.scalars(query)).all())

    async def replace(self, member_code: str, hosts: Sequence[str], *, by: str) -> None:
        """The member's list becomes exactly ``hosts``."""
        await self._session.execute(
            delete(MemberEndpointHost).where(MemberEndpointHost.member_code == member_code)
        )
        if hosts:
            rows = [
                {"member_code": member_code, "host": host, "added_by": by} for host in dict.fromkeys(hosts)
            ]
            await self._session.execute(insert(MemberEndpointHost).values(rows))

    async def add(self, member_code: str, host: str, *, by: str) -> None:
        """Add one host unless listed."""
        statement = insert(MemberEndpointHost).values(member_code=member_code, host=host, added_by=by)
        await self._session.execute(statement.on_conflict_do_nothing())


async def _of_member(connection: Any, member_code: str) -> tuple[EndpointHost, ...]:
    return tuple(EndpointHost.parse(row["host"]) for row in await connection.fetch(_OF_MEMBER, member_code))


class EndpointHostCopies(KeptCopies[tuple[EndpointHost, ...]]):
    """Each provider's endpoint hosts, for the proxied reads of this process (kept like the resource
    definitions: forgotten here at once when changed through this process, elsewhere within the ttl)."""

    def __init__(self, ttl: float = 1.0) -> None:
        super().__init__(_of_member, ttl)
