from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.exchange_read_of_my_data import ExchangeReadOfMyData
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    newborn_id: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    json_newborn_id: None | str | Unset
    if isinstance(newborn_id, Unset):
        json_newborn_id = UNSET
    else:
        json_newborn_id = newborn_id
    params["newborn_id"] = json_newborn_id


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/exchange/access-log/mine",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | list[ExchangeReadOfMyData] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = ExchangeReadOfMyData.from_dict(response_200_item_data)



            response_200.append(response_200_item)

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | list[ExchangeReadOfMyData]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    newborn_id: None | str | Unset = UNSET,

) -> Response[Problem | list[ExchangeReadOfMyData]]:
    """ Reads Of My Data

     Who read my data (谁查看了我的数据), newest first: every read of the caller's resident ID (a person) or
    credit code (an enterprise's login), as the hub resolved it from the identifier read — including
    reads made
    before the account existed. Entries hidden under an investigation duty appear once their date has
    passed.
    A guardian sees her newborn child's with `newborn_id` (新生儿的数据被谁查看).

    Args:
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        newborn_id (None | str | Unset): a newborn child the caller is guardian of (identity's
            records): its reads instead

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[ExchangeReadOfMyData]]
     """


    kwargs = _get_kwargs(
        limit=limit,
offset=offset,
newborn_id=newborn_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    newborn_id: None | str | Unset = UNSET,

) -> Problem | list[ExchangeReadOfMyData] | None:
    """ Reads Of My Data

     Who read my data (谁查看了我的数据), newest first: every read of the caller's resident ID (a person) or
    credit code (an enterprise's login), as the hub resolved it from the identifier read — including
    reads made
    before the account existed. Entries hidden under an investigation duty appear once their date has
    passed.
    A guardian sees her newborn child's with `newborn_id` (新生儿的数据被谁查看).

    Args:
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        newborn_id (None | str | Unset): a newborn child the caller is guardian of (identity's
            records): its reads instead

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[ExchangeReadOfMyData]
     """


    return sync_detailed(
        client=client,
limit=limit,
offset=offset,
newborn_id=newborn_id,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    newborn_id: None | str | Unset = UNSET,

) -> Response[Problem | list[ExchangeReadOfMyData]]:
    """ Reads Of My Data

     Who read my data (谁查看了我的数据), newest first: every read of the caller's resident ID (a person) or
    credit code (an enterprise's login), as the hub resolved it from the identifier read — including
    reads made
    before the account existed. Entries hidden under an investigation duty appear once their date has
    passed.
    A guardian sees her newborn child's with `newborn_id` (新生儿的数据被谁查看).

    Args:
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        newborn_id (None | str | Unset): a newborn child the caller is guardian of (identity's
            records): its reads instead

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[ExchangeReadOfMyData]]
     """


    kwargs = _get_kwargs(
        limit=limit,
offset=offset,
newborn_id=newborn_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    newborn_id: None | str | Unset = UNSET,

) -> Problem | list[ExchangeReadOfMyData] | None:
    """ Reads Of My Data

     Who read my data (谁查看了我的数据), newest first: every read of the caller's resident ID (a person) or
    credit code (an enterprise's login), as the hub resolved it from the identifier read — including
    reads made
    before the account existed. Entries hidden under an investigation duty appear once their date has
    passed.
    A guardian sees her newborn child's with `newborn_id` (新生儿的数据被谁查看).

    Args:
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        newborn_id (None | str | Unset): a newborn child the caller is guardian of (identity's
            records): its reads instead

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[ExchangeReadOfMyData]
     """


    return (await asyncio_detailed(
        client=client,
limit=limit,
offset=offset,
newborn_id=newborn_id,

    )).parsed
