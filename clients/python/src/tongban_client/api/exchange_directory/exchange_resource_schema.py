from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.exchange_http_validation_error import ExchangeHTTPValidationError
from ...models.exchange_problem import ExchangeProblem
from ...models.exchange_resource_schema_response_resource_schema import ExchangeResourceSchemaResponseResourceSchema
from typing import cast



def _get_kwargs(
    code: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/exchange/resources/{code}/schema".format(code=quote(str(code), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ExchangeHTTPValidationError | ExchangeProblem | ExchangeResourceSchemaResponseResourceSchema | None:
    if response.status_code == 200:
        response_200 = ExchangeResourceSchemaResponseResourceSchema.from_dict(response.json())



        return response_200

    if response.status_code == 404:
        response_404 = ExchangeProblem.from_dict(response.json())



        return response_404

    if response.status_code == 422:
        response_422 = ExchangeHTTPValidationError.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ExchangeHTTPValidationError | ExchangeProblem | ExchangeResourceSchemaResponseResourceSchema]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[ExchangeHTTPValidationError | ExchangeProblem | ExchangeResourceSchemaResponseResourceSchema]:
    """ Resource Schema

     The JSON Schema of one record of the resource (数据项结构), as reads return it.

    Args:
        code (str): resource code (资源代码)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExchangeHTTPValidationError | ExchangeProblem | ExchangeResourceSchemaResponseResourceSchema]
     """


    kwargs = _get_kwargs(
        code=code,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    code: str,
    *,
    client: AuthenticatedClient | Client,

) -> ExchangeHTTPValidationError | ExchangeProblem | ExchangeResourceSchemaResponseResourceSchema | None:
    """ Resource Schema

     The JSON Schema of one record of the resource (数据项结构), as reads return it.

    Args:
        code (str): resource code (资源代码)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExchangeHTTPValidationError | ExchangeProblem | ExchangeResourceSchemaResponseResourceSchema
     """


    return sync_detailed(
        code=code,
client=client,

    ).parsed

async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[ExchangeHTTPValidationError | ExchangeProblem | ExchangeResourceSchemaResponseResourceSchema]:
    """ Resource Schema

     The JSON Schema of one record of the resource (数据项结构), as reads return it.

    Args:
        code (str): resource code (资源代码)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExchangeHTTPValidationError | ExchangeProblem | ExchangeResourceSchemaResponseResourceSchema]
     """


    kwargs = _get_kwargs(
        code=code,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient | Client,

) -> ExchangeHTTPValidationError | ExchangeProblem | ExchangeResourceSchemaResponseResourceSchema | None:
    """ Resource Schema

     The JSON Schema of one record of the resource (数据项结构), as reads return it.

    Args:
        code (str): resource code (资源代码)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExchangeHTTPValidationError | ExchangeProblem | ExchangeResourceSchemaResponseResourceSchema
     """


    return (await asyncio_detailed(
        code=code,
client=client,

    )).parsed
