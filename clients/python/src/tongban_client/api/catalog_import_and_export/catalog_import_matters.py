from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.catalog_import_report_out import CatalogImportReportOut
from ...models.problem import Problem
from ...types import File, FileTypes
from ...types import UNSET, Unset
from io import BytesIO
from typing import cast



def _get_kwargs(
    *,
    body: File,
    format_: None | str | Unset = UNSET,
    publish: bool | Unset = False,
    all_or_nothing: bool | Unset = True,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    params: dict[str, Any] = {}

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    else:
        json_format_ = format_
    params["format"] = json_format_

    params["publish"] = publish

    params["all_or_nothing"] = all_or_nothing


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/catalog/imports",
        "params": params,
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CatalogImportReportOut | Problem | None:
    if response.status_code == 200:
        response_200 = CatalogImportReportOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CatalogImportReportOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: File,
    format_: None | str | Unset = UNSET,
    publish: bool | Unset = False,
    all_or_nothing: bool | Unset = True,

) -> Response[CatalogImportReportOut | Problem]:
    """ Import Matters

     Import the implementation list (导入): the body is the file (one row per material, or materials listed
    in one 申请材料 cell), up to `CATALOG_IMPORT_MAX_BYTES` (8 MiB by default; 413 `sheet_too_large`
    beyond).
    Title rows, two-row headers and common headings are understood (docs/catalog.md). A matter the
    catalog
    already holds as the sheet says is left unchanged (no version, no event); a changed one updates its
    open
    draft or gets a new draft version, with `publish` published. Bad rows are reported with the sheet's
    row and
    column heading; a matter is never half-applied, and with `all_or_nothing` (default) nothing is
    applied.

    Args:
        format_ (None | str | Unset): csv | xlsx; default from Content-Type
        publish (bool | Unset): also submit and publish each matter (reviewers) Default: False.
        all_or_nothing (bool | Unset): one bad row: nothing is applied Default: True.
        body (File): either, with `?format=csv` or `?format=xlsx`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CatalogImportReportOut | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
format_=format_,
publish=publish,
all_or_nothing=all_or_nothing,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: File,
    format_: None | str | Unset = UNSET,
    publish: bool | Unset = False,
    all_or_nothing: bool | Unset = True,

) -> CatalogImportReportOut | Problem | None:
    """ Import Matters

     Import the implementation list (导入): the body is the file (one row per material, or materials listed
    in one 申请材料 cell), up to `CATALOG_IMPORT_MAX_BYTES` (8 MiB by default; 413 `sheet_too_large`
    beyond).
    Title rows, two-row headers and common headings are understood (docs/catalog.md). A matter the
    catalog
    already holds as the sheet says is left unchanged (no version, no event); a changed one updates its
    open
    draft or gets a new draft version, with `publish` published. Bad rows are reported with the sheet's
    row and
    column heading; a matter is never half-applied, and with `all_or_nothing` (default) nothing is
    applied.

    Args:
        format_ (None | str | Unset): csv | xlsx; default from Content-Type
        publish (bool | Unset): also submit and publish each matter (reviewers) Default: False.
        all_or_nothing (bool | Unset): one bad row: nothing is applied Default: True.
        body (File): either, with `?format=csv` or `?format=xlsx`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CatalogImportReportOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,
format_=format_,
publish=publish,
all_or_nothing=all_or_nothing,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: File,
    format_: None | str | Unset = UNSET,
    publish: bool | Unset = False,
    all_or_nothing: bool | Unset = True,

) -> Response[CatalogImportReportOut | Problem]:
    """ Import Matters

     Import the implementation list (导入): the body is the file (one row per material, or materials listed
    in one 申请材料 cell), up to `CATALOG_IMPORT_MAX_BYTES` (8 MiB by default; 413 `sheet_too_large`
    beyond).
    Title rows, two-row headers and common headings are understood (docs/catalog.md). A matter the
    catalog
    already holds as the sheet says is left unchanged (no version, no event); a changed one updates its
    open
    draft or gets a new draft version, with `publish` published. Bad rows are reported with the sheet's
    row and
    column heading; a matter is never half-applied, and with `all_or_nothing` (default) nothing is
    applied.

    Args:
        format_ (None | str | Unset): csv | xlsx; default from Content-Type
        publish (bool | Unset): also submit and publish each matter (reviewers) Default: False.
        all_or_nothing (bool | Unset): one bad row: nothing is applied Default: True.
        body (File): either, with `?format=csv` or `?format=xlsx`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CatalogImportReportOut | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
format_=format_,
publish=publish,
all_or_nothing=all_or_nothing,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: File,
    format_: None | str | Unset = UNSET,
    publish: bool | Unset = False,
    all_or_nothing: bool | Unset = True,

) -> CatalogImportReportOut | Problem | None:
    """ Import Matters

     Import the implementation list (导入): the body is the file (one row per material, or materials listed
    in one 申请材料 cell), up to `CATALOG_IMPORT_MAX_BYTES` (8 MiB by default; 413 `sheet_too_large`
    beyond).
    Title rows, two-row headers and common headings are understood (docs/catalog.md). A matter the
    catalog
    already holds as the sheet says is left unchanged (no version, no event); a changed one updates its
    open
    draft or gets a new draft version, with `publish` published. Bad rows are reported with the sheet's
    row and
    column heading; a matter is never half-applied, and with `all_or_nothing` (default) nothing is
    applied.

    Args:
        format_ (None | str | Unset): csv | xlsx; default from Content-Type
        publish (bool | Unset): also submit and publish each matter (reviewers) Default: False.
        all_or_nothing (bool | Unset): one bad row: nothing is applied Default: True.
        body (File): either, with `?format=csv` or `?format=xlsx`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CatalogImportReportOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
format_=format_,
publish=publish,
all_or_nothing=all_or_nothing,

    )).parsed
