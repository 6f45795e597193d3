"""The client-credentials hot path: the client and its organization's division in one statement.

A department system asks for a token many times a minute; through the ORM that was a transaction, two
``session.get`` round trips and an identity map per request (most of the token endpoint's CPU, issue 21). Here it
is one indexed read on meshkit's plain driver pool, outside a transaction (a single SELECT needs none).

The reads waiting at the same moment share that statement (:class:`ClientGrants`, one per app, over
:class:`meshkit.read_batches.ReadBatches`, one in flight per process): under load one round trip and one statement
of PostgreSQL's serve many tokens. Never a cache: each read is answered by a statement sent after it was asked, so
a client disabled or a secret rotated before a request arrived decides that request (issue 21).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from meshkit.db import Database
from meshkit.read_batches import ReadBatches

__all__ = ["ClientGrantRecord", "ClientGrants"]

_QUERY = """
SELECT c.client_id, c.secret_hash, c.previous_secret_hash, c.active, c.grant_types, c.scopes, c.audiences,
       c.organization_code, o.division_code
  FROM clients AS c
  LEFT JOIN organizations AS o ON o.code = c.organization_code
 WHERE c.client_id = ANY($1::text[])
"""


@dataclass(frozen=True)
class ClientGrantRecord:
    """What the client-credentials grant reads of a client (the columns of ``Client`` it needs, same names)."""

    client_id: str
    secret_hash: str | None
    previous_secret_hash: str | None
    active: bool
    grant_types: list[str]
    scopes: str
    audiences: list[str]
    organization_code: str | None
    region: str | None  # the organization's division_code


async def _read(connection: Any, client_ids: Sequence[str]) -> Mapping[str, ClientGrantRecord]:
    rows = await connection.fetch(_QUERY, client_ids)
    return {
        row["client_id"]: ClientGrantRecord(
            client_id=row["client_id"],
            secret_hash=row["secret_hash"],
            previous_secret_hash=row["previous_secret_hash"],
            active=row["active"],
            grant_types=list(row["grant_types"] or ()),
            scopes=row["scopes"],
            audiences=list(row["audiences"] or ()),
            organization_code=row["organization_code"],
            region=row["division_code"],
        )
        for row in rows
    }


class ClientGrants:
    """The client reads of the client-credentials grant, one batcher per app (built in its lifespan, on the loop
    that serves it)."""

    def __init__(self, database: Callable[[], Database]) -> None:
        """``database`` gives the app's current database (tests swap it after the lifespan started)."""
        self._batches: ReadBatches[str, ClientGrantRecord] = ReadBatches(database, _read)

    async def read(self, client_id: str) -> ClientGrantRecord | None:
        """The client ``client_id`` as a statement sent after this call finds it (None when there is none)."""
        if (
            "\x00" in client_id
        ):  # PostgreSQL's text holds no NUL: no client has such an id (its read would fail)
            return None
        return await self._batches.read(client_id)
