from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.exchange_http_validation_error import ExchangeHTTPValidationError
from ...models.exchange_problem import ExchangeProblem
from ...models.exchange_replay_in import ExchangeReplayIn
from ...models.exchange_replay_out import ExchangeReplayOut
from typing import cast



def _get_kwargs(
    *,
    body: ExchangeReplayIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/exchange/city-link/replay",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ExchangeHTTPValidationError | ExchangeProblem | ExchangeReplayOut | None:
    if response.status_code == 200:
        response_200 = ExchangeReplayOut.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = ExchangeProblem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = ExchangeProblem.from_dict(response.json())



        return response_403

    if response.status_code == 422:
        response_422 = ExchangeHTTPValidationError.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ExchangeHTTPValidationError | ExchangeProblem | ExchangeReplayOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ExchangeReplayIn,

) -> Response[ExchangeHTTPValidationError | ExchangeProblem | ExchangeReplayOut]:
    """ Replay City Records

     Put dead records back in line, in their original order per case (operators).

    Args:
        body (ExchangeReplayIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExchangeHTTPValidationError | ExchangeProblem | ExchangeReplayOut]
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
    body: ExchangeReplayIn,

) -> ExchangeHTTPValidationError | ExchangeProblem | ExchangeReplayOut | None:
    """ Replay City Records

     Put dead records back in line, in their original order per case (operators).

    Args:
        body (ExchangeReplayIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExchangeHTTPValidationError | ExchangeProblem | ExchangeReplayOut
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ExchangeReplayIn,

) -> Response[ExchangeHTTPValidationError | ExchangeProblem | ExchangeReplayOut]:
    """ Replay City Records

     Put dead records back in line, in their original order per case (operators).

    Args:
        body (ExchangeReplayIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExchangeHTTPValidationError | ExchangeProblem | ExchangeReplayOut]
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
    body: ExchangeReplayIn,

) -> ExchangeHTTPValidationError | ExchangeProblem | ExchangeReplayOut | None:
    """ Replay City Records

     Put dead records back in line, in their original order per case (operators).

    Args:
        body (ExchangeReplayIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExchangeHTTPValidationError | ExchangeProblem | ExchangeReplayOut
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
