from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.cases_rectification_out import CasesRectificationOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/cases/rectifications",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | list[CasesRectificationOut] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = CasesRectificationOut.from_dict(response_200_item_data)



            response_200.append(response_200_item)

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | list[CasesRectificationOut]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,

) -> Response[Problem | list[CasesRectificationOut]]:
    """ Rectifications

     The rectification tasks the caller's department is involved in, newest first: each with the rated
    case
    (number, matter), the rating and its comment, the coordinating department and those concerned. A
    supervisor
    (督查, role ``supervisor``) reads every task of the cases in their region, read-only (steps stay with
    the
    departments).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[CasesRectificationOut]]
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

) -> Problem | list[CasesRectificationOut] | None:
    """ Rectifications

     The rectification tasks the caller's department is involved in, newest first: each with the rated
    case
    (number, matter), the rating and its comment, the coordinating department and those concerned. A
    supervisor
    (督查, role ``supervisor``) reads every task of the cases in their region, read-only (steps stay with
    the
    departments).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[CasesRectificationOut]
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,

) -> Response[Problem | list[CasesRectificationOut]]:
    """ Rectifications

     The rectification tasks the caller's department is involved in, newest first: each with the rated
    case
    (number, matter), the rating and its comment, the coordinating department and those concerned. A
    supervisor
    (督查, role ``supervisor``) reads every task of the cases in their region, read-only (steps stay with
    the
    departments).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[CasesRectificationOut]]
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

) -> Problem | list[CasesRectificationOut] | None:
    """ Rectifications

     The rectification tasks the caller's department is involved in, newest first: each with the rated
    case
    (number, matter), the rating and its comment, the coordinating department and those concerned. A
    supervisor
    (督查, role ``supervisor``) reads every task of the cases in their region, read-only (steps stay with
    the
    departments).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[CasesRectificationOut]
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
