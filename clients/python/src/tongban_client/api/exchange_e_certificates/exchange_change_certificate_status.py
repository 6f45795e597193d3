from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.exchange_certificate_out import ExchangeCertificateOut
from ...models.exchange_status_in import ExchangeStatusIn
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    identifier: str,
    *,
    body: ExchangeStatusIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/exchange/certificates/{identifier}/status".format(identifier=quote(str(identifier), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ExchangeCertificateOut | Problem | None:
    if response.status_code == 200:
        response_200 = ExchangeCertificateOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ExchangeCertificateOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    identifier: str,
    *,
    client: AuthenticatedClient,
    body: ExchangeStatusIn,

) -> Response[ExchangeCertificateOut | Problem]:
    """ Change Certificate Status

     Change the status (暂扣, 撤销, 注销, 失效, 吊销, or back to 有效 from 暂扣; issuer only).

    Args:
        identifier (str): GB/T 36904 identifier (证照标识)
        body (ExchangeStatusIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExchangeCertificateOut | Problem]
     """


    kwargs = _get_kwargs(
        identifier=identifier,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    identifier: str,
    *,
    client: AuthenticatedClient,
    body: ExchangeStatusIn,

) -> ExchangeCertificateOut | Problem | None:
    """ Change Certificate Status

     Change the status (暂扣, 撤销, 注销, 失效, 吊销, or back to 有效 from 暂扣; issuer only).

    Args:
        identifier (str): GB/T 36904 identifier (证照标识)
        body (ExchangeStatusIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExchangeCertificateOut | Problem
     """


    return sync_detailed(
        identifier=identifier,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    identifier: str,
    *,
    client: AuthenticatedClient,
    body: ExchangeStatusIn,

) -> Response[ExchangeCertificateOut | Problem]:
    """ Change Certificate Status

     Change the status (暂扣, 撤销, 注销, 失效, 吊销, or back to 有效 from 暂扣; issuer only).

    Args:
        identifier (str): GB/T 36904 identifier (证照标识)
        body (ExchangeStatusIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExchangeCertificateOut | Problem]
     """


    kwargs = _get_kwargs(
        identifier=identifier,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    identifier: str,
    *,
    client: AuthenticatedClient,
    body: ExchangeStatusIn,

) -> ExchangeCertificateOut | Problem | None:
    """ Change Certificate Status

     Change the status (暂扣, 撤销, 注销, 失效, 吊销, or back to 有效 from 暂扣; issuer only).

    Args:
        identifier (str): GB/T 36904 identifier (证照标识)
        body (ExchangeStatusIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExchangeCertificateOut | Problem
     """


    return (await asyncio_detailed(
        identifier=identifier,
client=client,
body=body,

    )).parsed
