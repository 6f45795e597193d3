from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.exchange_system_in import ExchangeSystemIn
from ...models.exchange_system_out import ExchangeSystemOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    code: str,
    client_id: str,
    *,
    body: ExchangeSystemIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/exchange/members/{code}/systems/{client_id}".format(code=quote(str(code), safe=""),client_id=quote(str(client_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | list[ExchangeSystemOut] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = ExchangeSystemOut.from_dict(response_200_item_data)



            response_200.append(response_200_item)

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

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())



        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | list[ExchangeSystemOut]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    client_id: str,
    *,
    client: AuthenticatedClient,
    body: ExchangeSystemIn,

) -> Response[Problem | list[ExchangeSystemOut]]:
    """ Put Member System

     Enter or rename one of the member's systems by identity's client id and name (operators only): "who
    read
    my data" then shows a read by this client under this name. Returns the member's systems.

    Args:
        code (str): member code (成员单位代码)
        client_id (str): identity's client id (接入系统标识), as tokens carry it
        body (ExchangeSystemIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[ExchangeSystemOut]]
     """


    kwargs = _get_kwargs(
        code=code,
client_id=client_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    code: str,
    client_id: str,
    *,
    client: AuthenticatedClient,
    body: ExchangeSystemIn,

) -> Problem | list[ExchangeSystemOut] | None:
    """ Put Member System

     Enter or rename one of the member's systems by identity's client id and name (operators only): "who
    read
    my data" then shows a read by this client under this name. Returns the member's systems.

    Args:
        code (str): member code (成员单位代码)
        client_id (str): identity's client id (接入系统标识), as tokens carry it
        body (ExchangeSystemIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[ExchangeSystemOut]
     """


    return sync_detailed(
        code=code,
client_id=client_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    code: str,
    client_id: str,
    *,
    client: AuthenticatedClient,
    body: ExchangeSystemIn,

) -> Response[Problem | list[ExchangeSystemOut]]:
    """ Put Member System

     Enter or rename one of the member's systems by identity's client id and name (operators only): "who
    read
    my data" then shows a read by this client under this name. Returns the member's systems.

    Args:
        code (str): member code (成员单位代码)
        client_id (str): identity's client id (接入系统标识), as tokens carry it
        body (ExchangeSystemIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[ExchangeSystemOut]]
     """


    kwargs = _get_kwargs(
        code=code,
client_id=client_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    code: str,
    client_id: str,
    *,
    client: AuthenticatedClient,
    body: ExchangeSystemIn,

) -> Problem | list[ExchangeSystemOut] | None:
    """ Put Member System

     Enter or rename one of the member's systems by identity's client id and name (operators only): "who
    read
    my data" then shows a read by this client under this name. Returns the member's systems.

    Args:
        code (str): member code (成员单位代码)
        client_id (str): identity's client id (接入系统标识), as tokens carry it
        body (ExchangeSystemIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[ExchangeSystemOut]
     """


    return (await asyncio_detailed(
        code=code,
client_id=client_id,
client=client,
body=body,

    )).parsed
