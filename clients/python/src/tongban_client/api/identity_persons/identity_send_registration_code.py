from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.identity_phone_code_in import IdentityPhoneCodeIn
from ...models.identity_phone_code_out import IdentityPhoneCodeOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: IdentityPhoneCodeIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/identity/persons/phone-codes",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IdentityPhoneCodeOut | Problem | None:
    if response.status_code == 202:
        response_202 = IdentityPhoneCodeOut.from_dict(response.json())



        return response_202

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if response.status_code == 502:
        response_502 = Problem.from_dict(response.json())



        return response_502

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())



        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[IdentityPhoneCodeOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IdentityPhoneCodeIn,

) -> Response[IdentityPhoneCodeOut | Problem]:
    """ Send Registration Code

     Send a one-time code (发送短信验证码) to the phone being registered. Codes expire, work once and die
    after a few wrong tries; one number gets at most one a minute and a few an hour, one source address
    some an
    hour (429 `too_many_codes` with `Retry-After`).

    Args:
        body (IdentityPhoneCodeIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityPhoneCodeOut | Problem]
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
    client: AuthenticatedClient | Client,
    body: IdentityPhoneCodeIn,

) -> IdentityPhoneCodeOut | Problem | None:
    """ Send Registration Code

     Send a one-time code (发送短信验证码) to the phone being registered. Codes expire, work once and die
    after a few wrong tries; one number gets at most one a minute and a few an hour, one source address
    some an
    hour (429 `too_many_codes` with `Retry-After`).

    Args:
        body (IdentityPhoneCodeIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityPhoneCodeOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IdentityPhoneCodeIn,

) -> Response[IdentityPhoneCodeOut | Problem]:
    """ Send Registration Code

     Send a one-time code (发送短信验证码) to the phone being registered. Codes expire, work once and die
    after a few wrong tries; one number gets at most one a minute and a few an hour, one source address
    some an
    hour (429 `too_many_codes` with `Retry-After`).

    Args:
        body (IdentityPhoneCodeIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityPhoneCodeOut | Problem]
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
    client: AuthenticatedClient | Client,
    body: IdentityPhoneCodeIn,

) -> IdentityPhoneCodeOut | Problem | None:
    """ Send Registration Code

     Send a one-time code (发送短信验证码) to the phone being registered. Codes expire, work once and die
    after a few wrong tries; one number gets at most one a minute and a few an hour, one source address
    some an
    hour (429 `too_many_codes` with `Retry-After`).

    Args:
        body (IdentityPhoneCodeIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityPhoneCodeOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
