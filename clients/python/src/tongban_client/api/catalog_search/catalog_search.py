from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.catalog_search_page import CatalogSearchPage
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    q: None | str | Unset = UNSET,
    department: list[str] | None | Unset = UNSET,
    level: list[str] | None | Unset = UNSET,
    audience: list[str] | None | Unset = UNSET,
    type_: list[str] | None | Unset = UNSET,
    online_depth: list[str] | None | Unset = UNSET,
    zero_visits: bool | None | Unset = UNSET,
    bundle: bool | None | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_department: list[str] | None | Unset
    if isinstance(department, Unset):
        json_department = UNSET
    elif isinstance(department, list):
        json_department = department


    else:
        json_department = department
    params["department"] = json_department

    json_level: list[str] | None | Unset
    if isinstance(level, Unset):
        json_level = UNSET
    elif isinstance(level, list):
        json_level = level


    else:
        json_level = level
    params["level"] = json_level

    json_audience: list[str] | None | Unset
    if isinstance(audience, Unset):
        json_audience = UNSET
    elif isinstance(audience, list):
        json_audience = audience


    else:
        json_audience = audience
    params["audience"] = json_audience

    json_type_: list[str] | None | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, list):
        json_type_ = type_


    else:
        json_type_ = type_
    params["type"] = json_type_

    json_online_depth: list[str] | None | Unset
    if isinstance(online_depth, Unset):
        json_online_depth = UNSET
    elif isinstance(online_depth, list):
        json_online_depth = online_depth


    else:
        json_online_depth = online_depth
    params["online_depth"] = json_online_depth

    json_zero_visits: bool | None | Unset
    if isinstance(zero_visits, Unset):
        json_zero_visits = UNSET
    else:
        json_zero_visits = zero_visits
    params["zero_visits"] = json_zero_visits

    json_bundle: bool | None | Unset
    if isinstance(bundle, Unset):
        json_bundle = UNSET
    else:
        json_bundle = bundle
    params["bundle"] = json_bundle

    params["limit"] = limit

    params["offset"] = offset


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/catalog/search",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CatalogSearchPage | Problem | None:
    if response.status_code == 200:
        response_200 = CatalogSearchPage.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CatalogSearchPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    department: list[str] | None | Unset = UNSET,
    level: list[str] | None | Unset = UNSET,
    audience: list[str] | None | Unset = UNSET,
    type_: list[str] | None | Unset = UNSET,
    online_depth: list[str] | None | Unset = UNSET,
    zero_visits: bool | None | Unset = UNSET,
    bundle: bool | None | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,

) -> Response[CatalogSearchPage | Problem]:
    """ Search

     Chinese full text over names, keywords, synonyms (开饭店 → 食品经营许可), materials and guide text:
    words, two-character parts of words, pinyin (`yingye`) and initials (`yyzz`). Best match first.
    Repeat a
    facet parameter for alternatives (OR); different facets combine (AND). Facet counts (分面统计) describe
    the matching results.

    Args:
        q (None | str | Unset): words, partial words, pinyin or initials
        department (list[str] | None | Unset):
        level (list[str] | None | Unset):
        audience (list[str] | None | Unset):
        type_ (list[str] | None | Unset):
        online_depth (list[str] | None | Unset):
        zero_visits (bool | None | Unset): only 零跑动 (true) or only with visits (false)
        bundle (bool | None | Unset): only 一件事 bundles (true) or only single matters
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CatalogSearchPage | Problem]
     """


    kwargs = _get_kwargs(
        q=q,
department=department,
level=level,
audience=audience,
type_=type_,
online_depth=online_depth,
zero_visits=zero_visits,
bundle=bundle,
limit=limit,
offset=offset,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    department: list[str] | None | Unset = UNSET,
    level: list[str] | None | Unset = UNSET,
    audience: list[str] | None | Unset = UNSET,
    type_: list[str] | None | Unset = UNSET,
    online_depth: list[str] | None | Unset = UNSET,
    zero_visits: bool | None | Unset = UNSET,
    bundle: bool | None | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,

) -> CatalogSearchPage | Problem | None:
    """ Search

     Chinese full text over names, keywords, synonyms (开饭店 → 食品经营许可), materials and guide text:
    words, two-character parts of words, pinyin (`yingye`) and initials (`yyzz`). Best match first.
    Repeat a
    facet parameter for alternatives (OR); different facets combine (AND). Facet counts (分面统计) describe
    the matching results.

    Args:
        q (None | str | Unset): words, partial words, pinyin or initials
        department (list[str] | None | Unset):
        level (list[str] | None | Unset):
        audience (list[str] | None | Unset):
        type_ (list[str] | None | Unset):
        online_depth (list[str] | None | Unset):
        zero_visits (bool | None | Unset): only 零跑动 (true) or only with visits (false)
        bundle (bool | None | Unset): only 一件事 bundles (true) or only single matters
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CatalogSearchPage | Problem
     """


    return sync_detailed(
        client=client,
q=q,
department=department,
level=level,
audience=audience,
type_=type_,
online_depth=online_depth,
zero_visits=zero_visits,
bundle=bundle,
limit=limit,
offset=offset,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    department: list[str] | None | Unset = UNSET,
    level: list[str] | None | Unset = UNSET,
    audience: list[str] | None | Unset = UNSET,
    type_: list[str] | None | Unset = UNSET,
    online_depth: list[str] | None | Unset = UNSET,
    zero_visits: bool | None | Unset = UNSET,
    bundle: bool | None | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,

) -> Response[CatalogSearchPage | Problem]:
    """ Search

     Chinese full text over names, keywords, synonyms (开饭店 → 食品经营许可), materials and guide text:
    words, two-character parts of words, pinyin (`yingye`) and initials (`yyzz`). Best match first.
    Repeat a
    facet parameter for alternatives (OR); different facets combine (AND). Facet counts (分面统计) describe
    the matching results.

    Args:
        q (None | str | Unset): words, partial words, pinyin or initials
        department (list[str] | None | Unset):
        level (list[str] | None | Unset):
        audience (list[str] | None | Unset):
        type_ (list[str] | None | Unset):
        online_depth (list[str] | None | Unset):
        zero_visits (bool | None | Unset): only 零跑动 (true) or only with visits (false)
        bundle (bool | None | Unset): only 一件事 bundles (true) or only single matters
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CatalogSearchPage | Problem]
     """


    kwargs = _get_kwargs(
        q=q,
department=department,
level=level,
audience=audience,
type_=type_,
online_depth=online_depth,
zero_visits=zero_visits,
bundle=bundle,
limit=limit,
offset=offset,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    department: list[str] | None | Unset = UNSET,
    level: list[str] | None | Unset = UNSET,
    audience: list[str] | None | Unset = UNSET,
    type_: list[str] | None | Unset = UNSET,
    online_depth: list[str] | None | Unset = UNSET,
    zero_visits: bool | None | Unset = UNSET,
    bundle: bool | None | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,

) -> CatalogSearchPage | Problem | None:
    """ Search

     Chinese full text over names, keywords, synonyms (开饭店 → 食品经营许可), materials and guide text:
    words, two-character parts of words, pinyin (`yingye`) and initials (`yyzz`). Best match first.
    Repeat a
    facet parameter for alternatives (OR); different facets combine (AND). Facet counts (分面统计) describe
    the matching results.

    Args:
        q (None | str | Unset): words, partial words, pinyin or initials
        department (list[str] | None | Unset):
        level (list[str] | None | Unset):
        audience (list[str] | None | Unset):
        type_ (list[str] | None | Unset):
        online_depth (list[str] | None | Unset):
        zero_visits (bool | None | Unset): only 零跑动 (true) or only with visits (false)
        bundle (bool | None | Unset): only 一件事 bundles (true) or only single matters
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CatalogSearchPage | Problem
     """


    return (await asyncio_detailed(
        client=client,
q=q,
department=department,
level=level,
audience=audience,
type_=type_,
online_depth=online_depth,
zero_visits=zero_visits,
bundle=bundle,
limit=limit,
offset=offset,

    )).parsed
