from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    id_token_hint: None | str | Unset = UNSET,
    client_id: None | str | Unset = UNSET,
    post_logout_redirect_uri: None | str | Unset = UNSET,
    state: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_id_token_hint: None | str | Unset
    if isinstance(id_token_hint, Unset):
        json_id_token_hint = UNSET
    else:
        json_id_token_hint = id_token_hint
    params["id_token_hint"] = json_id_token_hint

    json_client_id: None | str | Unset
    if isinstance(client_id, Unset):
        json_client_id = UNSET
    else:
        json_client_id = client_id
    params["client_id"] = json_client_id

    json_post_logout_redirect_uri: None | str | Unset
    if isinstance(post_logout_redirect_uri, Unset):
        json_post_logout_redirect_uri = UNSET
    else:
        json_post_logout_redirect_uri = post_logout_redirect_uri
    params["post_logout_redirect_uri"] = json_post_logout_redirect_uri

    json_state: None | str | Unset
    if isinstance(state, Unset):
        json_state = UNSET
    else:
        json_state = state
    params["state"] = json_state


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/identity/end-session",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 303:
        response_303 = cast(Any, None)
        return response_303

    if response.status_code == 400:
        response_400 = cast(Any, None)
        return response_400

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    id_token_hint: None | str | Unset = UNSET,
    client_id: None | str | Unset = UNSET,
    post_logout_redirect_uri: None | str | Unset = UNSET,
    state: None | str | Unset = UNSET,

) -> Response[Any | Problem | str]:
    """ End Session Page

     End-session (退出登录, OIDC RP-Initiated Logout): ends the login session, clears the cookie and
    revokes its refresh tokens. Without a matching `id_token_hint` the person confirms first.
    `post_logout_redirect_uri` must exactly match a registered redirect URI of the client.

    Args:
        id_token_hint (None | str | Unset):
        client_id (None | str | Unset):
        post_logout_redirect_uri (None | str | Unset):
        state (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | str]
     """


    kwargs = _get_kwargs(
        id_token_hint=id_token_hint,
client_id=client_id,
post_logout_redirect_uri=post_logout_redirect_uri,
state=state,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    id_token_hint: None | str | Unset = UNSET,
    client_id: None | str | Unset = UNSET,
    post_logout_redirect_uri: None | str | Unset = UNSET,
    state: None | str | Unset = UNSET,

) -> Any | Problem | str | None:
    """ End Session Page

     End-session (退出登录, OIDC RP-Initiated Logout): ends the login session, clears the cookie and
    revokes its refresh tokens. Without a matching `id_token_hint` the person confirms first.
    `post_logout_redirect_uri` must exactly match a registered redirect URI of the client.

    Args:
        id_token_hint (None | str | Unset):
        client_id (None | str | Unset):
        post_logout_redirect_uri (None | str | Unset):
        state (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | str
     """


    return sync_detailed(
        client=client,
id_token_hint=id_token_hint,
client_id=client_id,
post_logout_redirect_uri=post_logout_redirect_uri,
state=state,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    id_token_hint: None | str | Unset = UNSET,
    client_id: None | str | Unset = UNSET,
    post_logout_redirect_uri: None | str | Unset = UNSET,
    state: None | str | Unset = UNSET,

) -> Response[Any | Problem | str]:
    """ End Session Page

     End-session (退出登录, OIDC RP-Initiated Logout): ends the login session, clears the cookie and
    revokes its refresh tokens. Without a matching `id_token_hint` the person confirms first.
    `post_logout_redirect_uri` must exactly match a registered redirect URI of the client.

    Args:
        id_token_hint (None | str | Unset):
        client_id (None | str | Unset):
        post_logout_redirect_uri (None | str | Unset):
        state (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | str]
     """


    kwargs = _get_kwargs(
        id_token_hint=id_token_hint,
client_id=client_id,
post_logout_redirect_uri=post_logout_redirect_uri,
state=state,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    id_token_hint: None | str | Unset = UNSET,
    client_id: None | str | Unset = UNSET,
    post_logout_redirect_uri: None | str | Unset = UNSET,
    state: None | str | Unset = UNSET,

) -> Any | Problem | str | None:
    """ End Session Page

     End-session (退出登录, OIDC RP-Initiated Logout): ends the login session, clears the cookie and
    revokes its refresh tokens. Without a matching `id_token_hint` the person confirms first.
    `post_logout_redirect_uri` must exactly match a registered redirect URI of the client.

    Args:
        id_token_hint (None | str | Unset):
        client_id (None | str | Unset):
        post_logout_redirect_uri (None | str | Unset):
        state (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | str
     """


    return (await asyncio_detailed(
        client=client,
id_token_hint=id_token_hint,
client_id=client_id,
post_logout_redirect_uri=post_logout_redirect_uri,
state=state,

    )).parsed
