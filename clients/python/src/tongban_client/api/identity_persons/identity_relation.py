from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.identity_relation_out import IdentityRelationOut
from ...models.identity_relation_subject_kind import IdentityRelationSubjectKind
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    person_id: str,
    subject_kind: IdentityRelationSubjectKind,
    subject_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/identity/persons/{person_id}/relations/{subject_kind}/{subject_id}".format(person_id=quote(str(person_id), safe=""),subject_kind=quote(str(subject_kind), safe=""),subject_id=quote(str(subject_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IdentityRelationOut | Problem | None:
    if response.status_code == 200:
        response_200 = IdentityRelationOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[IdentityRelationOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    person_id: str,
    subject_kind: IdentityRelationSubjectKind,
    subject_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[IdentityRelationOut | Problem]:
    """ Relation

     Whether the person may act for the subject by identity's records (代为办理关系): themself, a newborn they
    are guardian of, an enterprise they represent or are an agent of. Asked by the cases service, with
    the
    filing caller's own token, before a case names someone other than its applicant as subject.

    Args:
        person_id (str):
        subject_kind (IdentityRelationSubjectKind):
        subject_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityRelationOut | Problem]
     """


    kwargs = _get_kwargs(
        person_id=person_id,
subject_kind=subject_kind,
subject_id=subject_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    person_id: str,
    subject_kind: IdentityRelationSubjectKind,
    subject_id: str,
    *,
    client: AuthenticatedClient,

) -> IdentityRelationOut | Problem | None:
    """ Relation

     Whether the person may act for the subject by identity's records (代为办理关系): themself, a newborn they
    are guardian of, an enterprise they represent or are an agent of. Asked by the cases service, with
    the
    filing caller's own token, before a case names someone other than its applicant as subject.

    Args:
        person_id (str):
        subject_kind (IdentityRelationSubjectKind):
        subject_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityRelationOut | Problem
     """


    return sync_detailed(
        person_id=person_id,
subject_kind=subject_kind,
subject_id=subject_id,
client=client,

    ).parsed

async def asyncio_detailed(
    person_id: str,
    subject_kind: IdentityRelationSubjectKind,
    subject_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[IdentityRelationOut | Problem]:
    """ Relation

     Whether the person may act for the subject by identity's records (代为办理关系): themself, a newborn they
    are guardian of, an enterprise they represent or are an agent of. Asked by the cases service, with
    the
    filing caller's own token, before a case names someone other than its applicant as subject.

    Args:
        person_id (str):
        subject_kind (IdentityRelationSubjectKind):
        subject_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityRelationOut | Problem]
     """


    kwargs = _get_kwargs(
        person_id=person_id,
subject_kind=subject_kind,
subject_id=subject_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    person_id: str,
    subject_kind: IdentityRelationSubjectKind,
    subject_id: str,
    *,
    client: AuthenticatedClient,

) -> IdentityRelationOut | Problem | None:
    """ Relation

     Whether the person may act for the subject by identity's records (代为办理关系): themself, a newborn they
    are guardian of, an enterprise they represent or are an agent of. Asked by the cases service, with
    the
    filing caller's own token, before a case names someone other than its applicant as subject.

    Args:
        person_id (str):
        subject_kind (IdentityRelationSubjectKind):
        subject_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityRelationOut | Problem
     """


    return (await asyncio_detailed(
        person_id=person_id,
subject_kind=subject_kind,
subject_id=subject_id,
client=client,

    )).parsed
