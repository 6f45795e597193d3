"""好差评 (evaluation) and the rectification of bad ratings (差评整改)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from fastapi import APIRouter, status
from pydantic import BaseModel, ConfigDict, Field

from cases.api.dependencies import CalendarDep, CallerDep, UowDep
from cases.domain.evaluation import LEVELS
from cases.use_cases.evaluation import advance_rectification, evaluate_case, list_rectifications
from meshkit.errors import problem_responses
from meshkit.headers import NoStore
from meshkit.hostile import MultiLineText

__all__ = ["router"]

router = APIRouter(tags=["好差评 (evaluation)"], dependencies=[NoStore])


class EvaluationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    score: int = Field(ge=1, le=5, description="5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意")
    comment: MultiLineText | None = Field(default=None, max_length=1000)
    channel: str = Field(
        default="online", pattern="^(online|hall)$", description="一事一评 online, 一次一评 hall"
    )


class RectificationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    case_id: str
    department: str
    status: str
    due_date: date | None
    callback_required: bool
    records: list[dict[str, Any]]
    opened_at: datetime
    closed_at: datetime | None


class EvaluationOut(BaseModel):
    case_id: str
    score: int
    label: str
    rectification: RectificationOut | None


class StepIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: MultiLineText = Field(min_length=1, max_length=2000, description="what was done at this step")


@router.post(
    "/cases/{case_id}/evaluation",
    response_model=EvaluationOut,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 404, 409, 422),
)
async def evaluate(
    uow: UowDep, caller: CallerDep, calendar: CalendarDep, case_id: str, body: EvaluationIn
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
    return EvaluationOut(
        case_id=evaluation.case_id,
        score=evaluation.score,
        label=LEVELS[evaluation.score],
        rectification=RectificationOut.model_validate(task) if task else None,
    )


@router.get("/rectifications", response_model=list[RectificationOut], responses=problem_responses(401, 403))
async def rectifications(uow: UowDep, caller: CallerDep) -> list[RectificationOut]:
    """The caller's department's rectification tasks, newest first."""
    return [RectificationOut.model_validate(t) for t in await list_rectifications(uow, caller=caller)]


@router.post(
    "/rectifications/{task_id}/steps",
    response_model=RectificationOut,
    responses=problem_responses(401, 403, 404, 409),
)
async def rectification_step(uow: UowDep, caller: CallerDep, task_id: str, body: StepIn) -> RectificationOut:
    """Record the next step: callback (回访), verification (核实), rectification (整改), feedback (反馈)."""
    task = await advance_rectification(
        uow, caller=caller, task_id=task_id, note=body.note, now=datetime.now(UTC)
    )
    return RectificationOut.model_validate(task)
