"""Issue 19 outside try, failure 3: `approve` straight from 已受理 answered 409 "不能准予许可 (not allowed from
accepted)" — English in `detail`, and nothing about what to do first. Every refused transition now says, in
Chinese only, which step (or steps) come first, derived from the state machine."""

from __future__ import annotations

import re

import pytest

from cases.domain.states import TRANSITIONS, Action, CaseStatus, TransitionRefused, plan_transition

REFUSED = [
    (status, action)
    for status in CaseStatus
    for action in Action
    if status not in TRANSITIONS[action].sources
]


def _refusal(status: CaseStatus, action: Action) -> str:
    actor = next(iter(TRANSITIONS[action].actors))
    with pytest.raises(TransitionRefused) as refused:
        plan_transition(status, action, actor, reason="理由")
    assert refused.value.code == "transition_not_allowed"
    return str(refused.value)


def test_approve_from_accepted_says_to_start_the_review_first() -> None:
    """issue 19 outside try: failure 3 — the tester's own case, word for word."""
    assert _refusal(CaseStatus.ACCEPTED, Action.APPROVE) == "办件处于「已受理」，请先「开始审查」再准予许可"
    assert (
        _refusal(CaseStatus.RECEIVED, Action.APPROVE)
        == "办件处于「已收件」，请先「受理」、「开始审查」再准予许可"
    )
    assert (
        _refusal(CaseStatus.IN_REVIEW, Action.DELIVER)
        == "办件处于「审查中」，请先「准予许可」或「不予许可」再送达"
    )
    assert _refusal(CaseStatus.APPROVED, Action.WITHDRAW) == "办件已办结（准予许可），不能再撤回申请"


@pytest.mark.parametrize(("status", "action"), REFUSED)
def test_every_refused_transition_says_what_to_do_first_in_chinese(
    status: CaseStatus, action: Action
) -> None:
    """issue 19 outside try: failure 3 — every refused transition: no English, the current status by its label,
    and — when the action can still be reached — steps that really lead there, one after the other."""
    detail = _refusal(status, action)
    assert not re.search(r"[A-Za-z]", detail), detail
    assert status.label in detail
    steps = re.findall(r"「([^」]+)」", detail.split("请先", 1)[1]) if "请先" in detail else []
    if not steps:
        assert "不能" in detail
        return
    by_label = {a.label: a for a in Action}
    here = status
    for group in detail.split("请先", 1)[1].rsplit("再", 1)[0].split("、"):
        chosen = [by_label[label] for label in re.findall(r"「([^」]+)」", group)]
        assert chosen, detail
        for option in chosen:  # each alternative of a step is allowed where the case stands then
            assert here in TRANSITIONS[option].sources, (detail, option, here)
        here = TRANSITIONS[chosen[0]].target_from(here)
    assert here in TRANSITIONS[action].sources, detail
