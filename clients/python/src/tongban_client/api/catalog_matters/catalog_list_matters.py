from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.catalog_matter_page import CatalogMatterPage
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    q: None | str | Unset = UNSET,
    department: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_department: None | str | Unset
    if isinstance(department, Unset):
        json_department = UNSET
    else:
        json_department = department
    params["department"] = json_department

    params["limit"] = limit

    params["offset"] = offset


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/catalog/matters",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CatalogMatterPage | Problem | None:
    if response.status_code == 200:
        response_200 = CatalogMatterPage.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CatalogMatterPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    department: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,

) -> Response[CatalogMatterPage | Problem]:
    """ List Matters

     Matters in force today (已发布事项), anyone may read. For ranked full-text search use `/search`.

    Args:
        q (None | str | Unset): words in the matter name
        department (None | str | Unset): department code (实施主体)
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CatalogMatterPage | Problem]
     """


    kwargs = _get_kwargs(
        q=q,
department=department,
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
    q: None | str | Unset = UNSET,
    department: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,

) -> CatalogMatterPage | Problem | None:
    """ List Matters

     Matters in force today (已发布事项), anyone may read. For ranked full-text search use `/search`.

    Args:
        q (None | str | Unset): words in the matter name
        department (None | str | Unset): department code (实施主体)
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CatalogMatterPage | Problem
     """


    return sync_detailed(
        client=client,
q=q,
department=department,
limit=limit,
offset=offset,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    department: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,

) -> Response[CatalogMatterPage | Problem]:
    """ List Matters

     Matters in force today (已发布事项), anyone may read. For ranked full-text search use `/search`.

    Args:
        q (None | str | Unset): words in the matter name
        department (None | str | Unset): department code (实施主体)
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CatalogMatterPage | Problem]
     """


    kwargs = _get_kwargs(
        q=q,
department=department,
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
    q: None | str | Unset = UNSET,
    department: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,

) -> CatalogMatterPage | Problem | None:
    """ List Matters

     Matters in force today (已发布事项), anyone may read. For ranked full-text search use `/search`.

    Args:
        q (None | str | Unset): words in the matter name
        department (None | str | Unset): department code (实施主体)
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CatalogMatterPage | Problem
     """


    return (await asyncio_detailed(
        client=client,
q=q,
department=department,
limit=limit,
offset=offset,

    )).parsed
