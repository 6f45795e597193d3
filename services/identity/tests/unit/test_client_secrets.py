"""Issue 21: the client-secret check on the token endpoint's hot path, made cheaper, checks exactly as before."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

import pytest

from identity.use_cases.tokens import (
    ClientCredentials,
    OAuthError,
    client_secret_hash,
    verify_client_secret,
)

PEPPER = "p" * 32


@dataclass(frozen=True)
class _Stored:
    secret_hash: str | None
    previous_secret_hash: str | None = None
    active: bool = True


def _presented(secret: str | None) -> ClientCredentials:
    return ClientCredentials(client_id="t25", secret=secret, method="client_secret_basic")


def test_issue21_stored_secret_hashes_stay_valid() -> None:
    """Issue 21: the one-shot HMAC gives the hash every stored client secret was made with (HMAC-SHA-256 keyed
    by the pepper, hex): no secret needs re-issuing."""
    for secret in ("s3cret", "长密钥-" + "x" * 60, ""):
        made_before = hmac.new(PEPPER.encode(), secret.encode(), hashlib.sha256).hexdigest()
        assert client_secret_hash(secret, PEPPER) == made_before


def test_issue21_secret_check_without_a_previous_secret_refuses_all_but_the_current() -> None:
    """Issue 21: where a client has no previous secret (or no client exists) a fixed random hash is compared
    instead of a fresh one per request: still nothing but the current secret is taken, and unknown, inactive
    and wrong are refused alike (401 invalid_client)."""
    stored = _Stored(secret_hash=client_secret_hash("current", PEPPER))
    assert (
        verify_client_secret(stored, credentials=_presented("current"), pepper=PEPPER, confidential_only=True)
        == "current"
    )
    rotating = _Stored(secret_hash=stored.secret_hash, previous_secret_hash=client_secret_hash("old", PEPPER))
    assert (
        verify_client_secret(rotating, credentials=_presented("old"), pepper=PEPPER, confidential_only=True)
        == "previous"
    )
    refused = [
        (stored, "old"),
        (stored, ""),
        (stored, None),
        (None, "current"),
        (_Stored(secret_hash=stored.secret_hash, active=False), "current"),
    ]
    for client, secret in refused:
        with pytest.raises(OAuthError) as caught:
            verify_client_secret(
                client, credentials=_presented(secret), pepper=PEPPER, confidential_only=True
            )
        assert (caught.value.status, caught.value.code) == (401, "invalid_client")
