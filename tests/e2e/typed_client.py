"""The generated Python client (clients/python, ``tongban_client``) as the e2e tests use it: some of the main
story's calls go through it, so a contract that says something else than the service answers breaks the suite."""

from __future__ import annotations

from collections.abc import Mapping

import httpx

from tongban_client import AuthenticatedClient, Client

__all__ = ["typed_client"]


def typed_client(
    gateway_url: str, client_address: Mapping[str, str], auth: Mapping[str, str] | None = None
) -> AuthenticatedClient | Client:
    """A client of the gateway from ``client_address``, with the bearer token of ``auth`` (as ``log_in`` returns
    it) or anonymous; any status the contract does not document raises."""
    token = (auth or {}).get("Authorization", "").removeprefix("Bearer ")
    timeout = httpx.Timeout(30)
    if token:
        return AuthenticatedClient(
            base_url=gateway_url,
            token=token,
            headers=dict(client_address),
            timeout=timeout,
            raise_on_unexpected_status=True,
        )
    return Client(
        base_url=gateway_url, headers=dict(client_address), timeout=timeout, raise_on_unexpected_status=True
    )
