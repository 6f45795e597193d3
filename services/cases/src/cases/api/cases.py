"""Cases (办件): apply, read, act, and the lists each kind of user works from."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Header, Query, Request, Response, status

from cases.api.dependencies import (
    ApplicantDep,
    CalendarDep,
    CallerDep,
    SettingsDep,
    StaffDep,
    SupervisorDep,
    UowDep,
    caller_of,
    open_matters,
    working_calendar,
)
from cases.api.paths import CaseId
from cases.api.schemas import (
    SUBMISSION_LEAVES_OUT,
    ActionIn,
    ApplicationIn,
    CaseDetailOut,
    CaseOut,
    CasePage,
    SubmittedCaseOut,
)
from cases.api.views import CaseViews
from cases.clients.applicants import ApplicantDirectory
from cases.domain.access import may_file
from cases.domain.decisions import Remedies
from cases.domain.promised import first_pending_day, promised_dates
from cases.domain.states import CaseStatus
from cases.settings import CasesSettings
from cases.store.unit_of_work import CasesUnitOfWork
from cases.use_cases.applicants import ApplicantLookup
from cases.use_cases.handling import Step, take_action
from cases.use_cases.issuing import retry_certificate
from cases.use_cases.queries import Page, case_detail, my_cases, staff_queue, supervision_list
from cases.use_cases.subjects import RelationLookup
from cases.use_cases.submission import Application, Intake, submit_application
from meshkit.auth import current_principal
from meshkit.created import created_response, relative_reference
from meshkit.errors import ProblemError, problem_responses
from meshkit.headers import NoStore
from meshkit.lanes import ServedBy, declared
from meshkit.legaldate import IsoDate, local_date

__all__ = ["router"]

router = APIRouter(tags=["办件 (cases)"], dependencies=[NoStore])

Statuses = Annotated[list[CaseStatus] | None, Query(description="filter by status (办件状态)")]
Limit = Annotated[int, Query(ge=1, le=100)]
Offset = Annotated[int, Query(ge=0, le=100_000)]


def _now() -> datetime:
    return datetime.now(UTC)


IDEMPOTENCY_KEY_MAX = 100


def key_required() -> ProblemError:
    """Filing without a key is refused after the caller's right and before the body is read (issue 20, failure 12: a
    client that retried without one filed twice). 400 as the IETF's Idempotency-Key header draft asks."""
    return ProblemError(
        "提交申请须带 Idempotency-Key 请求头：每份新申请生成一个新的随机值（如 UUID），网络中断或超时后重试时沿用"
        "同一个值，这样同一份申请不会被重复提交 (Idempotency-Key header required)",
        status=400,
        code="idempotency_key_required",
        errors=[{"field": "header.idempotency-key", "message": "缺少必填请求头", "type": "missing"}],
    )


async def serve_submission(request: Request) -> Response:
    """``POST /cases`` as a plain ``Request -> Response`` function (a fast lane: applications are the busiest
    write): the checks the route's signature declares (token, Idempotency-Key header, body), in that order,
    without FastAPI's dependency solving and response-model pass."""
    caller = caller_of(await current_principal(request, None))
    if not may_file(caller):
        raise ProblemError("只有申请人本人或窗口人员可以提交申请", status=403, code="not_permitted")
    if "idempotency-key" not in request.headers:
        raise key_required()
    given = await declared(request, ApplicationIn)
    body, key = given.body, given.headers["idempotency_key"]
    state = request.app.state
    settings: CasesSettings = state.settings
    application = Application(**body.model_dump(), idempotency_key=key)
    now = _now()
    calendar = await working_calendar(state)
    async with CasesUnitOfWork(state.database) as uow:  # a replayed case is read in it: answer before it ends
        case, created = await submit_application(
            uow,
            caller=caller,
            application=application,
            now=now,
            matters=open_matters(state),
            intake=Intake(
                online_org=settings.online_org,
                online_region=settings.online_region,
                district_center=settings.district_center_org,
            ),
            applicants=_applicant_lookup(request),
            relations=_relation_lookup(request),
        )
        # no names on the busiest write (identity stays off its path): the case and 我的办件 carry them
        out = await CaseViews(request, calendar, local_date(now)).case(case)
    return Response(
        out.model_dump_json(exclude=set(SUBMISSION_LEAVES_OUT)),
        media_type="application/json",
        status_code=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        headers={"Location": relative_reference(request.url.path, f"/cases/{out.id}")} if created else None,
    )


def _applicant_lookup(request: Request) -> ApplicantLookup:
    """Whether identity knows an applicant, asked with the caller's own token (identity decides what it shows)."""
    directory: ApplicantDirectory = request.app.state.applicants
    bearer = request.headers.get("authorization", "").partition(" ")[2]

    async def lookup(kind: str, subject_id: str) -> bool:
        return await directory.exists(kind, subject_id, bearer=bearer)

    return lookup


def _relation_lookup(request: Request) -> RelationLookup:
    """How identity links the applicant to the named subject, asked with the caller's own token (only when a
    filing names a subject other than its applicant)."""
    directory: ApplicantDirectory = request.app.state.applicants
    bearer = request.headers.get("authorization", "").partition(" ")[2]

    async def lookup(person_id: str, kind: str, subject_id: str) -> str | None:
        return await directory.relation(person_id, kind, subject_id, bearer=bearer)

    return lookup


class _SubmissionRoute(ServedBy):
    handler = staticmethod(serve_submission)


async def submit_case(
    caller: CallerDep,
    body: ApplicationIn,
    idempotency_key: Annotated[
        str,
        Header(
            min_length=1,
            max_length=IDEMPOTENCY_KEY_MAX,
            description="a new random value (e.g. a UUID) per application, the same on every retry of it "
            "(幂等键): a retry then returns the case the first attempt created instead of filing twice",
        ),
    ],
) -> CaseOut:
    """Apply (申报) for a published matter or 一件事 bundle, online or at a window on someone's behalf (代办).

    The matter (or bundle) version is pinned. A bundle makes a parent case (lead department, combined time
    limit, merged materials) with one member case per member matter, reviewed by each department in parallel.
    A retry with the same `Idempotency-Key` returns the same case (200).
    """
    raise RuntimeError("the contract of POST /cases; requests are served by serve_submission")


router.add_api_route(
    "/cases",
    submit_case,
    methods=["POST"],
    response_model=SubmittedCaseOut,
    status_code=status.HTTP_201_CREATED,
    route_class_override=_SubmissionRoute,
    responses={
        200: {"description": "replayed: the case an earlier request with this Idempotency-Key created"},
        **problem_responses(400, 401, 403, 404, 413, 422),
        **created_response(
            "the case (办件)", operation="get_case", parameters={"case_id": "$response.body#/id"}
        ),
    },
)


@router.get("/cases/{case_id}", response_model=CaseDetailOut, responses=problem_responses(401, 404))
async def get_case(
    request: Request,
    uow: UowDep,
    caller: CallerDep,
    settings: SettingsDep,
    calendar: CalendarDep,
    case_id: CaseId,
) -> CaseDetailOut:
    """One case with its timeline (办理过程, a forwarding 转办 among it) and clock ledger; only for those who may
    see it. Until acceptance, `expected_due_date` is the promised date if it were accepted today, as on
    submission. Organizations carry their names beside their codes (`*_org_name`)."""
    case, timeline, ledger, members = await case_detail(
        uow, case_id=case_id, caller=caller, district_center=settings.district_center_org
    )
    views = CaseViews(request, calendar, local_date(_now()), caller=caller)
    return await views.detail(case, timeline, ledger, members)


@router.post(
    "/cases/{case_id}/actions", response_model=CaseOut, responses=problem_responses(401, 403, 404, 409, 422)
)
async def act_on_case(
    request: Request,
    uow: UowDep,
    caller: CallerDep,
    settings: SettingsDep,
    calendar: CalendarDep,
    case_id: CaseId,
    body: ActionIn,
) -> CaseOut:
    """Move a case on: accept (受理), refuse (不予受理), request supplement (补正), approve (准予), deny, extend…

    On a 一件事 parent, the window actions (pre_review, accept, refuse, request_supplement, supplement, withdraw,
    deliver) apply to every member case they fit; review and decisions are taken on the member cases.

    accept needs every required (必要) material of the case, approve the deferrable (容缺) ones too: else 409
    ``materials_missing`` naming them in ``missing_materials`` (upload, paper at the window, or the exchange).
    """
    case = await take_action(
        uow,
        calendar,
        case_id=case_id,
        caller=caller,
        district_center=settings.district_center_org,
        now=_now(),
        step=Step(
            action=body.action,
            reason=body.reason,
            extension_days=body.extension_days,
            joint=body.joint,
            delivery_channel=body.delivery_channel,
            delivery_ref=body.delivery_ref,
            remedies=Remedies(review_body=settings.review_body, court=settings.court),
        ),
    )
    views = CaseViews(request, calendar, local_date(_now()), caller=caller)
    return await views.case(case)


@router.post(
    "/cases/{case_id}/certificate/retry",
    response_model=CaseOut,
    responses=problem_responses(401, 403, 404, 409),
)
async def retry_certificate_issue(
    request: Request,
    uow: UowDep,
    caller: CallerDep,
    settings: SettingsDep,
    calendar: CalendarDep,
    case_id: CaseId,
) -> CaseOut:
    """Have an approved case's e-certificate issued again (重新签发): at once, with a fresh count of attempts —
    e.g. once `certificate_state` is `failed` with `certificate_error` `unknown_certificate_type` and the
    exchange's type directory has gained the type. The handling department's reviewers and heads (403 for anyone
    else); 409 `certificate_not_retryable` when nothing is waiting to be issued. Recorded in the
    timeline (`retry_certificate`)."""
    case = await retry_certificate(
        uow, case_id=case_id, caller=caller, district_center=settings.district_center_org, now=_now()
    )
    views = CaseViews(request, calendar, local_date(_now()), caller=caller)  # reviewers and heads only
    return await views.case(case)


async def _page(views: CaseViews, page: Page, limit: int, offset: int) -> CasePage:
    return CasePage(
        items=await views.cases(page.items),
        total=page.total,
        total_exact=page.exact,
        limit=limit,
        offset=offset,
    )


@router.get("/me/cases", response_model=CasePage, responses=problem_responses(401, 403))
async def list_my_cases(
    request: Request,
    uow: UowDep,
    caller: ApplicantDep,
    calendar: CalendarDep,
    limit: Limit = 20,
    offset: Offset = 0,
) -> CasePage:
    """The applicant's own cases (我的办件), wherever they were filed, newest first."""
    views = CaseViews(request, calendar, local_date(_now()), caller=caller)
    return await _page(views, await my_cases(uow, caller=caller, limit=limit, offset=offset), limit, offset)


@router.get("/queue", response_model=CasePage, responses=problem_responses(401, 403))
async def work_queue(
    request: Request,
    uow: UowDep,
    caller: StaffDep,
    calendar: CalendarDep,
    statuses: Statuses = None,
    due_before: Annotated[IsoDate | None, Query()] = None,
    overdue: bool = False,
    limit: Limit = 20,
    offset: Offset = 0,
) -> CasePage:
    """Cases the caller's organization handles, received, or accepts as a hall (forwarded to its window), soonest
    promised first: the open ones (待办) unless `statuses` asks for others (e.g. `approved`). A case not yet
    accepted sorts by its `expected_due_date` (the promised date if accepted today), beside accepted ones' due
    dates. Totals are exact up to 10,000 (`total_exact`)."""
    today = local_date(_now())
    page = await staff_queue(
        uow,
        caller=caller,
        promised=promised_dates(calendar, today),
        today=today,
        pending_from=first_pending_day(calendar, today),
        statuses=[s.value for s in statuses or []],
        due_before=due_before,
        overdue_on=today if overdue else None,
        limit=limit,
        offset=offset,
    )
    return await _page(CaseViews(request, calendar, today, caller=caller), page, limit, offset)


@router.get("/supervision/overdue", response_model=CasePage, responses=problem_responses(401, 403))
async def overdue_cases(
    request: Request,
    uow: UowDep,
    caller: SupervisorDep,
    calendar: CalendarDep,
    statuses: Statuses = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> CasePage:
    """Overdue cases in the supervisor's territory (电子监察 红牌)."""
    today = local_date(_now())
    page = await supervision_list(
        uow,
        caller=caller,
        today=today,
        statuses=[s.value for s in statuses or []],
        limit=limit,
        offset=offset,
    )
    return await _page(CaseViews(request, calendar, today, caller=caller), page, limit, offset)
