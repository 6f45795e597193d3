from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.identity_person_in import IdentityPersonIn
from ...models.identity_person_out import IdentityPersonOut
from ...models.identity_registration_out import IdentityRegistrationOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: IdentityPersonIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/identity/persons",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IdentityPersonOut | IdentityRegistrationOut | Problem | None:
    if response.status_code == 201:
        response_201 = IdentityPersonOut.from_dict(response.json())



        return response_201

    if response.status_code == 202:
        response_202 = IdentityRegistrationOut.from_dict(response.json())



        return response_202

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[IdentityPersonOut | IdentityRegistrationOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: IdentityPersonIn,

) -> Response[IdentityPersonOut | IdentityRegistrationOut | Problem]:
    """ Register Person

     Register a person (自然人注册).

    Online (网上注册, no token): `phone` and the `phone_code` sent to it by `POST /persons/phone-codes`, a
    password, and name + ID number, which identity checks against the population register (人口库实名核验)
    through the exchange under its registered duty (the read shows in the person's "who read my data").
    The account starts at real-name level 2. The answer is 202 and the same whether or not the number
    was
    registered before; the holder of an existing account gets an SMS instead. A name and number the
    register
    does not confirm: 403 `identity_not_verified` (the code is spent); the register unreachable: 503
    `verification_unavailable`, nothing written.

    At a window (窗口人员, in person): 201 with the person at level 3; the password may be left out.

    Args:
        body (IdentityPersonIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityPersonOut | IdentityRegistrationOut | Problem]
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
    body: IdentityPersonIn,

) -> IdentityPersonOut | IdentityRegistrationOut | Problem | None:
    """ Register Person

     Register a person (自然人注册).

    Online (网上注册, no token): `phone` and the `phone_code` sent to it by `POST /persons/phone-codes`, a
    password, and name + ID number, which identity checks against the population register (人口库实名核验)
    through the exchange under its registered duty (the read shows in the person's "who read my data").
    The account starts at real-name level 2. The answer is 202 and the same whether or not the number
    was
    registered before; the holder of an existing account gets an SMS instead. A name and number the
    register
    does not confirm: 403 `identity_not_verified` (the code is spent); the register unreachable: 503
    `verification_unavailable`, nothing written.

    At a window (窗口人员, in person): 201 with the person at level 3; the password may be left out.

    Args:
        body (IdentityPersonIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityPersonOut | IdentityRegistrationOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: IdentityPersonIn,

) -> Response[IdentityPersonOut | IdentityRegistrationOut | Problem]:
    """ Register Person

     Register a person (自然人注册).

    Online (网上注册, no token): `phone` and the `phone_code` sent to it by `POST /persons/phone-codes`, a
    password, and name + ID number, which identity checks against the population register (人口库实名核验)
    through the exchange under its registered duty (the read shows in the person's "who read my data").
    The account starts at real-name level 2. The answer is 202 and the same whether or not the number
    was
    registered before; the holder of an existing account gets an SMS instead. A name and number the
    register
    does not confirm: 403 `identity_not_verified` (the code is spent); the register unreachable: 503
    `verification_unavailable`, nothing written.

    At a window (窗口人员, in person): 201 with the person at level 3; the password may be left out.

    Args:
        body (IdentityPersonIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityPersonOut | IdentityRegistrationOut | Problem]
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
    body: IdentityPersonIn,

) -> IdentityPersonOut | IdentityRegistrationOut | Problem | None:
    """ Register Person

     Register a person (自然人注册).

    Online (网上注册, no token): `phone` and the `phone_code` sent to it by `POST /persons/phone-codes`, a
    password, and name + ID number, which identity checks against the population register (人口库实名核验)
    through the exchange under its registered duty (the read shows in the person's "who read my data").
    The account starts at real-name level 2. The answer is 202 and the same whether or not the number
    was
    registered before; the holder of an existing account gets an SMS instead. A name and number the
    register
    does not confirm: 403 `identity_not_verified` (the code is spent); the register unreachable: 503
    `verification_unavailable`, nothing written.

    At a window (窗口人员, in person): 201 with the person at level 3; the password may be left out.

    Args:
        body (IdentityPersonIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityPersonOut | IdentityRegistrationOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
