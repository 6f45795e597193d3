from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.exchange_resource_in import ExchangeResourceIn
from ...models.exchange_resource_out import ExchangeResourceOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    code: str,
    *,
    body: ExchangeResourceIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/exchange/resources/{code}".format(code=quote(str(code), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ExchangeResourceOut | Problem | None:
    if response.status_code == 200:
        response_200 = ExchangeResourceOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ExchangeResourceOut | Problem]:
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
    body: ExchangeResourceIn,

) -> Response[ExchangeResourceOut | Problem]:
    """ Register Resource

     Register or update a resource of one's own organization (提供部门登记共享资源). Only the provider's
    administrators or its own system set, change or clear the endpoint (``endpoint_not_allowed``), which
    must
    pass the outbound policy (``endpoint_refused``) and be on a host listed for the provider
    (``endpoint_host_not_allowed``).

    Args:
        code (str): resource code (资源代码)
        body (ExchangeResourceIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExchangeResourceOut | Problem]
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
    body: ExchangeResourceIn,

) -> ExchangeResourceOut | Problem | None:
    """ Register Resource

     Register or update a resource of one's own organization (提供部门登记共享资源). Only the provider's
    administrators or its own system set, change or clear the endpoint (``endpoint_not_allowed``), which
    must
    pass the outbound policy (``endpoint_refused``) and be on a host listed for the provider
    (``endpoint_host_not_allowed``).

    Args:
        code (str): resource code (资源代码)
        body (ExchangeResourceIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExchangeResourceOut | Problem
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
    body: ExchangeResourceIn,

) -> Response[ExchangeResourceOut | Problem]:
    """ Register Resource

     Register or update a resource of one's own organization (提供部门登记共享资源). Only the provider's
    administrators or its own system set, change or clear the endpoint (``endpoint_not_allowed``), which
    must
    pass the outbound policy (``endpoint_refused``) and be on a host listed for the provider
    (``endpoint_host_not_allowed``).

    Args:
        code (str): resource code (资源代码)
        body (ExchangeResourceIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExchangeResourceOut | Problem]
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
    body: ExchangeResourceIn,

) -> ExchangeResourceOut | Problem | None:
    """ Register Resource

     Register or update a resource of one's own organization (提供部门登记共享资源). Only the provider's
    administrators or its own system set, change or clear the endpoint (``endpoint_not_allowed``), which
    must
    pass the outbound policy (``endpoint_refused``) and be on a host listed for the provider
    (``endpoint_host_not_allowed``).

    Args:
        code (str): resource code (资源代码)
        body (ExchangeResourceIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExchangeResourceOut | Problem
     """


    return (await asyncio_detailed(
        code=code,
client=client,
body=body,

    )).parsed
