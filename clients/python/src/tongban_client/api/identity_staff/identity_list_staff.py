from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.identity_staff_page import IdentityStaffPage
from ...models.identity_staff_role import IdentityStaffRole
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    organization: None | str | Unset = UNSET,
    role: IdentityStaffRole | None | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_organization: None | str | Unset
    if isinstance(organization, Unset):
        json_organization = UNSET
    else:
        json_organization = organization
    params["organization"] = json_organization

    json_role: None | str | Unset
    if isinstance(role, Unset):
        json_role = UNSET
    elif isinstance(role, IdentityStaffRole):
        json_role = role.value
    else:
        json_role = role
    params["role"] = json_role

    json_active: bool | None | Unset
    if isinstance(active, Unset):
        json_active = UNSET
    else:
        json_active = active
    params["active"] = json_active

    params["limit"] = limit

    params["offset"] = offset


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/identity/staff",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IdentityStaffPage | Problem | None:
    if response.status_code == 200:
        response_200 = IdentityStaffPage.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[IdentityStaffPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    organization: None | str | Unset = UNSET,
    role: IdentityStaffRole | None | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,

) -> Response[IdentityStaffPage | Problem]:
    """ List Staff

     Staff within the administrator's territory (工作人员列表).

    Args:
        organization (None | str | Unset):
        role (IdentityStaffRole | None | Unset):
        active (bool | None | Unset):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityStaffPage | Problem]
     """


    kwargs = _get_kwargs(
        organization=organization,
role=role,
active=active,
limit=limit,
offset=offset,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    organization: None | str | Unset = UNSET,
    role: IdentityStaffRole | None | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,

) -> IdentityStaffPage | Problem | None:
    """ List Staff

     Staff within the administrator's territory (工作人员列表).

    Args:
        organization (None | str | Unset):
        role (IdentityStaffRole | None | Unset):
        active (bool | None | Unset):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityStaffPage | Problem
     """


    return sync_detailed(
        client=client,
organization=organization,
role=role,
active=active,
limit=limit,
offset=offset,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    organization: None | str | Unset = UNSET,
    role: IdentityStaffRole | None | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,

) -> Response[IdentityStaffPage | Problem]:
    """ List Staff

     Staff within the administrator's territory (工作人员列表).

    Args:
        organization (None | str | Unset):
        role (IdentityStaffRole | None | Unset):
        active (bool | None | Unset):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityStaffPage | Problem]
     """


    kwargs = _get_kwargs(
        organization=organization,
role=role,
active=active,
limit=limit,
offset=offset,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    organization: None | str | Unset = UNSET,
    role: IdentityStaffRole | None | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,

) -> IdentityStaffPage | Problem | None:
    """ List Staff

     Staff within the administrator's territory (工作人员列表).

    Args:
        organization (None | str | Unset):
        role (IdentityStaffRole | None | Unset):
        active (bool | None | Unset):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityStaffPage | Problem
     """


    return (await asyncio_detailed(
        client=client,
organization=organization,
role=role,
active=active,
limit=limit,
offset=offset,

    )).parsed
