from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.exchange_batch_in import ExchangeBatchIn
from ...models.exchange_batch_out import ExchangeBatchOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: ExchangeBatchIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/exchange/reads",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ExchangeBatchOut | Problem | None:
    if response.status_code == 200:
        response_200 = ExchangeBatchOut.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ExchangeBatchOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ExchangeBatchIn,

) -> Response[ExchangeBatchOut | Problem]:
    """ Read Batch

     Many reads in one request (批量读取): record reads (`kind` = `record`) and certificate lookups (`kind` =
    `certificates`), at most 100. Each is decided, logged and answered on its own, exactly as the single
    routes
    would: the response is 200 with one result per read (its status and document, or its problem); only
    a body
    that does not parse (422) or the rate limit (429: the batch takes one token per read) refuse it
    whole.

    Args:
        body (ExchangeBatchIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExchangeBatchOut | Problem]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: ExchangeBatchIn,

) -> ExchangeBatchOut | Problem | None:
    """ Read Batch

     Many reads in one request (批量读取): record reads (`kind` = `record`) and certificate lookups (`kind` =
    `certificates`), at most 100. Each is decided, logged and answered on its own, exactly as the single
    routes
    would: the response is 200 with one result per read (its status and document, or its problem); only
    a body
    that does not parse (422) or the rate limit (429: the batch takes one token per read) refuse it
    whole.

    Args:
        body (ExchangeBatchIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExchangeBatchOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ExchangeBatchIn,

) -> Response[ExchangeBatchOut | Problem]:
    """ Read Batch

     Many reads in one request (批量读取): record reads (`kind` = `record`) and certificate lookups (`kind` =
    `certificates`), at most 100. Each is decided, logged and answered on its own, exactly as the single
    routes
    would: the response is 200 with one result per read (its status and document, or its problem); only
    a body
    that does not parse (422) or the rate limit (429: the batch takes one token per read) refuse it
    whole.

    Args:
        body (ExchangeBatchIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExchangeBatchOut | Problem]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ExchangeBatchIn,

) -> ExchangeBatchOut | Problem | None:
    """ Read Batch

     Many reads in one request (批量读取): record reads (`kind` = `record`) and certificate lookups (`kind` =
    `certificates`), at most 100. Each is decided, logged and answered on its own, exactly as the single
    routes
    would: the response is 200 with one result per read (its status and document, or its problem); only
    a body
    that does not parse (422) or the rate limit (429: the batch takes one token per read) refuse it
    whole.

    Args:
        body (ExchangeBatchIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExchangeBatchOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
