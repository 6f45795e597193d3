from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.identity_http_validation_error import IdentityHTTPValidationError
from ...models.identity_problem import IdentityProblem
from ...models.identity_reclaim_out import IdentityReclaimOut
from typing import cast



def _get_kwargs(
    enterprise_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/identity/enterprises/{enterprise_id}/reclaim".format(enterprise_id=quote(str(enterprise_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IdentityHTTPValidationError | IdentityProblem | IdentityReclaimOut | None:
    if response.status_code == 200:
        response_200 = IdentityReclaimOut.from_dict(response.json())



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

    if response.status_code == 503:
        response_503 = IdentityProblem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[IdentityHTTPValidationError | IdentityProblem | IdentityReclaimOut]:
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

) -> Response[IdentityHTTPValidationError | IdentityProblem | IdentityReclaimOut]:
    """ Reclaim

     Reclaim an enterprise claimed wrongly (企业账号找回), by an administrator (管理员) with the real legal
    representative before them: identity reads the 法人 record again and hands the enterprise to the
    registered
    person it names; the previous claimant's agents lose their power and every open enterprise login for
    it
    ends (sessions, refresh tokens, access tokens issued in them). 409 `representative_not_registered`
    when that
    person has no account yet, `already_with_representative` when nothing is to be done.

    Args:
        enterprise_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityHTTPValidationError | IdentityProblem | IdentityReclaimOut]
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

) -> IdentityHTTPValidationError | IdentityProblem | IdentityReclaimOut | None:
    """ Reclaim

     Reclaim an enterprise claimed wrongly (企业账号找回), by an administrator (管理员) with the real legal
    representative before them: identity reads the 法人 record again and hands the enterprise to the
    registered
    person it names; the previous claimant's agents lose their power and every open enterprise login for
    it
    ends (sessions, refresh tokens, access tokens issued in them). 409 `representative_not_registered`
    when that
    person has no account yet, `already_with_representative` when nothing is to be done.

    Args:
        enterprise_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityHTTPValidationError | IdentityProblem | IdentityReclaimOut
     """


    return sync_detailed(
        enterprise_id=enterprise_id,
client=client,

    ).parsed

async def asyncio_detailed(
    enterprise_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[IdentityHTTPValidationError | IdentityProblem | IdentityReclaimOut]:
    """ Reclaim

     Reclaim an enterprise claimed wrongly (企业账号找回), by an administrator (管理员) with the real legal
    representative before them: identity reads the 法人 record again and hands the enterprise to the
    registered
    person it names; the previous claimant's agents lose their power and every open enterprise login for
    it
    ends (sessions, refresh tokens, access tokens issued in them). 409 `representative_not_registered`
    when that
    person has no account yet, `already_with_representative` when nothing is to be done.

    Args:
        enterprise_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityHTTPValidationError | IdentityProblem | IdentityReclaimOut]
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

) -> IdentityHTTPValidationError | IdentityProblem | IdentityReclaimOut | None:
    """ Reclaim

     Reclaim an enterprise claimed wrongly (企业账号找回), by an administrator (管理员) with the real legal
    representative before them: identity reads the 法人 record again and hands the enterprise to the
    registered
    person it names; the previous claimant's agents lose their power and every open enterprise login for
    it
    ends (sessions, refresh tokens, access tokens issued in them). 409 `representative_not_registered`
    when that
    person has no account yet, `already_with_representative` when nothing is to be done.

    Args:
        enterprise_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityHTTPValidationError | IdentityProblem | IdentityReclaimOut
     """


    return (await asyncio_detailed(
        enterprise_id=enterprise_id,
client=client,

    )).parsed
