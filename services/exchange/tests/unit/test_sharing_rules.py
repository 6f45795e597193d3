"""The sharing decision for each type, caller, grant state and item request (pure)."""

from datetime import date

import pytest

from exchange.domain.sharing import GrantTerms, Purpose, Refusal, ResourceTerms, SharingType, decide_read

pytestmark = pytest.mark.unit

TODAY = date(2026, 6, 15)
ITEMS = ("name", "id_number", "category", "amount")
OK = Purpose(purpose="救助审核", case_ref="50011020260615000001")


def resource(kind: SharingType, basis: str | None = None) -> ResourceTerms:
    return ResourceTerms("R", "500110-MZJ", kind, ITEMS, basis)


def decide(
    kind: SharingType,
    *,
    org: str | None = "500110-RSJ",
    caller: str = "system",
    grants: tuple[GrantTerms, ...] = (),
    requested: list[str] | None = None,
    purpose: Purpose = OK,
):  # type: ignore[no-untyped-def]
    return decide_read(
        resource=resource(kind, "《某法》第一条"),
        caller_kind=caller,
        caller_org=org,
        grants=grants,
        requested=requested,
        purpose=purpose,
        today=TODAY,
    )


def grant(
    items: tuple[str, ...], valid_from: date = date(2026, 1, 1), valid_to: date = date(2026, 12, 31)
) -> GrantTerms:
    return GrantTerms("g", items, valid_from, valid_to)


def test_unconditional_allows_every_item_to_any_government_user() -> None:
    decision = decide(SharingType.UNCONDITIONAL)
    assert decision.allowed
    assert decision.items == ITEMS


@pytest.mark.parametrize(
    ("caller", "org"), [("person", None), ("enterprise", None), ("system", None), ("staff", "")]
)
def test_only_government_users_read(caller: str, org: str | None) -> None:
    assert decide(SharingType.UNCONDITIONAL, caller=caller, org=org).refusal == Refusal.NOT_GOVERNMENT


@pytest.mark.parametrize("purpose", [Purpose(None, "case"), Purpose("", "case"), Purpose(" ", None, "basis")])
def test_purpose_required(purpose: Purpose) -> None:
    assert decide(SharingType.UNCONDITIONAL, purpose=purpose).refusal == Refusal.PURPOSE_REQUIRED


def test_the_sharing_rule_leaves_the_basis_to_its_own_check() -> None:
    """Whether a case, a duty or a grant stands behind the read is ``domain.bases``'s question."""
    assert decide(SharingType.UNCONDITIONAL, purpose=Purpose("用途")).allowed


def test_not_shared_is_refused_with_the_basis() -> None:
    decision = decide(SharingType.NOT_SHARED)
    assert decision.refusal == Refusal.NOT_SHARED
    assert "《某法》第一条" in decision.detail


def test_the_provider_reads_its_own_data() -> None:
    assert decide(SharingType.NOT_SHARED, org="500110-MZJ").allowed
    assert decide(SharingType.CONDITIONAL, org="500110-MZJ").items == ITEMS


def test_conditional_needs_a_current_grant_and_returns_only_its_items() -> None:
    assert decide(SharingType.CONDITIONAL).refusal == Refusal.NOT_GRANTED
    decision = decide(SharingType.CONDITIONAL, grants=(grant(("name", "category")),))
    assert decision.items == ("name", "category")
    assert decision.grant_ids == ("g",)


def test_grants_add_up_and_requested_items_are_filtered() -> None:
    decision = decide(
        SharingType.CONDITIONAL,
        grants=(grant(("name",)), grant(("amount",))),
        requested=["amount", "id_number", "name", "amount"],
    )
    assert decision.items == ("amount", "name")
    assert decision.withheld == ("id_number",)


def test_nothing_granted_of_what_was_asked() -> None:
    decision = decide(SharingType.CONDITIONAL, grants=(grant(("name",)),), requested=["amount"])
    assert decision.refusal == Refusal.NOT_GRANTED


def test_expired_and_future_grants() -> None:
    expired = grant(("name",), date(2025, 1, 1), date(2026, 6, 14))
    assert decide(SharingType.CONDITIONAL, grants=(expired,)).refusal == Refusal.GRANT_EXPIRED
    future = grant(("name",), date(2026, 7, 1), date(2026, 12, 31))
    assert decide(SharingType.CONDITIONAL, grants=(future,)).refusal == Refusal.NOT_GRANTED
    last_day = grant(("name",), date(2025, 1, 1), TODAY)
    assert decide(SharingType.CONDITIONAL, grants=(last_day,)).allowed
