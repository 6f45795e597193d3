from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.exchange_certificate_type_in import ExchangeCertificateTypeIn
from ...models.exchange_certificate_type_out import ExchangeCertificateTypeOut
from ...models.exchange_problem import ExchangeProblem
from typing import cast



def _get_kwargs(
    code: str,
    *,
    body: ExchangeCertificateTypeIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/exchange/certificates/types/{code}".format(code=quote(str(code), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ExchangeCertificateTypeOut | ExchangeProblem | None:
    if response.status_code == 200:
        response_200 = ExchangeCertificateTypeOut.from_dict(response.json())



        return response_200

    if response.status_code == 403:
        response_403 = ExchangeProblem.from_dict(response.json())



        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ExchangeCertificateTypeOut | ExchangeProblem]:
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
    body: ExchangeCertificateTypeIn,

) -> Response[ExchangeCertificateTypeOut | ExchangeProblem]:
    """ Register Certificate Type

     Enter or replace a type of the directory (operators): its name and every alias it answers to, so
    that
    departments and the matter catalog can name it by their own short codes. A type's aliases are
    replaced
    whole; an alias already naming another type is refused (409 `alias_taken`). Certificates already
    issued
    keep the type name they were issued with. Other exchange processes see the change within
    `EXCHANGE_RESOURCE_CACHE_SECONDS`.

    Args:
        code (str): national type code (证照类型代码), 21 characters
        body (ExchangeCertificateTypeIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExchangeCertificateTypeOut | ExchangeProblem]
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
    body: ExchangeCertificateTypeIn,

) -> ExchangeCertificateTypeOut | ExchangeProblem | None:
    """ Register Certificate Type

     Enter or replace a type of the directory (operators): its name and every alias it answers to, so
    that
    departments and the matter catalog can name it by their own short codes. A type's aliases are
    replaced
    whole; an alias already naming another type is refused (409 `alias_taken`). Certificates already
    issued
    keep the type name they were issued with. Other exchange processes see the change within
    `EXCHANGE_RESOURCE_CACHE_SECONDS`.

    Args:
        code (str): national type code (证照类型代码), 21 characters
        body (ExchangeCertificateTypeIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExchangeCertificateTypeOut | ExchangeProblem
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
    body: ExchangeCertificateTypeIn,

) -> Response[ExchangeCertificateTypeOut | ExchangeProblem]:
    """ Register Certificate Type

     Enter or replace a type of the directory (operators): its name and every alias it answers to, so
    that
    departments and the matter catalog can name it by their own short codes. A type's aliases are
    replaced
    whole; an alias already naming another type is refused (409 `alias_taken`). Certificates already
    issued
    keep the type name they were issued with. Other exchange processes see the change within
    `EXCHANGE_RESOURCE_CACHE_SECONDS`.

    Args:
        code (str): national type code (证照类型代码), 21 characters
        body (ExchangeCertificateTypeIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExchangeCertificateTypeOut | ExchangeProblem]
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
    body: ExchangeCertificateTypeIn,

) -> ExchangeCertificateTypeOut | ExchangeProblem | None:
    """ Register Certificate Type

     Enter or replace a type of the directory (operators): its name and every alias it answers to, so
    that
    departments and the matter catalog can name it by their own short codes. A type's aliases are
    replaced
    whole; an alias already naming another type is refused (409 `alias_taken`). Certificates already
    issued
    keep the type name they were issued with. Other exchange processes see the change within
    `EXCHANGE_RESOURCE_CACHE_SECONDS`.

    Args:
        code (str): national type code (证照类型代码), 21 characters
        body (ExchangeCertificateTypeIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExchangeCertificateTypeOut | ExchangeProblem
     """


    return (await asyncio_detailed(
        code=code,
client=client,
body=body,

    )).parsed
