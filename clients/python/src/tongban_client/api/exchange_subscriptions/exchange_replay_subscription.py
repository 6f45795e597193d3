from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.exchange_http_validation_error import ExchangeHTTPValidationError
from ...models.exchange_problem import ExchangeProblem
from ...models.exchange_subscription_out import ExchangeSubscriptionOut
from typing import cast
from uuid import UUID



def _get_kwargs(
    subscription_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/exchange/subscriptions/{subscription_id}/replay".format(subscription_id=quote(str(subscription_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ExchangeHTTPValidationError | ExchangeProblem | ExchangeSubscriptionOut | None:
    if response.status_code == 200:
        response_200 = ExchangeSubscriptionOut.from_dict(response.json())



        return response_200

    if response.status_code == 403:
        response_403 = ExchangeProblem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = ExchangeProblem.from_dict(response.json())



        return response_404

    if response.status_code == 422:
        response_422 = ExchangeHTTPValidationError.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ExchangeHTTPValidationError | ExchangeProblem | ExchangeSubscriptionOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[ExchangeHTTPValidationError | ExchangeProblem | ExchangeSubscriptionOut]:
    """ Replay Subscription

     Retry the subscription's dead deliveries.

    Args:
        subscription_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExchangeHTTPValidationError | ExchangeProblem | ExchangeSubscriptionOut]
     """


    kwargs = _get_kwargs(
        subscription_id=subscription_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,

) -> ExchangeHTTPValidationError | ExchangeProblem | ExchangeSubscriptionOut | None:
    """ Replay Subscription

     Retry the subscription's dead deliveries.

    Args:
        subscription_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExchangeHTTPValidationError | ExchangeProblem | ExchangeSubscriptionOut
     """


    return sync_detailed(
        subscription_id=subscription_id,
client=client,

    ).parsed

async def asyncio_detailed(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[ExchangeHTTPValidationError | ExchangeProblem | ExchangeSubscriptionOut]:
    """ Replay Subscription

     Retry the subscription's dead deliveries.

    Args:
        subscription_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExchangeHTTPValidationError | ExchangeProblem | ExchangeSubscriptionOut]
     """


    kwargs = _get_kwargs(
        subscription_id=subscription_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,

) -> ExchangeHTTPValidationError | ExchangeProblem | ExchangeSubscriptionOut | None:
    """ Replay Subscription

     Retry the subscription's dead deliveries.

    Args:
        subscription_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExchangeHTTPValidationError | ExchangeProblem | ExchangeSubscriptionOut
     """


    return (await asyncio_detailed(
        subscription_id=subscription_id,
client=client,

    )).parsed
