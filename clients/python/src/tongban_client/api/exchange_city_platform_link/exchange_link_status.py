from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.exchange_link_status import ExchangeLinkStatus
from ...models.exchange_problem import ExchangeProblem
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/exchange/city-link/status",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ExchangeLinkStatus | ExchangeProblem | None:
    if response.status_code == 200:
        response_200 = ExchangeLinkStatus.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = ExchangeProblem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = ExchangeProblem.from_dict(response.json())



        return response_403

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ExchangeLinkStatus | ExchangeProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,

) -> Response[ExchangeLinkStatus | ExchangeProblem]:
    """ Link Status

     Backlog, lag and dead letters of the delivery to the city platform (operators).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExchangeLinkStatus | ExchangeProblem]
     """


    kwargs = _get_kwargs(
        
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,

) -> ExchangeLinkStatus | ExchangeProblem | None:
    """ Link Status

     Backlog, lag and dead letters of the delivery to the city platform (operators).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExchangeLinkStatus | ExchangeProblem
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,

) -> Response[ExchangeLinkStatus | ExchangeProblem]:
    """ Link Status

     Backlog, lag and dead letters of the delivery to the city platform (operators).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExchangeLinkStatus | ExchangeProblem]
     """


    kwargs = _get_kwargs(
        
    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,

) -> ExchangeLinkStatus | ExchangeProblem | None:
    """ Link Status

     Backlog, lag and dead letters of the delivery to the city platform (operators).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExchangeLinkStatus | ExchangeProblem
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
