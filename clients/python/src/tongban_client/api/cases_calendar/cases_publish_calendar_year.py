from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.cases_published_out import CasesPublishedOut
from ...models.cases_year_in import CasesYearIn
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    year: int,
    *,
    body: CasesYearIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/cases/calendar/years/{year}".format(year=quote(str(year), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CasesPublishedOut | Problem | None:
    if response.status_code == 200:
        response_200 = CasesPublishedOut.from_dict(response.json())



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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CasesPublishedOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    year: int,
    *,
    client: AuthenticatedClient,
    body: CasesYearIn,

) -> Response[CasesPublishedOut | Problem]:
    """ Publish Calendar Year

     Enter (or correct) a year's holiday notice (district administrators): the weekdays off and the
    weekend
    days worked. Replaces what was held for that year, and computes at once the due dates of open cases
    that
    were pending because the year was not published.

    Args:
        year (int): the year of the notice
        body (CasesYearIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CasesPublishedOut | Problem]
     """


    kwargs = _get_kwargs(
        year=year,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    year: int,
    *,
    client: AuthenticatedClient,
    body: CasesYearIn,

) -> CasesPublishedOut | Problem | None:
    """ Publish Calendar Year

     Enter (or correct) a year's holiday notice (district administrators): the weekdays off and the
    weekend
    days worked. Replaces what was held for that year, and computes at once the due dates of open cases
    that
    were pending because the year was not published.

    Args:
        year (int): the year of the notice
        body (CasesYearIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CasesPublishedOut | Problem
     """


    return sync_detailed(
        year=year,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    year: int,
    *,
    client: AuthenticatedClient,
    body: CasesYearIn,

) -> Response[CasesPublishedOut | Problem]:
    """ Publish Calendar Year

     Enter (or correct) a year's holiday notice (district administrators): the weekdays off and the
    weekend
    days worked. Replaces what was held for that year, and computes at once the due dates of open cases
    that
    were pending because the year was not published.

    Args:
        year (int): the year of the notice
        body (CasesYearIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CasesPublishedOut | Problem]
     """


    kwargs = _get_kwargs(
        year=year,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    year: int,
    *,
    client: AuthenticatedClient,
    body: CasesYearIn,

) -> CasesPublishedOut | Problem | None:
    """ Publish Calendar Year

     Enter (or correct) a year's holiday notice (district administrators): the weekdays off and the
    weekend
    days worked. Replaces what was held for that year, and computes at once the due dates of open cases
    that
    were pending because the year was not published.

    Args:
        year (int): the year of the notice
        body (CasesYearIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CasesPublishedOut | Problem
     """


    return (await asyncio_detailed(
        year=year,
client=client,
body=body,

    )).parsed
