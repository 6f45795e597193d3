from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.identity_client_me import IdentityClientMe
from ...models.identity_enterprise_me import IdentityEnterpriseMe
from ...models.identity_person_me import IdentityPersonMe
from ...models.identity_staff_me import IdentityStaffMe
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/identity/me",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IdentityClientMe | IdentityEnterpriseMe | IdentityPersonMe | IdentityStaffMe | Problem | None:
    if response.status_code == 200:
        def _parse_response_200(data: object) -> IdentityClientMe | IdentityEnterpriseMe | IdentityPersonMe | IdentityStaffMe:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = IdentityPersonMe.from_dict(data)



                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_1 = IdentityEnterpriseMe.from_dict(data)



                return response_200_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_2 = IdentityStaffMe.from_dict(data)



                return response_200_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_3 = IdentityClientMe.from_dict(data)



            return response_200_type_3

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[IdentityClientMe | IdentityEnterpriseMe | IdentityPersonMe | IdentityStaffMe | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,

) -> Response[IdentityClientMe | IdentityEnterpriseMe | IdentityPersonMe | IdentityStaffMe | Problem]:
    """ Who Am I

     The token's subject (当前用户): a person's masked profile, level and enterprises; an enterprise with its
    legal representative; a staff member's organization, roles and scope; a system client's
    registration.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityClientMe | IdentityEnterpriseMe | IdentityPersonMe | IdentityStaffMe | Problem]
     """


    kwargs = _get_kwargs(
        
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,

) -> IdentityClientMe | IdentityEnterpriseMe | IdentityPersonMe | IdentityStaffMe | Problem | None:
    """ Who Am I

     The token's subject (当前用户): a person's masked profile, level and enterprises; an enterprise with its
    legal representative; a staff member's organization, roles and scope; a system client's
    registration.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityClientMe | IdentityEnterpriseMe | IdentityPersonMe | IdentityStaffMe | Problem
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,

) -> Response[IdentityClientMe | IdentityEnterpriseMe | IdentityPersonMe | IdentityStaffMe | Problem]:
    """ Who Am I

     The token's subject (当前用户): a person's masked profile, level and enterprises; an enterprise with its
    legal representative; a staff member's organization, roles and scope; a system client's
    registration.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityClientMe | IdentityEnterpriseMe | IdentityPersonMe | IdentityStaffMe | Problem]
     """


    kwargs = _get_kwargs(
        
    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,

) -> IdentityClientMe | IdentityEnterpriseMe | IdentityPersonMe | IdentityStaffMe | Problem | None:
    """ Who Am I

     The token's subject (当前用户): a person's masked profile, level and enterprises; an enterprise with its
    legal representative; a staff member's organization, roles and scope; a system client's
    registration.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityClientMe | IdentityEnterpriseMe | IdentityPersonMe | IdentityStaffMe | Problem
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
