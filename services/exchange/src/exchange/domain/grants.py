"""Share requests (共享申请) for conditional resources: the provider answers within 10 working days and must give
reasons for a refusal. A granted request is a grant; it expires after its validity."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum

from exchange.domain.calendar import WorkingCalendar

__all__ = [
    "ANSWER_WORKING_DAYS",
    "MAX_VALIDITY_DAYS",
    "GrantProblem",
    "RequestStatus",
    "answer_due",
    "check_items",
    "check_validity",
    "effective_status",
    "may_answer",
]

ANSWER_WORKING_DAYS = 10
MAX_VALIDITY_DAYS = 3 * 366


class RequestStatus(StrEnum):
    PENDING = "pending"  # 待答复
    GRANTED = "granted"  # 已授权
    REFUSED = "refused"  # 已拒绝
    WITHDRAWN = "withdrawn"  # 已撤回
    EXPIRED = "expired"  # 已过期 (derived: granted and past its validity)


class GrantProblem(ValueError):
    """A rule the request or answer breaks; ``code`` is the stable problem code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def answer_due(
    calendar: WorkingCalendar, requested_on: date, working_days: int = ANSWER_WORKING_DAYS
) -> date:
    """The provider's deadline: ``working_days`` working days after the request (国发〔2016〕51号); raises
    ``CalendarUnavailable`` when the days reach a year whose notice is not entered."""
    return calendar.add_working_days(requested_on, working_days)


def check_items(requested: Sequence[str], available: Sequence[str]) -> tuple[str, ...]:
    if not requested:
        raise GrantProblem("items_required", "请至少选择一个数据项 (at least one data item)")
    unknown = [item for item in requested if item not in available]
    if unknown:
        raise GrantProblem("unknown_items", f"资源没有这些数据项: {', '.join(unknown)}")
    return tuple(dict.fromkeys(requested))


def check_validity(valid_from: date, valid_to: date, today: date) -> None:
    if valid_to < valid_from:
        raise GrantProblem("invalid_validity", "有效期结束日期早于开始日期 (valid_to before valid_from)")
    if valid_to < today:
        raise GrantProblem("invalid_validity", "有效期已经结束 (valid_to is in the past)")
    if (valid_to - valid_from).days > MAX_VALIDITY_DAYS:
        raise GrantProblem("invalid_validity", "授权有效期最长三年 (at most three years)")


def may_answer(status: RequestStatus) -> None:
    if status != RequestStatus.PENDING:
        raise GrantProblem("request_answered", f"该申请已处理，当前状态 {status.value} (already answered)")


def effective_status(status: str, valid_to: date, today: date) -> RequestStatus:
    """A granted request past its validity reads as expired."""
    if status == RequestStatus.GRANTED and valid_to < today:
        return RequestStatus.EXPIRED
    return RequestStatus(status)
