from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.identity_agent_out import IdentityAgentOut
from ...models.identity_http_validation_error import IdentityHTTPValidationError
from ...models.identity_problem import IdentityProblem
from typing import cast



def _get_kwargs(
    enterprise_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/identity/enterprises/{enterprise_id}/agents".format(enterprise_id=quote(str(enterprise_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IdentityHTTPValidationError | IdentityProblem | list[IdentityAgentOut] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = IdentityAgentOut.from_dict(response_200_item_data)



            response_200.append(response_200_item)

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

    if response.status_code == 422:
        response_422 = IdentityHTTPValidationError.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[IdentityHTTPValidationError | IdentityProblem | list[IdentityAgentOut]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    enterprise_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[IdentityHTTPValidationError | IdentityProblem | list[IdentityAgentOut]]:
    """ List Agents

     The enterprise's agents (经办人), current and past; for its legal representative.

    Args:
        enterprise_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityHTTPValidationError | IdentityProblem | list[IdentityAgentOut]]
     """


    kwargs = _get_kwargs(
        enterprise_id=enterprise_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    enterprise_id: str,
    *,
    client: AuthenticatedClient,

) -> IdentityHTTPValidationError | IdentityProblem | list[IdentityAgentOut] | None:
    """ List Agents

     The enterprise's agents (经办人), current and past; for its legal representative.

    Args:
        enterprise_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityHTTPValidationError | IdentityProblem | list[IdentityAgentOut]
     """


    return sync_detailed(
        enterprise_id=enterprise_id,
client=client,

    ).parsed

async def asyncio_detailed(
    enterprise_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[IdentityHTTPValidationError | IdentityProblem | list[IdentityAgentOut]]:
    """ List Agents

     The enterprise's agents (经办人), current and past; for its legal representative.

    Args:
        enterprise_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityHTTPValidationError | IdentityProblem | list[IdentityAgentOut]]
     """


    kwargs = _get_kwargs(
        enterprise_id=enterprise_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    enterprise_id: str,
    *,
    client: AuthenticatedClient,

) -> IdentityHTTPValidationError | IdentityProblem | list[IdentityAgentOut] | None:
    """ List Agents

     The enterprise's agents (经办人), current and past; for its legal representative.

    Args:
        enterprise_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityHTTPValidationError | IdentityProblem | list[IdentityAgentOut]
     """


    return (await asyncio_detailed(
        enterprise_id=enterprise_id,
client=client,

    )).parsed
