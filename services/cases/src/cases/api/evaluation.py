"""好差评 (evaluation) and the rectification of bad ratings (差评整改)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, Literal

from fastapi import APIRouter, Request, Response, status
from pydantic import BaseModel, ConfigDict, Field

from cases.api.dependencies import (
    CalendarDep,
    CallerDep,
    DepartmentReviewerDep,
    RectificationReaderDep,
    UowDep,
)
from cases.api.paths import CaseId, TaskId
from cases.clients.organizations import OrganizationNames, StaffNames
from cases.domain.evaluation import LEVELS, RECTIFICATION_LABELS, STEP_LABELS, RectificationStatus
from cases.store.case_models import Case, Evaluation, RectificationTask
from cases.use_cases.evaluation import (
    advance_rectification,
    evaluate_case,
    list_rectifications,
    rate_rectification,
    rater_view,
    task_departments,
)
from meshkit.created import created_response, set_location
from meshkit.errors import problem_responses
from meshkit.headers import NoStore
from meshkit.hostile import MultiLineText
from meshkit.observability import redact

__all__ = ["router"]

router = APIRouter(tags=["好差评 (evaluation)"], dependencies=[NoStore])


class EvaluationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    score: int = Field(ge=1, le=5, description="5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意")
    comment: MultiLineText | None = Field(default=None, max_length=1000)
    channel: Literal["online", "hall"] = Field(default="online", description="一事一评 online, 一次一评 hall")


class DepartmentOut(BaseModel):
    code: str
    name: str | None = Field(description="the department's name, from identity")


class RectificationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    case_id: str
    department: str
    department_name: str | None = Field(default=None, description="the department's name, from identity")
    status: str
    status_label: str = Field(default="", description="待回访, 已回访, 已核实, 已整改 or 已反馈")
    due_date: date | None
    callback_required: bool
    records: list[dict[str, Any]] = Field(
        description="each step: step, step_label, at, by (staff id), by_name (that staff member's name, from "
        "identity), department (who recorded it), note"
    )
    opened_at: datetime
    closed_at: datetime | None
    concerned: list[DepartmentOut] = Field(
        default_factory=list,
        description="the departments the complaint concerns (a 一件事: each member department that did not "
        "approve, else all): they record the steps with the coordinating `department`",
    )
    involved: list[DepartmentOut] = Field(
        default_factory=list,
        description="every department that sees the task and the rating (a 一件事: the lead and each member's)",
    )
    case_number: str | None = Field(default=None, description="办件编号 of the rated case")
    matter_name: str | None = Field(default=None, description="the rated case's matter (事项名称)")
    score: int | None = Field(default=None, description="the rating that opened the task, 1 or 2")
    score_label: str | None = Field(default=None, description="不满意 or 非常不满意")
    comment: str | None = Field(
        default=None,
        description="what the rater wrote, as she wrote it (ID numbers and phones in it masked); the rater's "
        "identity is not shown",
    )
    rated_at: datetime | None = None

    @classmethod
    def of(
        cls, task: RectificationTask, names: dict[str, str], staff: dict[str, str] | None = None
    ) -> RectificationOut:
        """The task with a Chinese label beside each code and the department's name beside its code; for a staff
        reader, each step's recorder by name beside the id (``by_name``)."""
        departments = task_departments(task)
        out = cls.model_validate(task)
        out.department_name = names.get(task.department)
        out.concerned = [DepartmentOut(code=c, name=names.get(c)) for c in departments.concerned]
        out.involved = [DepartmentOut(code=c, name=names.get(c)) for c in departments.involved]
        out.status_label = RECTIFICATION_LABELS[RectificationStatus(task.status)]
        out.records = [
            {
                **r,
                "step_label": STEP_LABELS[RectificationStatus(r["step"])],
                "by_name": (staff or {}).get(r.get("by", "")),
            }
            if "step" in r
            else r
            for r in task.records
        ]
        return out

    def rating(self, case: Case, evaluation: Evaluation) -> RectificationOut:
        """The task with what the department needs to answer it: the case and the rating with its comment."""
        self.case_number, self.matter_name = case.number, case.matter_name
        self.score, self.score_label = evaluation.score, LEVELS[evaluation.score]
        self.comment = None if evaluation.comment is None else redact(evaluation.comment)
        self.rated_at = evaluation.at
        return self


async def _recorders(request: Request, tasks: list[RectificationTask]) -> dict[str, str]:
    """The names of the staff who recorded the tasks' steps, asked with the (staff) reader's own token."""
    staff: StaffNames = request.app.state.staff_names
    bearer = request.headers.get("authorization", "").partition(" ")[2]
    return await staff.names({r.get("by") for t in tasks for r in t.records}, bearer=bearer)


async def _department_names(request: Request, tasks: list[RectificationTask]) -> dict[str, str]:
    names: OrganizationNames = request.app.state.organization_names
    return await names.names({code for t in tasks for code in (*task_departments(t).involved, t.department)})


class EvaluationOut(BaseModel):
    case_id: str
    score: int
    label: str
    rectification: RectificationOut | None


class RaterStepOut(BaseModel):
    step: str = Field(description="called_back | verified | rectified | closed")
    step_label: str = Field(description="回访, 核实, 整改 or 反馈")
    at: datetime
    note: str = Field(description="what the department did and said at this step")


class RaterRectificationOut(BaseModel):
    """The rectification of a bad rating as the rater sees it: its steps and feedback, not who recorded them."""

    status: str
    status_label: str = Field(description="待回访, 已回访, 已核实, 已整改 or 已反馈")
    due_date: date | None
    steps: list[RaterStepOut]
    closed_at: datetime | None
    rater_score: int | None = Field(description="the rater's rating of the rectification, once given")
    rater_label: str | None

    @classmethod
    def of(cls, task: RectificationTask) -> RaterRectificationOut:
        status = RectificationStatus(task.status)
        return cls(
            status=status.value,
            status_label=RECTIFICATION_LABELS[status],
            due_date=task.due_date,
            steps=[
                RaterStepOut(
                    step=r["step"],
                    step_label=STEP_LABELS[RectificationStatus(r["step"])],
                    at=r["at"],
                    note=r["note"],
                )
                for r in task.records
            ],
            closed_at=task.closed_at,
            rater_score=task.rater_score,
            rater_label=LEVELS[task.rater_score] if task.rater_score else None,
        )


class MyEvaluationOut(BaseModel):
    """The applicant's own evaluation and the answer to it (好差评: 差评 must be answered to the rater)."""

    case_id: str
    score: int
    label: str
    comment: str | None
    at: datetime
    rectification: RaterRectificationOut | None

    @classmethod
    def of(cls, evaluation: Evaluation, task: RectificationTask | None) -> MyEvaluationOut:
        return cls(
            case_id=evaluation.case_id,
            score=evaluation.score,
            label=LEVELS[evaluation.score],
            comment=evaluation.comment,
            at=evaluation.at,
            rectification=RaterRectificationOut.of(task) if task else None,
        )


class RectificationRatingIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    score: int = Field(ge=1, le=5, description="5 非常满意 … 1 非常不满意, of the rectification")
    comment: MultiLineText | None = Field(default=None, max_length=1000)


class StepIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: MultiLineText = Field(min_length=1, max_length=2000, description="what was done at this step")


@router.post(
    "/cases/{case_id}/evaluation",
    response_model=EvaluationOut,
    status_code=status.HTTP_201_CREATED,
    responses={
        **problem_responses(401, 404, 409, 422),
        **created_response(
            "recorded (`Location`: the case, which shows its evaluation)",
            operation="get_case",
            parameters={"case_id": "$request.path.case_id"},
        ),
    },
)
async def evaluate(
    request: Request,
    response: Response,
    uow: UowDep,
    caller: CallerDep,
    calendar: CalendarDep,
    case_id: CaseId,
    body: EvaluationIn,
) -> EvaluationOut:
    """Rate a concluded case once (一事一评); 1 or 2 opens a rectification task with a due date."""
    evaluation, task = await evaluate_case(
        uow,
        calendar,
        caller=caller,
        case_id=case_id,
        score=body.score,
        comment=body.comment,
        channel=body.channel,
        now=datetime.now(UTC),
    )
    set_location(request, response, f"/cases/{case_id}")
    return EvaluationOut(
        case_id=evaluation.case_id,
        score=evaluation.score,
        label=LEVELS[evaluation.score],
        rectification=await _opened(request, uow, task, evaluation) if task else None,
    )


async def _opened(
    request: Request, uow: UowDep, task: RectificationTask, evaluation: Evaluation
) -> RectificationOut:
    """The task just opened, with the rated case and the rating as GET /rectifications shows them (issue 19,
    last outside try, failure 4: case_number, matter_name, score and comment were null in this answer)."""
    case = await uow.cases.get(task.case_id)
    out = RectificationOut.of(task, await _department_names(request, [task]))
    return out.rating(case, evaluation) if case is not None else out


@router.get("/rectifications", response_model=list[RectificationOut], responses=problem_responses(401, 403))
async def rectifications(
    request: Request, uow: UowDep, caller: RectificationReaderDep
) -> list[RectificationOut]:
    """The rectification tasks the caller's department is involved in, newest first: each with the rated case
    (number, matter), the rating and its comment, the coordinating department and those concerned. A supervisor
    (督查, role ``supervisor``) reads every task of the cases in their region, read-only (steps stay with the
    departments)."""
    found = list(await list_rectifications(uow, caller=caller))
    tasks = [task for task, _, _ in found]
    names, staff = await _department_names(request, tasks), await _recorders(request, tasks)
    return [RectificationOut.of(task, names, staff).rating(case, rating) for task, case, rating in found]


@router.post(
    "/rectifications/{task_id}/steps",
    response_model=RectificationOut,
    responses=problem_responses(401, 403, 404, 409),
)
async def rectification_step(
    request: Request, uow: UowDep, caller: DepartmentReviewerDep, task_id: TaskId, body: StepIn
) -> RectificationOut:
    """Record the next step: callback (回访), verification (核实), rectification (整改), feedback (反馈)."""
    task = await advance_rectification(
        uow, caller=caller, task_id=task_id, note=body.note, now=datetime.now(UTC)
    )
    return RectificationOut.of(
        task, await _department_names(request, [task]), await _recorders(request, [task])
    )


@router.get(
    "/cases/{case_id}/evaluation", response_model=MyEvaluationOut, responses=problem_responses(401, 403, 404)
)
async def my_evaluation(uow: UowDep, caller: CallerDep, case_id: CaseId) -> MyEvaluationOut:
    """The applicant's own evaluation of the case and, for a bad one, its rectification: each step the department
    recorded and its feedback. The rater sees it, and so do the head and reviewers of a department its
    rectification involves (the task's own record says which)."""
    evaluation, task = await rater_view(uow, caller=caller, case_id=case_id)
    found = MyEvaluationOut.of(evaluation, task)
    if caller.kind == "staff" and found.comment is not None:  # staff read ID numbers and phones masked
        found.comment = redact(found.comment)
    return found


@router.post(
    "/cases/{case_id}/evaluation/rectification-rating",
    response_model=MyEvaluationOut,
    responses=problem_responses(401, 404, 409, 422),
)
async def rate_the_rectification(
    uow: UowDep, caller: CallerDep, case_id: CaseId, body: RectificationRatingIn
) -> MyEvaluationOut:
    """The rater rates the rectification of her bad rating, once, after the department's feedback (反馈)."""
    evaluation, task = await rate_rectification(
        uow, caller=caller, case_id=case_id, score=body.score, comment=body.comment, now=datetime.now(UTC)
    )
    return MyEvaluationOut.of(evaluation, task)
