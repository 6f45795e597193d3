from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.identity_http_validation_error import IdentityHTTPValidationError
from ...models.identity_organization_detail import IdentityOrganizationDetail
from ...models.identity_problem import IdentityProblem
from typing import cast



def _get_kwargs(
    code: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/identity/organizations/{code}".format(code=quote(str(code), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IdentityHTTPValidationError | IdentityOrganizationDetail | IdentityProblem | None:
    if response.status_code == 200:
        response_200 = IdentityOrganizationDetail.from_dict(response.json())



        return response_200

    if response.status_code == 404:
        response_404 = IdentityProblem.from_dict(response.json())



        return response_404

    if response.status_code == 422:
        response_422 = IdentityHTTPValidationError.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[IdentityHTTPValidationError | IdentityOrganizationDetail | IdentityProblem]:
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

) -> Response[IdentityHTTPValidationError | IdentityOrganizationDetail | IdentityProblem]:
    """ Get Organization

     One organization with its path to the root (组织详情). Public.

    Args:
        code (str): organization code (组织代码)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityHTTPValidationError | IdentityOrganizationDetail | IdentityProblem]
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

) -> IdentityHTTPValidationError | IdentityOrganizationDetail | IdentityProblem | None:
    """ Get Organization

     One organization with its path to the root (组织详情). Public.

    Args:
        code (str): organization code (组织代码)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityHTTPValidationError | IdentityOrganizationDetail | IdentityProblem
     """


    return sync_detailed(
        code=code,
client=client,

    ).parsed

async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[IdentityHTTPValidationError | IdentityOrganizationDetail | IdentityProblem]:
    """ Get Organization

     One organization with its path to the root (组织详情). Public.

    Args:
        code (str): organization code (组织代码)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityHTTPValidationError | IdentityOrganizationDetail | IdentityProblem]
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

) -> IdentityHTTPValidationError | IdentityOrganizationDetail | IdentityProblem | None:
    """ Get Organization

     One organization with its path to the root (组织详情). Public.

    Args:
        code (str): organization code (组织代码)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityHTTPValidationError | IdentityOrganizationDetail | IdentityProblem
     """


    return (await asyncio_detailed(
        code=code,
client=client,

    )).parsed
