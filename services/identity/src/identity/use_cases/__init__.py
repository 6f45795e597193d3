"""What identity does: one async function per operation, each committing explicitly."""

from identity.use_cases.organizations import list_organizations, upsert_organization
from identity.use_cases.tokens import (
    OAuthError,
    TokenGrant,
    active_signing_key,
    client_secret_hash,
    issue_client_token,
    jwks,
    register_client,
)

__all__ = [
    "OAuthError",
    "TokenGrant",
    "active_signing_key",
    "client_secret_hash",
    "issue_client_token",
    "jwks",
    "list_organizations",
    "register_client",
    "upsert_organization",
]
