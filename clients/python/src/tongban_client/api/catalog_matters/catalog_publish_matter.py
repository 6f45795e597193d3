from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.catalog_matter_out import CatalogMatterOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    matter_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/catalog/matter-versions/{matter_id}/publish".format(matter_id=quote(str(matter_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CatalogMatterOut | Problem | None:
    if response.status_code == 200:
        response_200 = CatalogMatterOut.from_dict(response.json())



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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CatalogMatterOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    matter_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[CatalogMatterOut | Problem]:
    """ Publish Matter

     Publish a version in review (发布); reviewers (role `catalog_reviewer` or scope `catalog:publish`).
    Every quality rule and the validity periods are checked; a 422 problem lists every violation.
    Announces
    `catalog.matter_published.v1`.

    Args:
        matter_id (str): version id (版本标识)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CatalogMatterOut | Problem]
     """


    kwargs = _get_kwargs(
        matter_id=matter_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    matter_id: str,
    *,
    client: AuthenticatedClient,

) -> CatalogMatterOut | Problem | None:
    """ Publish Matter

     Publish a version in review (发布); reviewers (role `catalog_reviewer` or scope `catalog:publish`).
    Every quality rule and the validity periods are checked; a 422 problem lists every violation.
    Announces
    `catalog.matter_published.v1`.

    Args:
        matter_id (str): version id (版本标识)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CatalogMatterOut | Problem
     """


    return sync_detailed(
        matter_id=matter_id,
client=client,

    ).parsed

async def asyncio_detailed(
    matter_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[CatalogMatterOut | Problem]:
    """ Publish Matter

     Publish a version in review (发布); reviewers (role `catalog_reviewer` or scope `catalog:publish`).
    Every quality rule and the validity periods are checked; a 422 problem lists every violation.
    Announces
    `catalog.matter_published.v1`.

    Args:
        matter_id (str): version id (版本标识)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CatalogMatterOut | Problem]
     """


    kwargs = _get_kwargs(
        matter_id=matter_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    matter_id: str,
    *,
    client: AuthenticatedClient,

) -> CatalogMatterOut | Problem | None:
    """ Publish Matter

     Publish a version in review (发布); reviewers (role `catalog_reviewer` or scope `catalog:publish`).
    Every quality rule and the validity periods are checked; a 422 problem lists every violation.
    Announces
    `catalog.matter_published.v1`.

    Args:
        matter_id (str): version id (版本标识)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CatalogMatterOut | Problem
     """


    return (await asyncio_detailed(
        matter_id=matter_id,
client=client,

    )).parsed
