from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.identity_body_token import IdentityBodyToken
from ...models.identity_o_auth_error_out import IdentityOAuthErrorOut
from ...models.identity_token_out import IdentityTokenOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: IdentityBodyToken,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/identity/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IdentityOAuthErrorOut | IdentityTokenOut | Problem | None:
    if response.status_code == 200:
        response_200 = IdentityTokenOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[IdentityOAuthErrorOut | IdentityTokenOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: IdentityBodyToken,

) -> Response[IdentityOAuthErrorOut | IdentityTokenOut | Problem]:
    """ Token

     Token endpoint (令牌端点): `authorization_code` with PKCE (S256), `refresh_token` with rotation, and
    `client_credentials` for department systems (部门系统). Confidential clients authenticate with
    client_secret_basic or client_secret_post; public clients send only `client_id`. Errors are RFC 6749
    §5.2
    JSON (`error`, `error_description`), every answer carries `Cache-Control: no-store`, and a parameter
    sent
    twice is `invalid_request`.

    Args:
        body (IdentityBodyToken):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityOAuthErrorOut | IdentityTokenOut | Problem]
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
    body: IdentityBodyToken,

) -> IdentityOAuthErrorOut | IdentityTokenOut | Problem | None:
    """ Token

     Token endpoint (令牌端点): `authorization_code` with PKCE (S256), `refresh_token` with rotation, and
    `client_credentials` for department systems (部门系统). Confidential clients authenticate with
    client_secret_basic or client_secret_post; public clients send only `client_id`. Errors are RFC 6749
    §5.2
    JSON (`error`, `error_description`), every answer carries `Cache-Control: no-store`, and a parameter
    sent
    twice is `invalid_request`.

    Args:
        body (IdentityBodyToken):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityOAuthErrorOut | IdentityTokenOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: IdentityBodyToken,

) -> Response[IdentityOAuthErrorOut | IdentityTokenOut | Problem]:
    """ Token

     Token endpoint (令牌端点): `authorization_code` with PKCE (S256), `refresh_token` with rotation, and
    `client_credentials` for department systems (部门系统). Confidential clients authenticate with
    client_secret_basic or client_secret_post; public clients send only `client_id`. Errors are RFC 6749
    §5.2
    JSON (`error`, `error_description`), every answer carries `Cache-Control: no-store`, and a parameter
    sent
    twice is `invalid_request`.

    Args:
        body (IdentityBodyToken):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityOAuthErrorOut | IdentityTokenOut | Problem]
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
    body: IdentityBodyToken,

) -> IdentityOAuthErrorOut | IdentityTokenOut | Problem | None:
    """ Token

     Token endpoint (令牌端点): `authorization_code` with PKCE (S256), `refresh_token` with rotation, and
    `client_credentials` for department systems (部门系统). Confidential clients authenticate with
    client_secret_basic or client_secret_post; public clients send only `client_id`. Errors are RFC 6749
    §5.2
    JSON (`error`, `error_description`), every answer carries `Cache-Control: no-store`, and a parameter
    sent
    twice is `invalid_request`.

    Args:
        body (IdentityBodyToken):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityOAuthErrorOut | IdentityTokenOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
