"""The client-credentials hot path: the client and its organization's division in one statement.

A department system asks for a token many times a minute; through the ORM that was a transaction, two
``session.get`` round trips and an identity map per request (most of the token endpoint's CPU, issue 21). Here it
is one indexed read on meshkit's plain driver pool, outside a transaction (a single SELECT needs none).
"""

from __future__ import annotations

from dataclasses import dataclass

from meshkit.db import Database

__all__ = ["ClientGrantRecord", "client_for_grant"]

_QUERY = """
SELECT c.client_id, c.secret_hash, c.previous_secret_hash, c.active, c.grant_types, c.scopes, c.audiences,
       c.organization_code, o.division_code
  FROM clients AS c
  LEFT JOIN organizations AS o ON o.code = c.organization_code
 WHERE c.client_id = $1
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


async def client_for_grant(database: Database, client_id: str) -> ClientGrantRecord | None:
    async with database.driver(transaction=False) as connection:
        row = await connection.fetchrow(_QUERY, client_id)
    if row is None:
        return None
    return ClientGrantRecord(
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
