from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.identity_body_revoke_token import IdentityBodyRevokeToken
from ...models.identity_o_auth_error_out import IdentityOAuthErrorOut
from ...models.identity_revoke_token_response_revoke_token import IdentityRevokeTokenResponseRevokeToken
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: IdentityBodyRevokeToken,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/identity/revoke",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IdentityOAuthErrorOut | IdentityRevokeTokenResponseRevokeToken | Problem | None:
    if response.status_code == 200:
        response_200 = IdentityRevokeTokenResponseRevokeToken.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = IdentityOAuthErrorOut.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = IdentityOAuthErrorOut.from_dict(response.json())



        return response_401

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if response.status_code == 500:
        response_500 = IdentityOAuthErrorOut.from_dict(response.json())



        return response_500

    if response.status_code == 502:
        response_502 = Problem.from_dict(response.json())



        return response_502

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())



        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[IdentityOAuthErrorOut | IdentityRevokeTokenResponseRevokeToken | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: IdentityBodyRevokeToken,

) -> Response[IdentityOAuthErrorOut | IdentityRevokeTokenResponseRevokeToken | Problem]:
    """ Revoke Token

     Token revocation (令牌撤销): an access token by its id, a refresh token with its whole family.
    200 with an empty JSON object (`{}`; RFC 7009 §2.2: the body carries nothing) for revoked, unknown,
    invalid
    and other clients' tokens alike; `unsupported_token_type` for an ID token or a `token_type_hint`
    other than
    `access_token` / `refresh_token`. Confidential clients authenticate; public clients send
    `client_id`.

    Args:
        body (IdentityBodyRevokeToken):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityOAuthErrorOut | IdentityRevokeTokenResponseRevokeToken | Problem]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: IdentityBodyRevokeToken,

) -> IdentityOAuthErrorOut | IdentityRevokeTokenResponseRevokeToken | Problem | None:
    """ Revoke Token

     Token revocation (令牌撤销): an access token by its id, a refresh token with its whole family.
    200 with an empty JSON object (`{}`; RFC 7009 §2.2: the body carries nothing) for revoked, unknown,
    invalid
    and other clients' tokens alike; `unsupported_token_type` for an ID token or a `token_type_hint`
    other than
    `access_token` / `refresh_token`. Confidential clients authenticate; public clients send
    `client_id`.

    Args:
        body (IdentityBodyRevokeToken):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityOAuthErrorOut | IdentityRevokeTokenResponseRevokeToken | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: IdentityBodyRevokeToken,

) -> Response[IdentityOAuthErrorOut | IdentityRevokeTokenResponseRevokeToken | Problem]:
    """ Revoke Token

     Token revocation (令牌撤销): an access token by its id, a refresh token with its whole family.
    200 with an empty JSON object (`{}`; RFC 7009 §2.2: the body carries nothing) for revoked, unknown,
    invalid
    and other clients' tokens alike; `unsupported_token_type` for an ID token or a `token_type_hint`
    other than
    `access_token` / `refresh_token`. Confidential clients authenticate; public clients send
    `client_id`.

    Args:
        body (IdentityBodyRevokeToken):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityOAuthErrorOut | IdentityRevokeTokenResponseRevokeToken | Problem]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: IdentityBodyRevokeToken,

) -> IdentityOAuthErrorOut | IdentityRevokeTokenResponseRevokeToken | Problem | None:
    """ Revoke Token

     Token revocation (令牌撤销): an access token by its id, a refresh token with its whole family.
    200 with an empty JSON object (`{}`; RFC 7009 §2.2: the body carries nothing) for revoked, unknown,
    invalid
    and other clients' tokens alike; `unsupported_token_type` for an ID token or a `token_type_hint`
    other than
    `access_token` / `refresh_token`. Confidential clients authenticate; public clients send
    `client_id`.

    Args:
        body (IdentityBodyRevokeToken):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityOAuthErrorOut | IdentityRevokeTokenResponseRevokeToken | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
