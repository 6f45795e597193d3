from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.cases_bundle_certificates_out import CasesBundleCertificatesOut
from ...models.cases_issued_certificate_out import CasesIssuedCertificateOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    case_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/cases/cases/{case_id}/certificate".format(case_id=quote(str(case_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CasesBundleCertificatesOut | CasesIssuedCertificateOut | Problem | None:
    if response.status_code == 200:
        def _parse_response_200(data: object) -> CasesBundleCertificatesOut | CasesIssuedCertificateOut:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = CasesIssuedCertificateOut.from_dict(data)



                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = CasesBundleCertificatesOut.from_dict(data)



            return response_200_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CasesBundleCertificatesOut | CasesIssuedCertificateOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    case_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[CasesBundleCertificatesOut | CasesIssuedCertificateOut | Problem]:
    """ Get Issued Certificate

     The e-certificate issued on the case (电子证照): what it is, its number, to whom it was issued (the
    case's
    subject: a newborn's 出生医学证明 is the child's) and by which department; 404 `certificate_not_found`
    while
    none is issued (the case's `certificate_state` says why). On a 一件事 parent (`kind: bundle`): the
    certificates its member cases issued, each naming its member, and the members still waiting; 404
    while no
    member the caller may see has issued one.

    Args:
        case_id (str): case id (办件标识)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CasesBundleCertificatesOut | CasesIssuedCertificateOut | Problem]
     """


    kwargs = _get_kwargs(
        case_id=case_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    case_id: str,
    *,
    client: AuthenticatedClient,

) -> CasesBundleCertificatesOut | CasesIssuedCertificateOut | Problem | None:
    """ Get Issued Certificate

     The e-certificate issued on the case (电子证照): what it is, its number, to whom it was issued (the
    case's
    subject: a newborn's 出生医学证明 is the child's) and by which department; 404 `certificate_not_found`
    while
    none is issued (the case's `certificate_state` says why). On a 一件事 parent (`kind: bundle`): the
    certificates its member cases issued, each naming its member, and the members still waiting; 404
    while no
    member the caller may see has issued one.

    Args:
        case_id (str): case id (办件标识)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CasesBundleCertificatesOut | CasesIssuedCertificateOut | Problem
     """


    return sync_detailed(
        case_id=case_id,
client=client,

    ).parsed

async def asyncio_detailed(
    case_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[CasesBundleCertificatesOut | CasesIssuedCertificateOut | Problem]:
    """ Get Issued Certificate

     The e-certificate issued on the case (电子证照): what it is, its number, to whom it was issued (the
    case's
    subject: a newborn's 出生医学证明 is the child's) and by which department; 404 `certificate_not_found`
    while
    none is issued (the case's `certificate_state` says why). On a 一件事 parent (`kind: bundle`): the
    certificates its member cases issued, each naming its member, and the members still waiting; 404
    while no
    member the caller may see has issued one.

    Args:
        case_id (str): case id (办件标识)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CasesBundleCertificatesOut | CasesIssuedCertificateOut | Problem]
     """


    kwargs = _get_kwargs(
        case_id=case_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    case_id: str,
    *,
    client: AuthenticatedClient,

) -> CasesBundleCertificatesOut | CasesIssuedCertificateOut | Problem | None:
    """ Get Issued Certificate

     The e-certificate issued on the case (电子证照): what it is, its number, to whom it was issued (the
    case's
    subject: a newborn's 出生医学证明 is the child's) and by which department; 404 `certificate_not_found`
    while
    none is issued (the case's `certificate_state` says why). On a 一件事 parent (`kind: bundle`): the
    certificates its member cases issued, each naming its member, and the members still waiting; 404
    while no
    member the caller may see has issued one.

    Args:
        case_id (str): case id (办件标识)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CasesBundleCertificatesOut | CasesIssuedCertificateOut | Problem
     """


    return (await asyncio_detailed(
        case_id=case_id,
client=client,

    )).parsed
