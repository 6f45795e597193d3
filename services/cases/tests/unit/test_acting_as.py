"""Issue 19 outside try, failure 3: a timeline row records the capacity the person acted in (an :class:`Actor`),
never the token's kind, so one person reads one label — a clerk who also reviews files as a window clerk."""

from __future__ import annotations

from cases.domain.access import FILING_ACTORS, Caller, acting_as
from cases.domain.labels import ACTOR_LABELS
from cases.domain.states import Actor


def _staff(*roles: str) -> Caller:
    return Caller(
        sub="s", kind="staff", org="500110-ZWFWZX", region="500110000000", roles=frozenset(roles), acr=2
    )


def test_one_capacity_per_row() -> None:
    """issue 19 outside try: failure 3 — 工作人员 on 收取纸质材料 beside 窗口工作人员 on 受理 for the same clerk."""
    person = Caller(sub="p", kind="person", org=None, region=None, roles=frozenset(), acr=2)
    enterprise = Caller(sub="e", kind="enterprise", org="91500110X", region=None, roles=frozenset(), acr=2)
    assert acting_as(person) is acting_as(enterprise) is Actor.APPLICANT
    assert acting_as(None) is Actor.SYSTEM
    both = _staff("reviewer", "window_clerk")
    assert acting_as(both, FILING_ACTORS) is Actor.WINDOW_CLERK
    assert acting_as(both, (Actor.REVIEWER, Actor.DEPARTMENT_HEAD)) is Actor.REVIEWER
    assert acting_as(_staff("window_clerk")) is Actor.WINDOW_CLERK
    assert ACTOR_LABELS[acting_as(_staff("window_clerk"))] == "窗口工作人员"
    assert ACTOR_LABELS["person"] == ACTOR_LABELS["enterprise"] == ACTOR_LABELS[Actor.APPLICANT.value]
