from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.identity_body_userinfo_post import IdentityBodyUserinfoPost
from ...models.identity_http_validation_error import IdentityHTTPValidationError
from ...models.identity_problem import IdentityProblem
from ...models.identity_userinfo_out import IdentityUserinfoOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: IdentityBodyUserinfoPost | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/identity/userinfo",
    }

    if not isinstance(body, Unset):
        _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IdentityHTTPValidationError | IdentityProblem | IdentityUserinfoOut | None:
    if response.status_code == 200:
        response_200 = IdentityUserinfoOut.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = IdentityProblem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = IdentityProblem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = IdentityProblem.from_dict(response.json())



        return response_403

    if response.status_code == 422:
        response_422 = IdentityHTTPValidationError.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[IdentityHTTPValidationError | IdentityProblem | IdentityUserinfoOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IdentityBodyUserinfoPost | Unset = UNSET,

) -> Response[IdentityHTTPValidationError | IdentityProblem | IdentityUserinfoOut]:
    """ Userinfo Post

     Userinfo (用户信息) by POST: the token in the Authorization header or as form field `access_token`.

    Args:
        body (IdentityBodyUserinfoPost | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityHTTPValidationError | IdentityProblem | IdentityUserinfoOut]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: IdentityBodyUserinfoPost | Unset = UNSET,

) -> IdentityHTTPValidationError | IdentityProblem | IdentityUserinfoOut | None:
    """ Userinfo Post

     Userinfo (用户信息) by POST: the token in the Authorization header or as form field `access_token`.

    Args:
        body (IdentityBodyUserinfoPost | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityHTTPValidationError | IdentityProblem | IdentityUserinfoOut
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IdentityBodyUserinfoPost | Unset = UNSET,

) -> Response[IdentityHTTPValidationError | IdentityProblem | IdentityUserinfoOut]:
    """ Userinfo Post

     Userinfo (用户信息) by POST: the token in the Authorization header or as form field `access_token`.

    Args:
        body (IdentityBodyUserinfoPost | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityHTTPValidationError | IdentityProblem | IdentityUserinfoOut]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: IdentityBodyUserinfoPost | Unset = UNSET,

) -> IdentityHTTPValidationError | IdentityProblem | IdentityUserinfoOut | None:
    """ Userinfo Post

     Userinfo (用户信息) by POST: the token in the Authorization header or as form field `access_token`.

    Args:
        body (IdentityBodyUserinfoPost | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityHTTPValidationError | IdentityProblem | IdentityUserinfoOut
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
