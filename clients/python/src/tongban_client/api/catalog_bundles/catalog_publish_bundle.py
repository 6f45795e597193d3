from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.catalog_bundle_out import CatalogBundleOut
from ...models.catalog_problem import CatalogProblem
from typing import cast



def _get_kwargs(
    bundle_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/catalog/bundles/{bundle_id}/publish".format(bundle_id=quote(str(bundle_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CatalogBundleOut | CatalogProblem | None:
    if response.status_code == 200:
        response_200 = CatalogBundleOut.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = CatalogProblem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = CatalogProblem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = CatalogProblem.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = CatalogProblem.from_dict(response.json())



        return response_409

    if response.status_code == 422:
        response_422 = CatalogProblem.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CatalogBundleOut | CatalogProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    bundle_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[CatalogBundleOut | CatalogProblem]:
    """ Publish Bundle

     Publish (发布); reviewers. Members must be published. Announces `catalog.bundle_published.v1`.

    Args:
        bundle_id (str): bundle version id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CatalogBundleOut | CatalogProblem]
     """


    kwargs = _get_kwargs(
        bundle_id=bundle_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    bundle_id: str,
    *,
    client: AuthenticatedClient,

) -> CatalogBundleOut | CatalogProblem | None:
    """ Publish Bundle

     Publish (发布); reviewers. Members must be published. Announces `catalog.bundle_published.v1`.

    Args:
        bundle_id (str): bundle version id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CatalogBundleOut | CatalogProblem
     """


    return sync_detailed(
        bundle_id=bundle_id,
client=client,

    ).parsed

async def asyncio_detailed(
    bundle_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[CatalogBundleOut | CatalogProblem]:
    """ Publish Bundle

     Publish (发布); reviewers. Members must be published. Announces `catalog.bundle_published.v1`.

    Args:
        bundle_id (str): bundle version id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CatalogBundleOut | CatalogProblem]
     """


    kwargs = _get_kwargs(
        bundle_id=bundle_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    bundle_id: str,
    *,
    client: AuthenticatedClient,

) -> CatalogBundleOut | CatalogProblem | None:
    """ Publish Bundle

     Publish (发布); reviewers. Members must be published. Announces `catalog.bundle_published.v1`.

    Args:
        bundle_id (str): bundle version id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CatalogBundleOut | CatalogProblem
     """


    return (await asyncio_detailed(
        bundle_id=bundle_id,
client=client,

    )).parsed
