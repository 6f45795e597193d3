"""Every allowed and every forbidden transition of the case state machine."""

import itertools

import pytest

from cases.domain.evaluation import rectification_departments
from cases.domain.forwarding import serving_org
from cases.domain.states import (
    TRANSITIONS,
    Action,
    Actor,
    CaseStatus,
    TransitionRefused,
    national_code,
    plan_transition,
)

pytestmark = pytest.mark.unit

S, A = CaseStatus, Action

EXPECTED = {  # action: (from, to) for the first allowed actor
    A.PRE_REVIEW: {S.RECEIVED: S.PRE_REVIEW},
    A.ACCEPT: {S.RECEIVED: S.ACCEPTED, S.PRE_REVIEW: S.ACCEPTED},
    A.REFUSE: {S.RECEIVED: S.REFUSED, S.PRE_REVIEW: S.REFUSED},
    A.REQUEST_SUPPLEMENT: {S.RECEIVED: S.SUPPLEMENT_REQUESTED, S.PRE_REVIEW: S.SUPPLEMENT_REQUESTED},
    A.REQUEST_REVIEW_SUPPLEMENT: {S.IN_REVIEW: S.REVIEW_SUPPLEMENT},
    A.SUPPLEMENT: {S.SUPPLEMENT_REQUESTED: S.PRE_REVIEW, S.REVIEW_SUPPLEMENT: S.IN_REVIEW},
    A.START_REVIEW: {S.ACCEPTED: S.IN_REVIEW},
    A.BEGIN_SPECIAL: {S.IN_REVIEW: S.SPECIAL_PROCEDURE},
    A.END_SPECIAL: {S.SPECIAL_PROCEDURE: S.IN_REVIEW},
    A.SUSPEND: {S.IN_REVIEW: S.SUSPENDED},
    A.RESUME: {S.SUSPENDED: S.IN_REVIEW},
    A.EXTEND: {S.IN_REVIEW: S.IN_REVIEW, S.SPECIAL_PROCEDURE: S.SPECIAL_PROCEDURE},
    A.APPROVE: {S.IN_REVIEW: S.APPROVED},
    A.DENY: {S.IN_REVIEW: S.DENIED},
    A.WITHDRAW: {s: S.WITHDRAWN for s in S if not s.concluded},
    A.TERMINATE: {s: S.TERMINATED for s in S if not s.concluded},
    A.DELIVER: {S.APPROVED: S.DELIVERED, S.DENIED: S.DELIVERED},
}

ALLOWED_ACTORS = {
    A.PRE_REVIEW: {Actor.WINDOW_CLERK, Actor.DEPARTMENT_HEAD},
    A.ACCEPT: {Actor.WINDOW_CLERK, Actor.DEPARTMENT_HEAD, Actor.SYSTEM},
    A.REFUSE: {Actor.WINDOW_CLERK, Actor.DEPARTMENT_HEAD},
    A.REQUEST_SUPPLEMENT: {Actor.WINDOW_CLERK, Actor.DEPARTMENT_HEAD},
    A.REQUEST_REVIEW_SUPPLEMENT: {Actor.REVIEWER, Actor.DEPARTMENT_HEAD},
    A.SUPPLEMENT: {Actor.APPLICANT},
    A.START_REVIEW: {Actor.REVIEWER, Actor.DEPARTMENT_HEAD},
    A.BEGIN_SPECIAL: {Actor.REVIEWER, Actor.DEPARTMENT_HEAD},
    A.END_SPECIAL: {Actor.REVIEWER, Actor.DEPARTMENT_HEAD},
    A.SUSPEND: {Actor.DEPARTMENT_HEAD},
    A.RESUME: {Actor.DEPARTMENT_HEAD},
    A.EXTEND: {Actor.DEPARTMENT_HEAD},
    A.APPROVE: {Actor.REVIEWER, Actor.DEPARTMENT_HEAD},
    A.DENY: {Actor.REVIEWER, Actor.DEPARTMENT_HEAD},
    A.WITHDRAW: {Actor.APPLICANT},
    A.TERMINATE: {Actor.DEPARTMENT_HEAD},
    A.DELIVER: {Actor.WINDOW_CLERK, Actor.DEPARTMENT_HEAD, Actor.SYSTEM},
}


def test_the_table_is_what_the_tests_expect() -> None:
    assert set(TRANSITIONS) == set(Action) == set(EXPECTED) == set(ALLOWED_ACTORS)
    for action, rule in TRANSITIONS.items():
        assert rule.sources == set(EXPECTED[action]), action
        assert rule.actors == ALLOWED_ACTORS[action], action


@pytest.mark.parametrize(("status", "action", "actor"), list(itertools.product(S, A, Actor)))
def test_every_combination(status: CaseStatus, action: Action, actor: Actor) -> None:
    allowed = status in EXPECTED[action] and actor in ALLOWED_ACTORS[action]
    if allowed:
        assert plan_transition(status, action, actor, reason="理由") == EXPECTED[action][status]
    else:
        with pytest.raises(TransitionRefused) as refused:
            plan_transition(status, action, actor, reason="理由")
        expected_code = "transition_not_allowed" if status not in EXPECTED[action] else "actor_not_allowed"
        assert refused.value.code == expected_code


@pytest.mark.parametrize("action", [a for a, rule in TRANSITIONS.items() if rule.needs_reason])
@pytest.mark.parametrize("reason", [None, "", "   "])
def test_reason_required(action: Action, reason: str | None) -> None:
    status = next(iter(EXPECTED[action]))
    actor = next(iter(ALLOWED_ACTORS[action]))
    with pytest.raises(TransitionRefused) as refused:
        plan_transition(status, action, actor, reason=reason)
    assert refused.value.code == "reason_required"


def test_national_codes_and_paused_statuses() -> None:
    assert {s for s in S if national_code(s) == 1} == {S.RECEIVED, S.PRE_REVIEW, S.SUPPLEMENT_REQUESTED}
    assert {s for s in S if national_code(s) == 3} == {
        S.APPROVED,
        S.DENIED,
        S.PARTIALLY_GRANTED,
        S.REFUSED,
        S.WITHDRAWN,
        S.TERMINATED,
        S.DELIVERED,
    }
    assert {s for s in S if s.clock_paused} == {
        S.SUPPLEMENT_REQUESTED,
        S.REVIEW_SUPPLEMENT,
        S.SPECIAL_PROCEDURE,
        S.SUSPENDED,
    }
    assert S.APPROVED.label == "准予许可"


def test_issue19_outside_try_which_departments_a_rectification_involves() -> None:
    """issue 19 outside try: failure 1 — the rule of docs/cases.md: a single case concerns its handling
    department; a 一件事 concerns the member departments that did not approve (all of them when every member was
    approved), the lead coordinates, every member department sees it but only the lead and those concerned act."""
    single = rectification_departments("500110-GAJ")
    assert (single.coordinator, single.concerned, single.involved) == (
        "500110-GAJ",
        ("500110-GAJ",),
        ("500110-GAJ",),
    )
    members = [("500110-WSJKW", "approved"), ("500110-RSJ", "refused"), ("500110-GAJ", "approved")]
    bundle = rectification_departments("500110-WSJKW", members)
    assert bundle.coordinator == "500110-WSJKW"
    assert bundle.concerned == ("500110-RSJ",)
    assert bundle.involved == ("500110-WSJKW", "500110-RSJ", "500110-GAJ")
    assert bundle.may_see("500110-GAJ")
    assert not bundle.may_act("500110-GAJ")
    assert bundle.may_act("500110-RSJ")
    assert bundle.may_act("500110-WSJKW")
    assert not bundle.may_see("500110-SCJGJ")
    assert not bundle.may_see(None)
    all_approved = rectification_departments("500110-WSJKW", [(o, "approved") for o, _ in members])
    assert all_approved.concerned == ("500110-WSJKW", "500110-RSJ", "500110-GAJ")


def test_issue19_outside_try_whom_a_read_for_a_case_serves() -> None:
    """issue 19 outside try: failure 2 — a case received at 綦河社区, accepted at 古南街道, handled by 区公安局: its
    reads serve 古南街道 until acceptance (a case filed before 0011 has no accepting hall: 綦河社区), 区公安局 after."""
    halls = {"received_by": "500110001001-center", "accepting": "500110001-center", "handling": "500110-GAJ"}
    assert serving_org(accepted=False, **halls) == "500110001-center"
    assert serving_org(accepted=True, **halls) == "500110-GAJ"
    assert serving_org(accepted=False, **{**halls, "accepting": None}) == "500110001001-center"
