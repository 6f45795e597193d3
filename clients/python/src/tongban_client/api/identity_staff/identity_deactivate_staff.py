from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.identity_http_validation_error import IdentityHTTPValidationError
from ...models.identity_problem import IdentityProblem
from ...models.identity_staff_out import IdentityStaffOut
from typing import cast



def _get_kwargs(
    staff_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/identity/staff/{staff_id}/deactivate".format(staff_id=quote(str(staff_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IdentityHTTPValidationError | IdentityProblem | IdentityStaffOut | None:
    if response.status_code == 200:
        response_200 = IdentityStaffOut.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = IdentityProblem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = IdentityProblem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = IdentityProblem.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = IdentityProblem.from_dict(response.json())



        return response_409

    if response.status_code == 422:
        response_422 = IdentityHTTPValidationError.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[IdentityHTTPValidationError | IdentityProblem | IdentityStaffOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    staff_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[IdentityHTTPValidationError | IdentityProblem | IdentityStaffOut]:
    """ Deactivate Staff

     Deactivate a staff account (停用): its tokens stop working at every service within seconds.

    Args:
        staff_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityHTTPValidationError | IdentityProblem | IdentityStaffOut]
     """


    kwargs = _get_kwargs(
        staff_id=staff_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    staff_id: str,
    *,
    client: AuthenticatedClient,

) -> IdentityHTTPValidationError | IdentityProblem | IdentityStaffOut | None:
    """ Deactivate Staff

     Deactivate a staff account (停用): its tokens stop working at every service within seconds.

    Args:
        staff_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityHTTPValidationError | IdentityProblem | IdentityStaffOut
     """


    return sync_detailed(
        staff_id=staff_id,
client=client,

    ).parsed

async def asyncio_detailed(
    staff_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[IdentityHTTPValidationError | IdentityProblem | IdentityStaffOut]:
    """ Deactivate Staff

     Deactivate a staff account (停用): its tokens stop working at every service within seconds.

    Args:
        staff_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityHTTPValidationError | IdentityProblem | IdentityStaffOut]
     """


    kwargs = _get_kwargs(
        staff_id=staff_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    staff_id: str,
    *,
    client: AuthenticatedClient,

) -> IdentityHTTPValidationError | IdentityProblem | IdentityStaffOut | None:
    """ Deactivate Staff

     Deactivate a staff account (停用): its tokens stop working at every service within seconds.

    Args:
        staff_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityHTTPValidationError | IdentityProblem | IdentityStaffOut
     """


    return (await asyncio_detailed(
        staff_id=staff_id,
client=client,

    )).parsed
