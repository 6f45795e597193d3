from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.exchange_checkpoint_out import ExchangeCheckpointOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    after: int | Unset = 0,
    limit: int | Unset = 100,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["after"] = after

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/exchange/access-log/checkpoints",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | list[ExchangeCheckpointOut] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = ExchangeCheckpointOut.from_dict(response_200_item_data)



            response_200.append(response_200_item)

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | list[ExchangeCheckpointOut]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    after: int | Unset = 0,
    limit: int | Unset = 100,

) -> Response[Problem | list[ExchangeCheckpointOut]]:
    """ List Checkpoints

     The chain's signed checkpoints with the witness's receipts, oldest first (operators only: role
    `operator`,
    scope `exchange:admin`): keep a copy outside the hub, or compare them with the witness's own record.
    Auditors
    see the last checkpoint and its receipt in `GET /access-log/chain`.

    Args:
        after (int | Unset): checkpoints after this number Default: 0.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[ExchangeCheckpointOut]]
     """


    kwargs = _get_kwargs(
        after=after,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    after: int | Unset = 0,
    limit: int | Unset = 100,

) -> Problem | list[ExchangeCheckpointOut] | None:
    """ List Checkpoints

     The chain's signed checkpoints with the witness's receipts, oldest first (operators only: role
    `operator`,
    scope `exchange:admin`): keep a copy outside the hub, or compare them with the witness's own record.
    Auditors
    see the last checkpoint and its receipt in `GET /access-log/chain`.

    Args:
        after (int | Unset): checkpoints after this number Default: 0.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[ExchangeCheckpointOut]
     """


    return sync_detailed(
        client=client,
after=after,
limit=limit,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    after: int | Unset = 0,
    limit: int | Unset = 100,

) -> Response[Problem | list[ExchangeCheckpointOut]]:
    """ List Checkpoints

     The chain's signed checkpoints with the witness's receipts, oldest first (operators only: role
    `operator`,
    scope `exchange:admin`): keep a copy outside the hub, or compare them with the witness's own record.
    Auditors
    see the last checkpoint and its receipt in `GET /access-log/chain`.

    Args:
        after (int | Unset): checkpoints after this number Default: 0.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[ExchangeCheckpointOut]]
     """


    kwargs = _get_kwargs(
        after=after,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    after: int | Unset = 0,
    limit: int | Unset = 100,

) -> Problem | list[ExchangeCheckpointOut] | None:
    """ List Checkpoints

     The chain's signed checkpoints with the witness's receipts, oldest first (operators only: role
    `operator`,
    scope `exchange:admin`): keep a copy outside the hub, or compare them with the witness's own record.
    Auditors
    see the last checkpoint and its receipt in `GET /access-log/chain`.

    Args:
        after (int | Unset): checkpoints after this number Default: 0.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[ExchangeCheckpointOut]
     """


    return (await asyncio_detailed(
        client=client,
after=after,
limit=limit,

    )).parsed
