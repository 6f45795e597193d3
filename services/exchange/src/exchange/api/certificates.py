"""The e-certificate registry (电子证照): issue, look up by holder and type, change status, history."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from exchange.api.dependencies import DataPrincipal, NowDep, SealerDep, SettingsDep, UowDep, admit, permitted
from exchange.api.lanes import json_bytes
from exchange.api.records import PurposeIn
from exchange.domain.access import PLATFORM_SCOPE, Operation
from exchange.domain.certificate_types import CertificateType
from exchange.domain.certificates import CertificateStatus
from exchange.domain.subjects import SubjectKind
from exchange.runtime import runtime_of
from exchange.use_cases import certificates
from meshkit.auth import Principal, current_principal
from meshkit.created import created_response, set_location
from meshkit.errors import problem_responses
from meshkit.headers import NoStore
from meshkit.hostile import MULTI_LINE, MultiLineText
from meshkit.lanes import ServedBy, declared
from meshkit.legaldate import IsoDate
from meshkit.observability import current_request_id

__all__ = ["LookupIn", "LookupOut", "answer_lookup", "router", "types_router"]

router = APIRouter(prefix="/certificates", tags=["电子证照 (e-certificates)"])
types_router = APIRouter(prefix="/certificate-types", tags=["电子证照 (e-certificates)"])
"""The type directory, apart from ``/certificates/{identifier}/…`` (``/certificates/types/{code}`` and
``/certificates/{identifier}/status`` both matched ``/certificates/types/status``)."""

Identifier = Annotated[str, Path(max_length=120, description="GB/T 36904 identifier (证照标识)")]


class IssueIn(BaseModel):
    identifier: str | None = Field(
        default=None,
        max_length=120,
        description="GB/T 36904 identifier; leave out "
        "to have the registry assign one from type_code and the issuer's credit code",
        examples=["1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U"],
    )
    type_code: str | None = Field(
        default=None,
        max_length=40,
        description="certificate type: the national code "
        "(证照类型代码) or an alias from GET /certificate-types; required without identifier",
        examples=["11100000000013338W011", "ZZ-YYZZ"],
    )
    issuer_org: str | None = Field(
        default=None,
        max_length=40,
        description="the issuing member when a platform "
        "system issues on its behalf (scope exchange:certificates:issue)",
    )
    type_name: str | None = Field(
        default=None, max_length=100, examples=["营业执照"], description="default: the type directory's name"
    )
    holder_kind: SubjectKind
    holder_identifier: str = Field(max_length=40, description="holder's ID number or credit code")
    holder_name: str = Field(max_length=200)
    holder_id: str | None = Field(default=None, max_length=100, description="identity's id of the holder")
    valid_from: IsoDate
    valid_to: IsoDate | None = None
    case_ref: str | None = Field(default=None, max_length=100, description="the case that produced it")
    content: Annotated[dict[str, Any], MULTI_LINE] | None = None


class CertificateOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    identifier: str
    type_code: str
    type_name: str
    holder_kind: str
    issuer_code: str
    valid_from: date
    valid_to: date | None
    status: str
    case_ref: str | None
    version: int


class LookupIn(PurposeIn):
    holder_kind: SubjectKind
    holder_identifier: str = Field(max_length=40, description="body only, never URL")
    type_code: str | None = Field(
        default=None, max_length=40, description="certificate type code (证照类型代码) or a known alias"
    )
    person_id: str | None = Field(
        default=None,
        max_length=100,
        deprecated=True,
        description="ignored: the hub decides whose data a lookup touched",
    )


class LookupOut(BaseModel):
    certificates: list[dict[str, Any]]
    items: list[str]
    access_log_id: str


class CertificateTypeOut(BaseModel):
    code: str = Field(description="GB/T 36904 type code: defining authority's credit code + 3 digits")
    name: str
    aliases: list[str] = Field(description="other names callers may use, e.g. a catalog's short codes")


class CertificateTypeIn(BaseModel):
    name: str = Field(
        min_length=2, max_length=100, examples=["结婚证"], description="type name (证照类型名称)"
    )
    aliases: list[Annotated[str, Field(max_length=40)]] = Field(
        default=[],
        max_length=20,
        examples=[["ZZ-JHZ"]],
        description="other names callers may use (e.g. the matter catalog's short code); "
        "each names one type only",
    )


class StatusIn(BaseModel):
    status: CertificateStatus = Field(description="有效 暂扣 撤销 注销 失效 吊销")
    reason: MultiLineText = Field(min_length=2, max_length=1000)


class ChangeOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    from_status: str | None
    to_status: str
    reason: str | None
    actor: str
    actor_org: str | None
    at: datetime


@types_router.get("", response_model=list[CertificateTypeOut])
async def certificate_types(uow: UowDep) -> list[CertificateTypeOut]:
    """The certificate types the registry knows (电子证照类型目录), with the aliases it accepts."""
    directory = await certificates.type_directory(uow)
    return [CertificateTypeOut(code=t.code, name=t.name, aliases=list(t.aliases)) for t in directory.types]


class MissingUseOut(BaseModel):
    matter_code: str
    matter_name: str
    used_as: str = Field(
        description="result (the certificate approval issues) | material (asked of the applicant)"
    )


class MissingTypeOut(BaseModel):
    name: str = Field(description="the type as the catalog names it (e.g. its short code)")
    matters: list[MissingUseOut]


@types_router.get("/missing", response_model=list[MissingTypeOut])
async def missing_certificate_types(uow: UowDep) -> list[MissingTypeOut]:
    """Certificate types the open matters of the catalog name that the directory does not know (目录缺失的证照类型):
    approving such a matter cannot issue its certificate (`unknown_certificate_type`), and its materials of such a
    type fall back to shared data or paper. Empty when the directory covers the catalog."""
    return [
        MissingTypeOut(
            name=m.name,
            matters=[MissingUseOut(matter_code=c, matter_name=n, used_as=u) for c, n, u in m.matters],
        )
        for m in await certificates.missing_types(uow)
    ]


@types_router.put("/{code}", response_model=CertificateTypeOut, responses=problem_responses(403, 409, 422))
async def register_certificate_type(
    request: Request,
    uow: UowDep,
    principal: Annotated[
        Principal, permitted(Operation.ADMINISTER, what="维护电子证照类型目录", code="forbidden")
    ],
    body: CertificateTypeIn,
    code: Annotated[str, Path(max_length=40, description="national type code (证照类型代码), 21 characters")],
) -> CertificateTypeOut:
    """Enter or replace a type of the directory (operators): its name and every alias it answers to, so that
    departments and the matter catalog can name it by their own short codes. A type's aliases are replaced
    whole; an alias already naming another type is refused (409 `alias_taken`). Certificates already issued
    keep the type name they were issued with. Other exchange processes see the change within
    `EXCHANGE_RESOURCE_CACHE_SECONDS`."""
    entered = await certificates.register_type(
        uow, caller=principal, certificate_type=CertificateType(code, body.name, tuple(body.aliases))
    )
    runtime_of(request).read_path.types.forget()
    return CertificateTypeOut(code=entered.code, name=entered.name, aliases=list(entered.aliases))


@router.post(
    "",
    response_model=CertificateOut,
    status_code=201,
    responses={
        200: {"description": "already registered for this case, type and issuer (a retry)"},
        **problem_responses(403, 409, 422, 503),
        **created_response(
            "registered (`Location`: the certificate's history)",
            operation="certificate_history",
            parameters={"identifier": "$response.body#/identifier"},
        ),
    },
    dependencies=[NoStore],
)
async def issue_certificate(
    request: Request,
    body: IssueIn,
    uow: UowDep,
    principal: Annotated[Principal, permitted(Operation.ISSUE_CERTIFICATES, what="登记电子证照")],
    sealer: SealerDep,
    settings: SettingsDep,
    now: NowDep,
    response: Response,
) -> CertificateOut:
    """Register an issued certificate (证照登记) for an approved case (`case_ref`) of the issuing department, to a
    party of that case, as the hub's view of the cases says (403 `case_not_approved_for_issuer` otherwise): by
    the department's reviewers and heads or its system (scope `exchange:certificates:issue`), or by the cases
    platform (scope `exchange:platform`) for the member named in `issuer_org`. A given identifier is validated;
    without one the registry assigns it (type code + issuer credit code + serial + version + MOD 37,36 check),
    and a retry for the same case, type and issuer returns the certificate already registered (200)."""
    draft = certificates.CertificateDraft(**body.model_dump())
    path = runtime_of(request).read_path
    issued = await certificates.issue(
        uow,
        caller=principal,
        draft=draft,
        sealer=sealer,
        resource_code=settings.certificate_resource,
        now=now,
        case_of=lambda number: path.bases.case(path.database, number),
    )
    if not issued.created:
        response.status_code = 200
    else:
        set_location(request, response, f"/certificates/{issued.certificate.identifier}/history")
    return CertificateOut.model_validate(issued.certificate)


async def serve_lookup(request: Request) -> Response:
    """``POST /certificates/lookup`` as a plain ``Request -> Response`` function (a fast lane, like reads): the
    checks the route's signature declares (token, rate limit, body), without FastAPI's dependency solving."""
    principal = await admit(request, await current_principal(request, None))
    given = await declared(request, LookupIn)
    return Response(
        json_bytes(await answer_lookup(request, principal, given.body)), media_type="application/json"
    )


async def answer_lookup(request: Request, principal: Principal, body: LookupIn) -> dict[str, Any]:
    """The lookup, decided and logged: the answer's document (``LookupOut``), or the refusal raised."""
    found = await certificates.look_up(
        runtime_of(request).read_path,
        caller=principal,
        holder_kind=body.holder_kind,
        holder_identifier=body.holder_identifier,
        type_code=body.type_code,
        purpose=body.as_purpose(),
        request_id=current_request_id(),
    )
    return {
        "certificates": found.certificates,
        "items": list(found.items),
        "access_log_id": found.access_log_id,
    }


class _LookupRoute(ServedBy):
    handler = staticmethod(serve_lookup)


async def look_up_certificates(body: LookupIn, principal: DataPrincipal) -> LookupOut:
    """A holder's certificates, optionally of one type (按持证主体和类型查询); logged like every read."""
    raise RuntimeError("the contract of POST /certificates/lookup; requests are served by serve_lookup")


router.add_api_route(
    "/lookup",
    look_up_certificates,
    methods=["POST"],
    response_model=LookupOut,
    route_class_override=_LookupRoute,
    responses=problem_responses(400, 401, 403, 404, 422, 429, 503),
    dependencies=[NoStore],  # read by the lane's middleware: the lane runs no dependencies
)


@router.post(
    "/{identifier}/status",
    response_model=CertificateOut,
    responses=problem_responses(403, 404, 409),
    dependencies=[NoStore],
)
async def change_certificate_status(
    identifier: Identifier,
    body: StatusIn,
    uow: UowDep,
    principal: Annotated[Principal, permitted(Operation.ISSUE_CERTIFICATES, what="变更证照状态")],
    settings: SettingsDep,
) -> CertificateOut:
    """Change the status (暂扣, 撤销, 注销, 失效, 吊销, or back to 有效 from 暂扣; issuer only)."""
    certificate = await certificates.change_status(
        uow,
        caller=principal,
        identifier=identifier,
        status=body.status,
        reason=body.reason,
        resource_code=settings.certificate_resource,
    )
    return CertificateOut.model_validate(certificate)


@router.get(
    "/{identifier}/history",
    response_model=list[ChangeOut],
    responses=problem_responses(401, 403, 404),
    dependencies=[NoStore],
)
async def certificate_history(
    identifier: Identifier,
    uow: UowDep,
    principal: Annotated[
        Principal,
        permitted(
            Operation.ISSUE_CERTIFICATES,
            Operation.AUDIT,
            Operation.ADMINISTER,
            scopes=(PLATFORM_SCOPE,),
            what="查看证照状态变更记录",
        ),
    ],
) -> list[ChangeOut]:
    """The status history of a certificate (状态变更记录)."""
    return [
        ChangeOut.model_validate(c)
        for c in await certificates.history(uow, caller=principal, identifier=identifier)
    ]
