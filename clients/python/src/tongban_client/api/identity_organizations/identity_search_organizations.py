from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.identity_organization_kind import IdentityOrganizationKind
from ...models.identity_organization_page import IdentityOrganizationPage
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    division_prefix: None | str | Unset = UNSET,
    kind: IdentityOrganizationKind | None | Unset = UNSET,
    name: None | str | Unset = UNSET,
    valid_on: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_division_prefix: None | str | Unset
    if isinstance(division_prefix, Unset):
        json_division_prefix = UNSET
    else:
        json_division_prefix = division_prefix
    params["division_prefix"] = json_division_prefix

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, IdentityOrganizationKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_name: None | str | Unset
    if isinstance(name, Unset):
        json_name = UNSET
    else:
        json_name = name
    params["name"] = json_name

    json_valid_on: None | str | Unset
    if isinstance(valid_on, Unset):
        json_valid_on = UNSET
    elif isinstance(valid_on, datetime.date):
        json_valid_on = valid_on.isoformat()
    else:
        json_valid_on = valid_on
    params["valid_on"] = json_valid_on

    params["limit"] = limit

    params["offset"] = offset


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/identity/organizations/search",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IdentityOrganizationPage | Problem | None:
    if response.status_code == 200:
        response_200 = IdentityOrganizationPage.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[IdentityOrganizationPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    division_prefix: None | str | Unset = UNSET,
    kind: IdentityOrganizationKind | None | Unset = UNSET,
    name: None | str | Unset = UNSET,
    valid_on: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,

) -> Response[IdentityOrganizationPage | Problem]:
    """ Search Organizations

     Search the whole tree by division prefix, kind, name and validity date (组织检索). Public.

    Args:
        division_prefix (None | str | Unset): e.g. 500110001
        kind (IdentityOrganizationKind | None | Unset):
        name (None | str | Unset): part of the name (名称关键字)
        valid_on (datetime.date | None | Unset): only organizations valid on this date (e.g.
            today)
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityOrganizationPage | Problem]
     """


    kwargs = _get_kwargs(
        division_prefix=division_prefix,
kind=kind,
name=name,
valid_on=valid_on,
limit=limit,
offset=offset,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    division_prefix: None | str | Unset = UNSET,
    kind: IdentityOrganizationKind | None | Unset = UNSET,
    name: None | str | Unset = UNSET,
    valid_on: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,

) -> IdentityOrganizationPage | Problem | None:
    """ Search Organizations

     Search the whole tree by division prefix, kind, name and validity date (组织检索). Public.

    Args:
        division_prefix (None | str | Unset): e.g. 500110001
        kind (IdentityOrganizationKind | None | Unset):
        name (None | str | Unset): part of the name (名称关键字)
        valid_on (datetime.date | None | Unset): only organizations valid on this date (e.g.
            today)
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityOrganizationPage | Problem
     """


    return sync_detailed(
        client=client,
division_prefix=division_prefix,
kind=kind,
name=name,
valid_on=valid_on,
limit=limit,
offset=offset,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    division_prefix: None | str | Unset = UNSET,
    kind: IdentityOrganizationKind | None | Unset = UNSET,
    name: None | str | Unset = UNSET,
    valid_on: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,

) -> Response[IdentityOrganizationPage | Problem]:
    """ Search Organizations

     Search the whole tree by division prefix, kind, name and validity date (组织检索). Public.

    Args:
        division_prefix (None | str | Unset): e.g. 500110001
        kind (IdentityOrganizationKind | None | Unset):
        name (None | str | Unset): part of the name (名称关键字)
        valid_on (datetime.date | None | Unset): only organizations valid on this date (e.g.
            today)
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityOrganizationPage | Problem]
     """


    kwargs = _get_kwargs(
        division_prefix=division_prefix,
kind=kind,
name=name,
valid_on=valid_on,
limit=limit,
offset=offset,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    division_prefix: None | str | Unset = UNSET,
    kind: IdentityOrganizationKind | None | Unset = UNSET,
    name: None | str | Unset = UNSET,
    valid_on: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,

) -> IdentityOrganizationPage | Problem | None:
    """ Search Organizations

     Search the whole tree by division prefix, kind, name and validity date (组织检索). Public.

    Args:
        division_prefix (None | str | Unset): e.g. 500110001
        kind (IdentityOrganizationKind | None | Unset):
        name (None | str | Unset): part of the name (名称关键字)
        valid_on (datetime.date | None | Unset): only organizations valid on this date (e.g.
            today)
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityOrganizationPage | Problem
     """


    return (await asyncio_detailed(
        client=client,
division_prefix=division_prefix,
kind=kind,
name=name,
valid_on=valid_on,
limit=limit,
offset=offset,

    )).parsed
