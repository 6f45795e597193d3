from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.identity_reclaim_out import IdentityReclaimOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    enterprise_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/identity/enterprises/{enterprise_id}/reclaim".format(enterprise_id=quote(str(enterprise_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IdentityReclaimOut | Problem | None:
    if response.status_code == 200:
        response_200 = IdentityReclaimOut.from_dict(response.json())



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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if response.status_code == 502:
        response_502 = Problem.from_dict(response.json())



        return response_502

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())



        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[IdentityReclaimOut | Problem]:
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

) -> Response[IdentityReclaimOut | Problem]:
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
        Response[IdentityReclaimOut | Problem]
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

) -> IdentityReclaimOut | Problem | None:
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
        IdentityReclaimOut | Problem
     """


    return sync_detailed(
        enterprise_id=enterprise_id,
client=client,

    ).parsed

async def asyncio_detailed(
    enterprise_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[IdentityReclaimOut | Problem]:
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
        Response[IdentityReclaimOut | Problem]
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

) -> IdentityReclaimOut | Problem | None:
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
        IdentityReclaimOut | Problem
     """


    return (await asyncio_detailed(
        enterprise_id=enterprise_id,
client=client,

    )).parsed
