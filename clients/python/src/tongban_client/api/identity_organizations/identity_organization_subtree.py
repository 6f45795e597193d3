from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.identity_organization_kind import IdentityOrganizationKind
from ...models.identity_subtree_node import IdentitySubtreeNode
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    code: str,
    *,
    kind: IdentityOrganizationKind | None | Unset = UNSET,
    valid_on: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 1000,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, IdentityOrganizationKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_valid_on: None | str | Unset
    if isinstance(valid_on, Unset):
        json_valid_on = UNSET
    elif isinstance(valid_on, datetime.date):
        json_valid_on = valid_on.isoformat()
    else:
        json_valid_on = valid_on
    params["valid_on"] = json_valid_on

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/identity/organizations/{code}/subtree".format(code=quote(str(code), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | list[IdentitySubtreeNode] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = IdentitySubtreeNode.from_dict(response_200_item_data)



            response_200.append(response_200_item)

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | list[IdentitySubtreeNode]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    kind: IdentityOrganizationKind | None | Unset = UNSET,
    valid_on: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 1000,

) -> Response[Problem | list[IdentitySubtreeNode]]:
    """ Organization Subtree

     The organization and everything below it, level by level (下级组织). Public.

    Args:
        code (str): organization code (组织代码)
        kind (IdentityOrganizationKind | None | Unset):
        valid_on (datetime.date | None | Unset): only organizations valid on this date (e.g.
            today)
        limit (int | Unset):  Default: 1000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[IdentitySubtreeNode]]
     """


    kwargs = _get_kwargs(
        code=code,
kind=kind,
valid_on=valid_on,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    kind: IdentityOrganizationKind | None | Unset = UNSET,
    valid_on: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 1000,

) -> Problem | list[IdentitySubtreeNode] | None:
    """ Organization Subtree

     The organization and everything below it, level by level (下级组织). Public.

    Args:
        code (str): organization code (组织代码)
        kind (IdentityOrganizationKind | None | Unset):
        valid_on (datetime.date | None | Unset): only organizations valid on this date (e.g.
            today)
        limit (int | Unset):  Default: 1000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[IdentitySubtreeNode]
     """


    return sync_detailed(
        code=code,
client=client,
kind=kind,
valid_on=valid_on,
limit=limit,

    ).parsed

async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    kind: IdentityOrganizationKind | None | Unset = UNSET,
    valid_on: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 1000,

) -> Response[Problem | list[IdentitySubtreeNode]]:
    """ Organization Subtree

     The organization and everything below it, level by level (下级组织). Public.

    Args:
        code (str): organization code (组织代码)
        kind (IdentityOrganizationKind | None | Unset):
        valid_on (datetime.date | None | Unset): only organizations valid on this date (e.g.
            today)
        limit (int | Unset):  Default: 1000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[IdentitySubtreeNode]]
     """


    kwargs = _get_kwargs(
        code=code,
kind=kind,
valid_on=valid_on,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    kind: IdentityOrganizationKind | None | Unset = UNSET,
    valid_on: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 1000,

) -> Problem | list[IdentitySubtreeNode] | None:
    """ Organization Subtree

     The organization and everything below it, level by level (下级组织). Public.

    Args:
        code (str): organization code (组织代码)
        kind (IdentityOrganizationKind | None | Unset):
        valid_on (datetime.date | None | Unset): only organizations valid on this date (e.g.
            today)
        limit (int | Unset):  Default: 1000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[IdentitySubtreeNode]
     """


    return (await asyncio_detailed(
        code=code,
client=client,
kind=kind,
valid_on=valid_on,
limit=limit,

    )).parsed
