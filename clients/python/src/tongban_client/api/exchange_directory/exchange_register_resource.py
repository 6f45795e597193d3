from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.exchange_problem import ExchangeProblem
from ...models.exchange_resource_in import ExchangeResourceIn
from ...models.exchange_resource_out import ExchangeResourceOut
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



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ExchangeProblem | ExchangeResourceOut | None:
    if response.status_code == 200:
        response_200 = ExchangeResourceOut.from_dict(response.json())



        return response_200

    if response.status_code == 403:
        response_403 = ExchangeProblem.from_dict(response.json())



        return response_403

    if response.status_code == 422:
        response_422 = ExchangeProblem.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ExchangeProblem | ExchangeResourceOut]:
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

) -> Response[ExchangeProblem | ExchangeResourceOut]:
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
        Response[ExchangeProblem | ExchangeResourceOut]
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

) -> ExchangeProblem | ExchangeResourceOut | None:
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
        ExchangeProblem | ExchangeResourceOut
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

) -> Response[ExchangeProblem | ExchangeResourceOut]:
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
        Response[ExchangeProblem | ExchangeResourceOut]
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

) -> ExchangeProblem | ExchangeResourceOut | None:
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
        ExchangeProblem | ExchangeResourceOut
     """


    return (await asyncio_detailed(
        code=code,
client=client,
body=body,

    )).parsed
