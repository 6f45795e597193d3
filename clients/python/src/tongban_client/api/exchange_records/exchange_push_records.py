from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.exchange_exchange_api_records_push_out import ExchangeExchangeApiRecordsPushOut
from ...models.exchange_problem import ExchangeProblem
from ...models.exchange_push_in import ExchangePushIn
from typing import cast



def _get_kwargs(
    code: str,
    *,
    body: ExchangePushIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/exchange/resources/{code}/records".format(code=quote(str(code), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ExchangeExchangeApiRecordsPushOut | ExchangeProblem | None:
    if response.status_code == 200:
        response_200 = ExchangeExchangeApiRecordsPushOut.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = ExchangeProblem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = ExchangeProblem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = ExchangeProblem.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = ExchangeProblem.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = ExchangeProblem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = ExchangeProblem.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = ExchangeProblem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ExchangeExchangeApiRecordsPushOut | ExchangeProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    body: ExchangePushIn,

) -> Response[ExchangeExchangeApiRecordsPushOut | ExchangeProblem]:
    """ Push Records

     Push hosted records (库表推送), bulk or incremental: newer versions replace older ones.

    Args:
        code (str): resource code (资源代码)
        body (ExchangePushIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExchangeExchangeApiRecordsPushOut | ExchangeProblem]
     """


    kwargs = _get_kwargs(
        code=code,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    code: str,
    *,
    client: AuthenticatedClient,
    body: ExchangePushIn,

) -> ExchangeExchangeApiRecordsPushOut | ExchangeProblem | None:
    """ Push Records

     Push hosted records (库表推送), bulk or incremental: newer versions replace older ones.

    Args:
        code (str): resource code (资源代码)
        body (ExchangePushIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExchangeExchangeApiRecordsPushOut | ExchangeProblem
     """


    return sync_detailed(
        code=code,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    body: ExchangePushIn,

) -> Response[ExchangeExchangeApiRecordsPushOut | ExchangeProblem]:
    """ Push Records

     Push hosted records (库表推送), bulk or incremental: newer versions replace older ones.

    Args:
        code (str): resource code (资源代码)
        body (ExchangePushIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExchangeExchangeApiRecordsPushOut | ExchangeProblem]
     """


    kwargs = _get_kwargs(
        code=code,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient,
    body: ExchangePushIn,

) -> ExchangeExchangeApiRecordsPushOut | ExchangeProblem | None:
    """ Push Records

     Push hosted records (库表推送), bulk or incremental: newer versions replace older ones.

    Args:
        code (str): resource code (资源代码)
        body (ExchangePushIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExchangeExchangeApiRecordsPushOut | ExchangeProblem
     """


    return (await asyncio_detailed(
        code=code,
client=client,
body=body,

    )).parsed
