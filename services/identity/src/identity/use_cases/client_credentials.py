"""The client-credentials grant (RFC 6749 §4.4) for department systems: the token endpoint's hot path.

The client and its organization's division come in one read on the driver pool (``store.client_grants``), the
secret is checked by the same rules as every other client authentication (``verify_client_secret``: keyed
SHA-256 of a long random secret, constant-time, unknown/inactive/wrong alike), and the token is signed with the
cached key ring. Only the rare write — the previous secret used during a rotation's overlap — goes through the
unit of work.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from identity.domain.tokens import SubjectClaims, TokenPolicy, access_token_claims, granted_scopes
from identity.keys import ActiveKey, sign
from identity.store.client_grants import ClientGrantRecord, ClientGrants
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.oauth_keys import KeyRing
from identity.use_cases.tokens import ClientCredentials, OAuthError, TokenGrant, verify_client_secret
from meshkit.db import Database

__all__ = ["authenticate_grant_client", "client_credentials_grant", "issue_client_token"]


async def authenticate_grant_client(
    database: Database, clients: ClientGrants, *, credentials: ClientCredentials, pepper: str
) -> ClientGrantRecord:
    """The client asking for a client-credentials grant, proved as :func:`authenticate_client` proves it."""
    record = await clients.read(credentials.client_id) if credentials.client_id else None
    proved = verify_client_secret(record, credentials=credentials, pepper=pepper, confidential_only=False)
    assert record is not None  # verify_client_secret refused an unknown client
    if proved == "previous":  # the old secret still in use: retiring it waits (see retire_previous_secret)
        async with IdentityUnitOfWork(database) as uow:  # the rare write: a unit of work of its own
            client = await uow.clients.get(record.client_id)
            if client is not None:
                client.previous_secret_used_at = datetime.now(UTC)
                await uow.commit()
    return record


async def client_credentials_grant(
    database: Database,
    clients: ClientGrants,
    *,
    credentials: ClientCredentials,
    scope: str | None,
    ring: KeyRing,
    policy: TokenPolicy,
    pepper: str,
    now: datetime,
) -> TokenGrant:
    """The whole grant: the client proved (:func:`authenticate_grant_client`), then its token signed by the key
    of the moment (:func:`issue_client_token`). The token route and its lane both call this."""
    client = await authenticate_grant_client(database, clients, credentials=credentials, pepper=pepper)
    return issue_client_token(client=client, scope=scope, key=ring.signer(now), policy=policy, now=now)


def issue_client_token(
    *, client: ClientGrantRecord, scope: str | None, key: ActiveKey, policy: TokenPolicy, now: datetime
) -> TokenGrant:
    """OAuth 2.0 client credentials (RFC 6749 §4.4) for department systems: no refresh token."""
    if client.secret_hash is None or "client_credentials" not in client.grant_types:
        raise OAuthError(
            "该客户端未开通 client_credentials (grant not allowed for this client)",
            code="unauthorized_client",
        )
    scopes = granted_scopes(scope, client.scopes)
    if scopes is None:
        raise OAuthError("请求的权限范围超出允许范围 (scope not allowed)", code="invalid_scope")
    subject = SubjectClaims(
        kind="system", sub=client.client_id, acr=0, org=client.organization_code, region=client.region
    )
    claims = access_token_claims(
        policy=policy,
        subject=subject,
        client_id=client.client_id,
        scopes=scopes,
        issued_at=int(now.timestamp()),
        token_id=secrets.token_urlsafe(16),
        audiences=client.audiences,
    )
    return TokenGrant(
        access_token=sign(key, claims), expires_in=claims["exp"] - claims["iat"], scope=" ".join(scopes)
    )
