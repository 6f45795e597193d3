"""Path parameters of the cases routes, each as long as the column it is looked up in."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path

from cases.store.case_models import Case, RectificationTask
from cases.store.models import OpenMatter
from meshkit.bounds import column_length

__all__ = ["CaseId", "MatterCode", "TaskId"]

CaseId = Annotated[str, Path(max_length=column_length(Case.id), description="case id (办件标识)")]
TaskId = Annotated[
    str, Path(max_length=column_length(RectificationTask.id), description="rectification task id (整改任务)")
]
MatterCode = Annotated[
    str, Path(max_length=column_length(OpenMatter.code), description="implementation code (实施编码)")
]
