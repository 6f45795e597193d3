from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/identity/authorize",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 302:
        response_302 = cast(Any, None)
        return response_302

    if response.status_code == 400:
        response_400 = cast(Any, None)
        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[Any | Problem | str]:
    """ Authorize Page

     Authorization endpoint (授权端点): `response_type=code` with PKCE (`code_challenge_method=S256`).
    Shows the login page (统一身份认证 登录), or answers at once from an existing login (单点登录)
    unless `prompt=login` or `prompt=select_account` (the login page is where an account is chosen), or
    an
    `id_token_hint` names another account than the login's (then the login page, or `login_required`
    with
    `prompt=none`). A repeated parameter is refused. `request` and `request_uri` are not supported.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | str]
     """


    kwargs = _get_kwargs(
        
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,

) -> Any | Problem | str | None:
    """ Authorize Page

     Authorization endpoint (授权端点): `response_type=code` with PKCE (`code_challenge_method=S256`).
    Shows the login page (统一身份认证 登录), or answers at once from an existing login (单点登录)
    unless `prompt=login` or `prompt=select_account` (the login page is where an account is chosen), or
    an
    `id_token_hint` names another account than the login's (then the login page, or `login_required`
    with
    `prompt=none`). A repeated parameter is refused. `request` and `request_uri` are not supported.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | str
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[Any | Problem | str]:
    """ Authorize Page

     Authorization endpoint (授权端点): `response_type=code` with PKCE (`code_challenge_method=S256`).
    Shows the login page (统一身份认证 登录), or answers at once from an existing login (单点登录)
    unless `prompt=login` or `prompt=select_account` (the login page is where an account is chosen), or
    an
    `id_token_hint` names another account than the login's (then the login page, or `login_required`
    with
    `prompt=none`). A repeated parameter is refused. `request` and `request_uri` are not supported.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | str]
     """


    kwargs = _get_kwargs(
        
    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,

) -> Any | Problem | str | None:
    """ Authorize Page

     Authorization endpoint (授权端点): `response_type=code` with PKCE (`code_challenge_method=S256`).
    Shows the login page (统一身份认证 登录), or answers at once from an existing login (单点登录)
    unless `prompt=login` or `prompt=select_account` (the login page is where an account is chosen), or
    an
    `id_token_hint` names another account than the login's (then the login page, or `login_required`
    with
    `prompt=none`). A repeated parameter is refused. `request` and `request_uri` are not supported.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | str
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
