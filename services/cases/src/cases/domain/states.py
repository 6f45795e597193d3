"""The case state machine (DOMAIN.md §5): who may move a case from which status to which.

Statuses map to the national 好差评 codes 1 待受理 / 2 已受理 / 3 已办结.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "TRANSITIONS",
    "Action",
    "Actor",
    "CaseStatus",
    "Transition",
    "TransitionRefused",
    "national_code",
    "plan_transition",
    "refusal_advice",
]


class CaseStatus(StrEnum):
    RECEIVED = "received"  # 已收件
    PRE_REVIEW = "pre_review"  # 预审中
    SUPPLEMENT_REQUESTED = "supplement_requested"  # 待补齐补正
    ACCEPTED = "accepted"  # 已受理
    IN_REVIEW = "in_review"  # 审查中
    REVIEW_SUPPLEMENT = "review_supplement"  # 审查中补正 (clock paused)
    SPECIAL_PROCEDURE = "special_procedure"  # 特别程序中
    SUSPENDED = "suspended"  # 挂起
    APPROVED = "approved"  # 准予许可
    DENIED = "denied"  # 不予许可
    PARTIALLY_GRANTED = "partially_granted"  # 部分准予: a 一件事 whose members were decided differently
    REFUSED = "refused"  # 不予受理
    WITHDRAWN = "withdrawn"  # 已撤回
    TERMINATED = "terminated"  # 已终止
    DELIVERED = "delivered"  # 已送达

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def concluded(self) -> bool:
        return national_code(self) == 3

    @property
    def clock_paused(self) -> bool:
        return self in (
            CaseStatus.SUPPLEMENT_REQUESTED,
            CaseStatus.REVIEW_SUPPLEMENT,
            CaseStatus.SPECIAL_PROCEDURE,
            CaseStatus.SUSPENDED,
        )


_LABELS = {
    CaseStatus.RECEIVED: "已收件",
    CaseStatus.PRE_REVIEW: "预审中",
    CaseStatus.SUPPLEMENT_REQUESTED: "待补齐补正",
    CaseStatus.ACCEPTED: "已受理",
    CaseStatus.IN_REVIEW: "审查中",
    CaseStatus.REVIEW_SUPPLEMENT: "审查中补正",
    CaseStatus.SPECIAL_PROCEDURE: "特别程序中",
    CaseStatus.SUSPENDED: "挂起",
    CaseStatus.APPROVED: "准予许可",
    CaseStatus.DENIED: "不予许可",
    CaseStatus.PARTIALLY_GRANTED: "部分准予",
    CaseStatus.REFUSED: "不予受理",
    CaseStatus.WITHDRAWN: "已撤回",
    CaseStatus.TERMINATED: "已终止",
    CaseStatus.DELIVERED: "已送达",
}

_WAITING = {CaseStatus.RECEIVED, CaseStatus.PRE_REVIEW, CaseStatus.SUPPLEMENT_REQUESTED}
_DONE = {
    CaseStatus.APPROVED,
    CaseStatus.DENIED,
    CaseStatus.PARTIALLY_GRANTED,
    CaseStatus.REFUSED,
    CaseStatus.WITHDRAWN,
    CaseStatus.TERMINATED,
    CaseStatus.DELIVERED,
}


def national_code(status: CaseStatus) -> int:
    """好差评 办件状态: 1 待受理, 2 已受理, 3 已办结."""
    if status in _WAITING:
        return 1
    return 3 if status in _DONE else 2


class Action(StrEnum):
    PRE_REVIEW = "pre_review"
    ACCEPT = "accept"
    REFUSE = "refuse"  # 不予受理 (reason required)
    REQUEST_SUPPLEMENT = "request_supplement"  # 一次性告知补正 (every defect listed)
    REQUEST_REVIEW_SUPPLEMENT = "request_review_supplement"  # 审查中要求补正 (clock paused)
    SUPPLEMENT = "supplement"
    START_REVIEW = "start_review"
    BEGIN_SPECIAL = "begin_special"
    END_SPECIAL = "end_special"
    SUSPEND = "suspend"
    RESUME = "resume"
    EXTEND = "extend"
    APPROVE = "approve"
    DENY = "deny"
    WITHDRAW = "withdraw"
    TERMINATE = "terminate"
    DELIVER = "deliver"

    @property
    def label(self) -> str:
        return _ACTION_LABELS[self]


_ACTION_LABELS = {
    Action.PRE_REVIEW: "预审",
    Action.ACCEPT: "受理",
    Action.REFUSE: "不予受理",
    Action.REQUEST_SUPPLEMENT: "一次性告知补正",
    Action.REQUEST_REVIEW_SUPPLEMENT: "审查中要求补正",
    Action.SUPPLEMENT: "补齐补正材料",
    Action.START_REVIEW: "开始审查",
    Action.BEGIN_SPECIAL: "启动特别程序",
    Action.END_SPECIAL: "结束特别程序",
    Action.SUSPEND: "挂起",
    Action.RESUME: "恢复办理",
    Action.EXTEND: "延长办理期限",
    Action.APPROVE: "准予许可",
    Action.DENY: "不予许可",
    Action.WITHDRAW: "撤回申请",
    Action.TERMINATE: "终止办理",
    Action.DELIVER: "送达",
}


class Actor(StrEnum):
    """The capacity in which someone acts on a case; the service derives it from the token and the case."""

    APPLICANT = "applicant"
    WINDOW_CLERK = "window_clerk"  # of the handling department's window or the district center
    REVIEWER = "reviewer"  # of the handling department
    DEPARTMENT_HEAD = "department_head"  # of the handling department
    SYSTEM = "system"  # timers: deemed acceptance

    @property
    def label(self) -> str:
        return _ACTOR_LABELS[self]


_ACTOR_LABELS = {
    Actor.APPLICANT: "申请人",
    Actor.WINDOW_CLERK: "窗口工作人员",
    Actor.REVIEWER: "审核人员",
    Actor.DEPARTMENT_HEAD: "部门负责人",
    Actor.SYSTEM: "系统",
}


@dataclass(frozen=True)
class Transition:
    sources: frozenset[CaseStatus]
    target: CaseStatus | None  # None: the status stays (e.g. an extension)
    actors: frozenset[Actor]
    needs_reason: bool = False
    targets: tuple[tuple[CaseStatus, CaseStatus], ...] = ()  # per-source targets, when they differ

    def target_from(self, source: CaseStatus) -> CaseStatus:
        return dict(self.targets).get(source) or self.target or source


def _t(
    sources: set[CaseStatus], target: CaseStatus | None, *actors: Actor, reason: bool = False
) -> Transition:
    return Transition(frozenset(sources), target, frozenset(actors), reason)


S = CaseStatus
A = Actor
_OPEN = set(CaseStatus) - _DONE
_STAFF_AT_WINDOW = (A.WINDOW_CLERK, A.DEPARTMENT_HEAD)
TRANSITIONS: dict[Action, Transition] = {
    Action.PRE_REVIEW: _t({S.RECEIVED}, S.PRE_REVIEW, *_STAFF_AT_WINDOW),
    Action.ACCEPT: _t({S.RECEIVED, S.PRE_REVIEW}, S.ACCEPTED, *_STAFF_AT_WINDOW, A.SYSTEM),
    Action.REFUSE: _t({S.RECEIVED, S.PRE_REVIEW}, S.REFUSED, *_STAFF_AT_WINDOW, reason=True),
    Action.REQUEST_SUPPLEMENT: _t(
        {S.RECEIVED, S.PRE_REVIEW}, S.SUPPLEMENT_REQUESTED, *_STAFF_AT_WINDOW, reason=True
    ),
    Action.REQUEST_REVIEW_SUPPLEMENT: _t(
        {S.IN_REVIEW}, S.REVIEW_SUPPLEMENT, A.REVIEWER, A.DEPARTMENT_HEAD, reason=True
    ),
    Action.SUPPLEMENT: Transition(
        frozenset({S.SUPPLEMENT_REQUESTED, S.REVIEW_SUPPLEMENT}),
        S.PRE_REVIEW,
        frozenset({A.APPLICANT}),
        targets=((S.REVIEW_SUPPLEMENT, S.IN_REVIEW),),
    ),
    Action.START_REVIEW: _t({S.ACCEPTED}, S.IN_REVIEW, A.REVIEWER, A.DEPARTMENT_HEAD),
    Action.BEGIN_SPECIAL: _t({S.IN_REVIEW}, S.SPECIAL_PROCEDURE, A.REVIEWER, A.DEPARTMENT_HEAD, reason=True),
    Action.END_SPECIAL: _t({S.SPECIAL_PROCEDURE}, S.IN_REVIEW, A.REVIEWER, A.DEPARTMENT_HEAD),
    Action.SUSPEND: _t({S.IN_REVIEW}, S.SUSPENDED, A.DEPARTMENT_HEAD, reason=True),
    Action.RESUME: _t({S.SUSPENDED}, S.IN_REVIEW, A.DEPARTMENT_HEAD),
    Action.EXTEND: _t({S.IN_REVIEW, S.SPECIAL_PROCEDURE}, None, A.DEPARTMENT_HEAD, reason=True),
    Action.APPROVE: _t({S.IN_REVIEW}, S.APPROVED, A.REVIEWER, A.DEPARTMENT_HEAD),
    Action.DENY: _t({S.IN_REVIEW}, S.DENIED, A.REVIEWER, A.DEPARTMENT_HEAD, reason=True),
    Action.WITHDRAW: _t(_OPEN, S.WITHDRAWN, A.APPLICANT),
    Action.TERMINATE: _t(_OPEN, S.TERMINATED, A.DEPARTMENT_HEAD, reason=True),
    Action.DELIVER: _t({S.APPROVED, S.DENIED}, S.DELIVERED, A.WINDOW_CLERK, A.DEPARTMENT_HEAD, A.SYSTEM),
}


class TransitionRefused(ValueError):
    """``code`` says why: ``transition_not_allowed``, ``actor_not_allowed`` or ``reason_required``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def plan_transition(
    status: CaseStatus, action: Action, actor: Actor, *, reason: str | None = None
) -> CaseStatus:
    """The status after ``action``, or :class:`TransitionRefused` with the reason it may not happen."""
    rule = TRANSITIONS[action]
    if status not in rule.sources:
        raise TransitionRefused("transition_not_allowed", refusal_advice(status, action))
    if actor not in rule.actors:
        raise TransitionRefused("actor_not_allowed", f"{actor.label}无权{action.label}")
    if rule.needs_reason and not (reason and reason.strip()):
        raise TransitionRefused("reason_required", f"「{action.label}」必须说明理由：请在“理由”中写明")
    return rule.target_from(status)


def _distances(goal: frozenset[CaseStatus]) -> dict[CaseStatus, int]:
    """How many steps each status is from ``goal`` along the state machine (statuses that never get there: absent)."""
    distance = dict.fromkeys(goal, 0)
    frontier = set(goal)
    while frontier:
        reached: set[CaseStatus] = set()
        for rule in TRANSITIONS.values():
            for source in rule.sources - distance.keys():
                if rule.target_from(source) in frontier:
                    distance[source] = distance[rule.target_from(source)] + 1
                    reached.add(source)
        frontier = reached
    return distance


def _quoted(actions: list[Action]) -> str:
    return "或".join(f"「{a.label}」" for a in actions)


def refusal_advice(status: CaseStatus, action: Action) -> str:
    """Why ``action`` may not be taken from ``status``, in Chinese, with what to do first — derived from
    :data:`TRANSITIONS` (the shortest way there, each step's alternatives), never a hand-kept list:
    ``办件处于「已受理」，请先「开始审查」再准予许可``."""
    goal = TRANSITIONS[action].sources
    distance = _distances(goal)
    if status not in distance:
        if status.concluded:
            return f"办件已办结（{status.label}），不能再{action.label}"
        return f"办件处于「{status.label}」，已不能{action.label}"
    steps: list[str] = []
    here = status
    while here not in goal:
        ahead = [
            a
            for a, rule in TRANSITIONS.items()
            if here in rule.sources
            and rule.target_from(here) != here
            and distance.get(rule.target_from(here)) == distance[here] - 1
        ]
        steps.append(_quoted(ahead))
        here = TRANSITIONS[ahead[0]].target_from(here)
    return f"办件处于「{status.label}」，请先{'、'.join(steps)}再{action.label}"
