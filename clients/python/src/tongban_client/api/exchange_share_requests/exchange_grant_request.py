from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.exchange_answer_in import ExchangeAnswerIn
from ...models.exchange_problem import ExchangeProblem
from ...models.exchange_request_out import ExchangeRequestOut
from typing import cast
from uuid import UUID



def _get_kwargs(
    request_id: UUID,
    *,
    body: ExchangeAnswerIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/exchange/share-requests/{request_id}/grant".format(request_id=quote(str(request_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ExchangeProblem | ExchangeRequestOut | None:
    if response.status_code == 200:
        response_200 = ExchangeRequestOut.from_dict(response.json())



        return response_200

    if response.status_code == 403:
        response_403 = ExchangeProblem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = ExchangeProblem.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = ExchangeProblem.from_dict(response.json())



        return response_409

    if response.status_code == 422:
        response_422 = ExchangeProblem.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ExchangeProblem | ExchangeRequestOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    request_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ExchangeAnswerIn,

) -> Response[ExchangeProblem | ExchangeRequestOut]:
    """ Grant Request

     Grant (授权), optionally fewer items or a shorter validity (provider only).

    Args:
        request_id (UUID):
        body (ExchangeAnswerIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExchangeProblem | ExchangeRequestOut]
     """


    kwargs = _get_kwargs(
        request_id=request_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    request_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ExchangeAnswerIn,

) -> ExchangeProblem | ExchangeRequestOut | None:
    """ Grant Request

     Grant (授权), optionally fewer items or a shorter validity (provider only).

    Args:
        request_id (UUID):
        body (ExchangeAnswerIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExchangeProblem | ExchangeRequestOut
     """


    return sync_detailed(
        request_id=request_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    request_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ExchangeAnswerIn,

) -> Response[ExchangeProblem | ExchangeRequestOut]:
    """ Grant Request

     Grant (授权), optionally fewer items or a shorter validity (provider only).

    Args:
        request_id (UUID):
        body (ExchangeAnswerIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExchangeProblem | ExchangeRequestOut]
     """


    kwargs = _get_kwargs(
        request_id=request_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    request_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ExchangeAnswerIn,

) -> ExchangeProblem | ExchangeRequestOut | None:
    """ Grant Request

     Grant (授权), optionally fewer items or a shorter validity (provider only).

    Args:
        request_id (UUID):
        body (ExchangeAnswerIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExchangeProblem | ExchangeRequestOut
     """


    return (await asyncio_detailed(
        request_id=request_id,
client=client,
body=body,

    )).parsed
