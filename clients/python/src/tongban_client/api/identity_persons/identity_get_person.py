from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.identity_person_out import IdentityPersonOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    person_id: str,
    *,
    reveal: bool | Unset = False,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["reveal"] = reveal


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/identity/persons/{person_id}".format(person_id=quote(str(person_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IdentityPersonOut | Problem | None:
    if response.status_code == 200:
        response_200 = IdentityPersonOut.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[IdentityPersonOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    person_id: str,
    *,
    client: AuthenticatedClient,
    reveal: bool | Unset = False,

) -> Response[IdentityPersonOut | Problem]:
    """ Get Person

     A person (自然人信息): the person themself or staff who serve applicants. Masked unless the person
    themself asks with `reveal=true`.

    Args:
        person_id (str):
        reveal (bool | Unset): the person themself may see the full ID number and phone Default:
            False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityPersonOut | Problem]
     """


    kwargs = _get_kwargs(
        person_id=person_id,
reveal=reveal,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    person_id: str,
    *,
    client: AuthenticatedClient,
    reveal: bool | Unset = False,

) -> IdentityPersonOut | Problem | None:
    """ Get Person

     A person (自然人信息): the person themself or staff who serve applicants. Masked unless the person
    themself asks with `reveal=true`.

    Args:
        person_id (str):
        reveal (bool | Unset): the person themself may see the full ID number and phone Default:
            False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityPersonOut | Problem
     """


    return sync_detailed(
        person_id=person_id,
client=client,
reveal=reveal,

    ).parsed

async def asyncio_detailed(
    person_id: str,
    *,
    client: AuthenticatedClient,
    reveal: bool | Unset = False,

) -> Response[IdentityPersonOut | Problem]:
    """ Get Person

     A person (自然人信息): the person themself or staff who serve applicants. Masked unless the person
    themself asks with `reveal=true`.

    Args:
        person_id (str):
        reveal (bool | Unset): the person themself may see the full ID number and phone Default:
            False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityPersonOut | Problem]
     """


    kwargs = _get_kwargs(
        person_id=person_id,
reveal=reveal,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    person_id: str,
    *,
    client: AuthenticatedClient,
    reveal: bool | Unset = False,

) -> IdentityPersonOut | Problem | None:
    """ Get Person

     A person (自然人信息): the person themself or staff who serve applicants. Masked unless the person
    themself asks with `reveal=true`.

    Args:
        person_id (str):
        reveal (bool | Unset): the person themself may see the full ID number and phone Default:
            False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityPersonOut | Problem
     """


    return (await asyncio_detailed(
        person_id=person_id,
client=client,
reveal=reveal,

    )).parsed
