from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.cases_case_page import CasesCasePage
from ...models.cases_case_status import CasesCaseStatus
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    statuses: list[CasesCaseStatus] | None | Unset = UNSET,
    due_before: datetime.date | None | Unset = UNSET,
    overdue: bool | Unset = False,
    limit: int | Unset = 20,
    offset: int | Unset = 0,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_statuses: list[str] | None | Unset
    if isinstance(statuses, Unset):
        json_statuses = UNSET
    elif isinstance(statuses, list):
        json_statuses = []
        for statuses_type_0_item_data in statuses:
            statuses_type_0_item = statuses_type_0_item_data.value
            json_statuses.append(statuses_type_0_item)


    else:
        json_statuses = statuses
    params["statuses"] = json_statuses

    json_due_before: None | str | Unset
    if isinstance(due_before, Unset):
        json_due_before = UNSET
    elif isinstance(due_before, datetime.date):
        json_due_before = due_before.isoformat()
    else:
        json_due_before = due_before
    params["due_before"] = json_due_before

    params["overdue"] = overdue

    params["limit"] = limit

    params["offset"] = offset


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/cases/queue",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CasesCasePage | Problem | None:
    if response.status_code == 200:
        response_200 = CasesCasePage.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CasesCasePage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    statuses: list[CasesCaseStatus] | None | Unset = UNSET,
    due_before: datetime.date | None | Unset = UNSET,
    overdue: bool | Unset = False,
    limit: int | Unset = 20,
    offset: int | Unset = 0,

) -> Response[CasesCasePage | Problem]:
    """ Work Queue

     Cases the caller's organization handles, received, or accepts as a hall (forwarded to its window),
    soonest
    promised first: the open ones (待办) unless `statuses` asks for others (e.g. `approved`). A case not
    yet
    accepted sorts by its `expected_due_date` (the promised date if accepted today), beside accepted
    ones' due
    dates. Totals are exact up to 10,000 (`total_exact`).

    Args:
        statuses (list[CasesCaseStatus] | None | Unset): filter by status (办件状态)
        due_before (datetime.date | None | Unset):
        overdue (bool | Unset):  Default: False.
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CasesCasePage | Problem]
     """


    kwargs = _get_kwargs(
        statuses=statuses,
due_before=due_before,
overdue=overdue,
limit=limit,
offset=offset,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    statuses: list[CasesCaseStatus] | None | Unset = UNSET,
    due_before: datetime.date | None | Unset = UNSET,
    overdue: bool | Unset = False,
    limit: int | Unset = 20,
    offset: int | Unset = 0,

) -> CasesCasePage | Problem | None:
    """ Work Queue

     Cases the caller's organization handles, received, or accepts as a hall (forwarded to its window),
    soonest
    promised first: the open ones (待办) unless `statuses` asks for others (e.g. `approved`). A case not
    yet
    accepted sorts by its `expected_due_date` (the promised date if accepted today), beside accepted
    ones' due
    dates. Totals are exact up to 10,000 (`total_exact`).

    Args:
        statuses (list[CasesCaseStatus] | None | Unset): filter by status (办件状态)
        due_before (datetime.date | None | Unset):
        overdue (bool | Unset):  Default: False.
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CasesCasePage | Problem
     """


    return sync_detailed(
        client=client,
statuses=statuses,
due_before=due_before,
overdue=overdue,
limit=limit,
offset=offset,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    statuses: list[CasesCaseStatus] | None | Unset = UNSET,
    due_before: datetime.date | None | Unset = UNSET,
    overdue: bool | Unset = False,
    limit: int | Unset = 20,
    offset: int | Unset = 0,

) -> Response[CasesCasePage | Problem]:
    """ Work Queue

     Cases the caller's organization handles, received, or accepts as a hall (forwarded to its window),
    soonest
    promised first: the open ones (待办) unless `statuses` asks for others (e.g. `approved`). A case not
    yet
    accepted sorts by its `expected_due_date` (the promised date if accepted today), beside accepted
    ones' due
    dates. Totals are exact up to 10,000 (`total_exact`).

    Args:
        statuses (list[CasesCaseStatus] | None | Unset): filter by status (办件状态)
        due_before (datetime.date | None | Unset):
        overdue (bool | Unset):  Default: False.
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CasesCasePage | Problem]
     """


    kwargs = _get_kwargs(
        statuses=statuses,
due_before=due_before,
overdue=overdue,
limit=limit,
offset=offset,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    statuses: list[CasesCaseStatus] | None | Unset = UNSET,
    due_before: datetime.date | None | Unset = UNSET,
    overdue: bool | Unset = False,
    limit: int | Unset = 20,
    offset: int | Unset = 0,

) -> CasesCasePage | Problem | None:
    """ Work Queue

     Cases the caller's organization handles, received, or accepts as a hall (forwarded to its window),
    soonest
    promised first: the open ones (待办) unless `statuses` asks for others (e.g. `approved`). A case not
    yet
    accepted sorts by its `expected_due_date` (the promised date if accepted today), beside accepted
    ones' due
    dates. Totals are exact up to 10,000 (`total_exact`).

    Args:
        statuses (list[CasesCaseStatus] | None | Unset): filter by status (办件状态)
        due_before (datetime.date | None | Unset):
        overdue (bool | Unset):  Default: False.
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CasesCasePage | Problem
     """


    return (await asyncio_detailed(
        client=client,
statuses=statuses,
due_before=due_before,
overdue=overdue,
limit=limit,
offset=offset,

    )).parsed
