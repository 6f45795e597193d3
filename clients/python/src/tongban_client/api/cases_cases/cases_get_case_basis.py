from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.cases_case_basis_out import CasesCaseBasisOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    number: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/cases/case-bases/{number}".format(number=quote(str(number), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CasesCaseBasisOut | Problem | None:
    if response.status_code == 200:
        response_200 = CasesCaseBasisOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CasesCaseBasisOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    number: str,
    *,
    client: AuthenticatedClient,

) -> Response[CasesCaseBasisOut | Problem]:
    """ Get Case Basis

     Who handles the case for whom, and whether it is open (办件依据): what the exchange checks a read of a
    person's or a company's data against when the read cites this case. Systems with scope `cases:basis`
    only;
    carries ids and codes, never names or identifiers.

    Args:
        number (str): 办件编号

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CasesCaseBasisOut | Problem]
     """


    kwargs = _get_kwargs(
        number=number,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    number: str,
    *,
    client: AuthenticatedClient,

) -> CasesCaseBasisOut | Problem | None:
    """ Get Case Basis

     Who handles the case for whom, and whether it is open (办件依据): what the exchange checks a read of a
    person's or a company's data against when the read cites this case. Systems with scope `cases:basis`
    only;
    carries ids and codes, never names or identifiers.

    Args:
        number (str): 办件编号

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CasesCaseBasisOut | Problem
     """


    return sync_detailed(
        number=number,
client=client,

    ).parsed

async def asyncio_detailed(
    number: str,
    *,
    client: AuthenticatedClient,

) -> Response[CasesCaseBasisOut | Problem]:
    """ Get Case Basis

     Who handles the case for whom, and whether it is open (办件依据): what the exchange checks a read of a
    person's or a company's data against when the read cites this case. Systems with scope `cases:basis`
    only;
    carries ids and codes, never names or identifiers.

    Args:
        number (str): 办件编号

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CasesCaseBasisOut | Problem]
     """


    kwargs = _get_kwargs(
        number=number,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    number: str,
    *,
    client: AuthenticatedClient,

) -> CasesCaseBasisOut | Problem | None:
    """ Get Case Basis

     Who handles the case for whom, and whether it is open (办件依据): what the exchange checks a read of a
    person's or a company's data against when the read cites this case. Systems with scope `cases:basis`
    only;
    carries ids and codes, never names or identifiers.

    Args:
        number (str): 办件编号

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CasesCaseBasisOut | Problem
     """


    return (await asyncio_detailed(
        number=number,
client=client,

    )).parsed
