"""The parent of a 一件事 follows its members."""

import pytest

from cases.domain.bundles import bundle_paused, bundle_status
from cases.domain.states import CaseStatus as S

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        ([(S.RECEIVED, None), (S.ACCEPTED, None)], (S.RECEIVED, None)),
        ([(S.SUPPLEMENT_REQUESTED, None), (S.PRE_REVIEW, None)], (S.SUPPLEMENT_REQUESTED, None)),
        ([(S.ACCEPTED, None), (S.ACCEPTED, None)], (S.ACCEPTED, None)),
        ([(S.ACCEPTED, None), (S.IN_REVIEW, None)], (S.IN_REVIEW, None)),
        ([(S.APPROVED, "approved"), (S.REVIEW_SUPPLEMENT, None)], (S.IN_REVIEW, None)),
        # outside try of issue 19: a decided member left the parent 审查中, not back at 已受理
        ([(S.APPROVED, "approved"), (S.ACCEPTED, None)], (S.IN_REVIEW, None)),
        ([(S.APPROVED, "approved"), (S.DELIVERED, "approved")], (S.APPROVED, "approved")),
        ([(S.APPROVED, "approved"), (S.DENIED, "denied")], (S.PARTIALLY_GRANTED, "partially_granted")),
        ([(S.APPROVED, "approved"), (S.WITHDRAWN, "withdrawn")], (S.PARTIALLY_GRANTED, "partially_granted")),
        ([(S.DENIED, "denied"), (S.DENIED, "denied")], (S.DENIED, "denied")),
        ([(S.DENIED, "denied"), (S.REFUSED, "refused")], (S.DENIED, "denied")),
        ([(S.WITHDRAWN, "withdrawn"), (S.WITHDRAWN, "withdrawn")], (S.WITHDRAWN, "withdrawn")),
        ([(S.REFUSED, "refused"), (S.REFUSED, "refused")], (S.REFUSED, "refused")),
        ([(S.WITHDRAWN, "withdrawn"), (S.TERMINATED, "terminated")], (S.TERMINATED, "terminated")),
        ([(S.DELIVERED, "approved"), (S.DELIVERED, "approved")], (S.DELIVERED, "approved")),
        ([(S.DELIVERED, "approved"), (S.DELIVERED, "denied")], (S.DELIVERED, "partially_granted")),
    ],
)
def test_bundle_status(members: list[tuple[S, str | None]], expected: tuple[S, str | None]) -> None:
    assert bundle_status(members) == expected


def test_members_decided_differently_make_the_bundle_partially_granted() -> None:
    """issue 19: a 一件事 whose members ended differently (three 准予许可, one 不予许可) showed 不予许可 or 准予许可;
    it is 部分准予, before and after delivery, and only all-granted is 准予许可, all-refused 不予许可."""
    granted, denied = (S.APPROVED, "approved"), (S.DENIED, "denied")
    assert bundle_status([granted, granted, granted, denied]) == (S.PARTIALLY_GRANTED, "partially_granted")
    assert bundle_status([denied, granted]) == (S.PARTIALLY_GRANTED, "partially_granted")
    assert bundle_status([(S.DELIVERED, "approved"), (S.DELIVERED, "denied"), (S.REFUSED, "refused")]) == (
        S.PARTIALLY_GRANTED,
        "partially_granted",
    )
    assert bundle_status([(S.DELIVERED, "denied"), (S.DELIVERED, "approved")]) == (
        S.DELIVERED,
        "partially_granted",
    )
    assert bundle_status([granted, granted]) == (S.APPROVED, "approved")
    assert bundle_status([denied, denied]) == (S.DENIED, "denied")
    assert S.PARTIALLY_GRANTED.label == "部分准予"
    assert S.PARTIALLY_GRANTED.concluded


def test_combined_clock_pauses_while_any_open_member_is_paused() -> None:
    assert bundle_paused([S.IN_REVIEW, S.SPECIAL_PROCEDURE])
    assert bundle_paused([S.APPROVED, S.REVIEW_SUPPLEMENT])
    assert not bundle_paused([S.IN_REVIEW, S.APPROVED])


def test_a_bundle_has_members() -> None:
    with pytest.raises(ValueError, match="at least one member"):
        bundle_status([])
