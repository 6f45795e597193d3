from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.exchange_exchange_api_city_push_out import ExchangeExchangeApiCityPushOut
from ...models.exchange_receive_city_push_city_push import ExchangeReceiveCityPushCityPush
from ...models.exchange_receive_city_push_kind import ExchangeReceiveCityPushKind
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    kind: ExchangeReceiveCityPushKind,
    *,
    body: ExchangeReceiveCityPushCityPush,
    x_tongban_signature_alg: str,
    x_tongban_timestamp: str,
    x_tongban_nonce: str,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["X-Tongban-Signature-Alg"] = x_tongban_signature_alg

    headers["X-Tongban-Timestamp"] = x_tongban_timestamp

    headers["X-Tongban-Nonce"] = x_tongban_nonce



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/exchange/city-link/inbound/{kind}".format(kind=quote(str(kind), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ExchangeExchangeApiCityPushOut | Problem | None:
    if response.status_code == 202:
        response_202 = ExchangeExchangeApiCityPushOut.from_dict(response.json())



        return response_202

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ExchangeExchangeApiCityPushOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    kind: ExchangeReceiveCityPushKind,
    *,
    client: AuthenticatedClient,
    body: ExchangeReceiveCityPushCityPush,
    x_tongban_signature_alg: str,
    x_tongban_timestamp: str,
    x_tongban_nonce: str,

) -> Response[ExchangeExchangeApiCityPushOut | Problem]:
    """ Receive City Push

     回流: the city platform pushes matters or cases down, signed (SM2-SM3 or HMAC-SHA256) over
    ``timestamp\\nnonce\\nbody``; body ``{"batch": ..., "items": [...]}``.

    Args:
        kind (ExchangeReceiveCityPushKind): what is pushed down
        x_tongban_signature_alg (str):
        x_tongban_timestamp (str):
        x_tongban_nonce (str):
        body (ExchangeReceiveCityPushCityPush):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExchangeExchangeApiCityPushOut | Problem]
     """


    kwargs = _get_kwargs(
        kind=kind,
body=body,
x_tongban_signature_alg=x_tongban_signature_alg,
x_tongban_timestamp=x_tongban_timestamp,
x_tongban_nonce=x_tongban_nonce,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    kind: ExchangeReceiveCityPushKind,
    *,
    client: AuthenticatedClient,
    body: ExchangeReceiveCityPushCityPush,
    x_tongban_signature_alg: str,
    x_tongban_timestamp: str,
    x_tongban_nonce: str,

) -> ExchangeExchangeApiCityPushOut | Problem | None:
    """ Receive City Push

     回流: the city platform pushes matters or cases down, signed (SM2-SM3 or HMAC-SHA256) over
    ``timestamp\\nnonce\\nbody``; body ``{"batch": ..., "items": [...]}``.

    Args:
        kind (ExchangeReceiveCityPushKind): what is pushed down
        x_tongban_signature_alg (str):
        x_tongban_timestamp (str):
        x_tongban_nonce (str):
        body (ExchangeReceiveCityPushCityPush):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExchangeExchangeApiCityPushOut | Problem
     """


    return sync_detailed(
        kind=kind,
client=client,
body=body,
x_tongban_signature_alg=x_tongban_signature_alg,
x_tongban_timestamp=x_tongban_timestamp,
x_tongban_nonce=x_tongban_nonce,

    ).parsed

async def asyncio_detailed(
    kind: ExchangeReceiveCityPushKind,
    *,
    client: AuthenticatedClient,
    body: ExchangeReceiveCityPushCityPush,
    x_tongban_signature_alg: str,
    x_tongban_timestamp: str,
    x_tongban_nonce: str,

) -> Response[ExchangeExchangeApiCityPushOut | Problem]:
    """ Receive City Push

     回流: the city platform pushes matters or cases down, signed (SM2-SM3 or HMAC-SHA256) over
    ``timestamp\\nnonce\\nbody``; body ``{"batch": ..., "items": [...]}``.

    Args:
        kind (ExchangeReceiveCityPushKind): what is pushed down
        x_tongban_signature_alg (str):
        x_tongban_timestamp (str):
        x_tongban_nonce (str):
        body (ExchangeReceiveCityPushCityPush):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExchangeExchangeApiCityPushOut | Problem]
     """


    kwargs = _get_kwargs(
        kind=kind,
body=body,
x_tongban_signature_alg=x_tongban_signature_alg,
x_tongban_timestamp=x_tongban_timestamp,
x_tongban_nonce=x_tongban_nonce,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    kind: ExchangeReceiveCityPushKind,
    *,
    client: AuthenticatedClient,
    body: ExchangeReceiveCityPushCityPush,
    x_tongban_signature_alg: str,
    x_tongban_timestamp: str,
    x_tongban_nonce: str,

) -> ExchangeExchangeApiCityPushOut | Problem | None:
    """ Receive City Push

     回流: the city platform pushes matters or cases down, signed (SM2-SM3 or HMAC-SHA256) over
    ``timestamp\\nnonce\\nbody``; body ``{"batch": ..., "items": [...]}``.

    Args:
        kind (ExchangeReceiveCityPushKind): what is pushed down
        x_tongban_signature_alg (str):
        x_tongban_timestamp (str):
        x_tongban_nonce (str):
        body (ExchangeReceiveCityPushCityPush):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExchangeExchangeApiCityPushOut | Problem
     """


    return (await asyncio_detailed(
        kind=kind,
client=client,
body=body,
x_tongban_signature_alg=x_tongban_signature_alg,
x_tongban_timestamp=x_tongban_timestamp,
x_tongban_nonce=x_tongban_nonce,

    )).parsed
