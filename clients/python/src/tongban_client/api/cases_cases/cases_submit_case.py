from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.cases_application_in import CasesApplicationIn
from ...models.cases_submitted_case_out import CasesSubmittedCaseOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: CasesApplicationIn,
    idempotency_key: str,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["idempotency-key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/cases/cases",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | CasesSubmittedCaseOut | Problem | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 201:
        response_201 = CasesSubmittedCaseOut.from_dict(response.json())



        return response_201

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | CasesSubmittedCaseOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CasesApplicationIn,
    idempotency_key: str,

) -> Response[Any | CasesSubmittedCaseOut | Problem]:
    """ Submit Case

     Apply (申报) for a published matter or 一件事 bundle, online or at a window on someone's behalf (代办).

    The matter (or bundle) version is pinned. A bundle makes a parent case (lead department, combined
    time
    limit, merged materials) with one member case per member matter, reviewed by each department in
    parallel.
    A retry with the same `Idempotency-Key` returns the same case (200).

    Args:
        idempotency_key (str): a new random value (e.g. a UUID) per application, the same on every
            retry of it (幂等键): a retry then returns the case the first attempt created instead of
            filing twice
        body (CasesApplicationIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CasesSubmittedCaseOut | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: CasesApplicationIn,
    idempotency_key: str,

) -> Any | CasesSubmittedCaseOut | Problem | None:
    """ Submit Case

     Apply (申报) for a published matter or 一件事 bundle, online or at a window on someone's behalf (代办).

    The matter (or bundle) version is pinned. A bundle makes a parent case (lead department, combined
    time
    limit, merged materials) with one member case per member matter, reviewed by each department in
    parallel.
    A retry with the same `Idempotency-Key` returns the same case (200).

    Args:
        idempotency_key (str): a new random value (e.g. a UUID) per application, the same on every
            retry of it (幂等键): a retry then returns the case the first attempt created instead of
            filing twice
        body (CasesApplicationIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CasesSubmittedCaseOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CasesApplicationIn,
    idempotency_key: str,

) -> Response[Any | CasesSubmittedCaseOut | Problem]:
    """ Submit Case

     Apply (申报) for a published matter or 一件事 bundle, online or at a window on someone's behalf (代办).

    The matter (or bundle) version is pinned. A bundle makes a parent case (lead department, combined
    time
    limit, merged materials) with one member case per member matter, reviewed by each department in
    parallel.
    A retry with the same `Idempotency-Key` returns the same case (200).

    Args:
        idempotency_key (str): a new random value (e.g. a UUID) per application, the same on every
            retry of it (幂等键): a retry then returns the case the first attempt created instead of
            filing twice
        body (CasesApplicationIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CasesSubmittedCaseOut | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CasesApplicationIn,
    idempotency_key: str,

) -> Any | CasesSubmittedCaseOut | Problem | None:
    """ Submit Case

     Apply (申报) for a published matter or 一件事 bundle, online or at a window on someone's behalf (代办).

    The matter (or bundle) version is pinned. A bundle makes a parent case (lead department, combined
    time
    limit, merged materials) with one member case per member matter, reviewed by each department in
    parallel.
    A retry with the same `Idempotency-Key` returns the same case (200).

    Args:
        idempotency_key (str): a new random value (e.g. a UUID) per application, the same on every
            retry of it (幂等键): a retry then returns the case the first attempt created instead of
            filing twice
        body (CasesApplicationIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CasesSubmittedCaseOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
