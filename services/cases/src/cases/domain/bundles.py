"""一件事 bundles: the parent case's status follows its member sub-cases, which departments handle in parallel.

Pure: takes the members' statuses and outcomes. The parent is 待受理 while any member still waits for acceptance,
已受理 once every open member is past it, and concludes when every member has concluded: 准予许可 when every member
was approved, 部分准予 (``partially_granted``) when some were approved and others not (不予许可, 不予受理, withdrawn or
terminated), 不予许可 when none was approved but one was refused (issue 19: a mixed 一件事 read 准予许可 or 不予许可).
"""

from __future__ import annotations

from collections.abc import Sequence

from cases.domain.states import Action, CaseStatus

__all__ = ["CASCADED_ACTIONS", "bundle_outcome", "bundle_paused", "bundle_status", "delivered_whole"]

S = CaseStatus

# Actions taken on the parent apply to every open member they fit (一窗受理: one window for the whole bundle);
# review and decisions are taken on the members by their own departments.
CASCADED_ACTIONS = frozenset(
    {
        Action.PRE_REVIEW,
        Action.ACCEPT,
        Action.REFUSE,
        Action.REQUEST_SUPPLEMENT,
        Action.SUPPLEMENT,
        Action.WITHDRAW,
        Action.DELIVER,
    }
)

_WAITING_ORDER = (S.SUPPLEMENT_REQUESTED, S.PRE_REVIEW, S.RECEIVED)


def bundle_status(members: Sequence[tuple[CaseStatus, str | None]]) -> tuple[CaseStatus, str | None]:
    """The parent's (status, outcome) from its members' (status, outcome)."""
    if not members:
        raise ValueError("a bundle has at least one member")
    statuses = [status for status, _ in members]
    if all(status.concluded for status in statuses):
        outcome = bundle_outcome({outcome or status.value for status, outcome in members})
        if all(status is S.DELIVERED for status in statuses):
            return S.DELIVERED, outcome  # delivered keeps what was decided: 部分准予 stays 部分准予
        return S(outcome), outcome
    open_statuses = [status for status in statuses if not status.concluded]
    for waiting in _WAITING_ORDER:
        if waiting in open_statuses:
            return waiting, None
    # 已受理 only while no member has moved on: once one is reviewed or decided the whole is 审查中 and stays so
    # (it went back to 已受理 when the member under review concluded — the outside try read it as going backwards)
    if all(status is S.ACCEPTED for status in statuses):
        return S.ACCEPTED, None
    return S.IN_REVIEW, None


def bundle_outcome(outcomes: set[str]) -> str:
    """The whole's outcome from its concluded members' outcomes (a status code each)."""
    if outcomes == {S.APPROVED.value}:
        return S.APPROVED.value
    if S.APPROVED.value in outcomes:
        return S.PARTIALLY_GRANTED.value  # part granted, part not: each member's decision is on the notice
    for single in (S.WITHDRAWN, S.REFUSED, S.TERMINATED):
        if outcomes == {single.value}:
            return single.value
    if outcomes <= {S.WITHDRAWN.value, S.TERMINATED.value}:
        return S.TERMINATED.value
    return S.DENIED.value


def bundle_paused(members: Sequence[CaseStatus]) -> bool:
    """The combined clock pauses while any open member's clock is paused (补正, 特别程序, 挂起)."""
    return any(status.clock_paused for status in members if not status.concluded)


def delivered_whole(members: Sequence[CaseStatus]) -> bool:
    """Every member's decision that is to be delivered has been (送达), and at least one was: the parent then
    shows how (a member refused or withdrawn has nothing to deliver)."""
    concluded = all(status.concluded for status in members)
    waiting = any(status in (S.APPROVED, S.DENIED) for status in members)
    return concluded and not waiting and S.DELIVERED in members
