"""What identity does: one async function per operation, each committing explicitly."""

from identity.use_cases.client_credentials import authenticate_grant_client, issue_client_token
from identity.use_cases.login import AuthenticatedSubject, LoginFailed, authenticate
from identity.use_cases.oauth_keys import KeyCache, KeyRing, run_key_schedule
from identity.use_cases.organizations import list_organizations, upsert_organization
from identity.use_cases.tokens import (
    ClientCredentials,
    OAuthError,
    TokenGrant,
    authenticate_client,
    client_secret_hash,
    register_client,
    register_public_client,
)

__all__ = [
    "AuthenticatedSubject",
    "ClientCredentials",
    "KeyCache",
    "KeyRing",
    "LoginFailed",
    "OAuthError",
    "TokenGrant",
    "authenticate",
    "authenticate_client",
    "authenticate_grant_client",
    "client_secret_hash",
    "issue_client_token",
    "list_organizations",
    "register_client",
    "register_public_client",
    "run_key_schedule",
    "upsert_organization",
]
