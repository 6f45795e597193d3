"""Who may do what (domain rules over the verified token's claims)."""

import pytest

from catalog.domain.permissions import may_administer, may_draft, may_edit, may_read_unpublished, may_review
from meshkit.auth import Principal

pytestmark = pytest.mark.unit


def staff(*roles: str, org: str = "500110-SCJGJ") -> Principal:
    return Principal(sub="s-1", client_id="portal", kind="staff", roles=frozenset(roles), org=org)


def system(*scopes: str, org: str | None = None) -> Principal:
    return Principal(sub="sys", client_id="sys", kind="system", scopes=frozenset(scopes), org=org)


def test_department_editors_edit_their_own_department_only() -> None:
    editor = staff("catalog_editor")
    assert may_edit(editor, "500110-SCJGJ") is None
    denial = may_edit(editor, "500110-GAJ")
    assert denial is not None
    assert denial.code == "wrong_department"
    assert may_edit(staff("window_clerk"), "500110-SCJGJ") is not None
    assert may_draft(editor) is None


def test_department_systems_edit_their_own_department_with_the_scope() -> None:
    """Outside try of issue 18: SCJGJ's system (scope catalog:write) published a matter of 500110-GAJ — and of a
    department that does not exist — and citizens could apply for it."""
    assert may_edit(system("catalog:write", org="500110-GAJ"), "500110-GAJ") is None
    other = may_edit(system("catalog:write", org="500110-SCJGJ"), "500110-GAJ")
    assert other is not None
    assert other.code == "wrong_department"
    nowhere = may_edit(system("catalog:write"), "示例")
    assert nowhere is not None
    assert nowhere.code == "wrong_department"
    assert may_edit(system("catalog:admin"), "500110-GAJ") is None  # the district's catalog administration
    denial = may_edit(system("catalog:read"), "500110-GAJ")
    assert denial is not None
    assert denial.code == "insufficient_scope"


def test_reviewers_and_administrators() -> None:
    assert may_review(staff("catalog_reviewer")) is None
    assert may_review(system("catalog:publish")) is None
    assert may_review(staff("catalog_editor")) is not None
    assert may_administer(staff("admin")) is None
    assert may_administer(system("catalog:admin")) is None
    assert may_administer(staff("catalog_reviewer")) is not None


def test_unpublished_versions_are_for_insiders() -> None:
    assert not may_read_unpublished(None, "500110-SCJGJ")
    assert not may_read_unpublished(Principal(sub="p", client_id="app", kind="person"), "500110-SCJGJ")
    assert may_read_unpublished(staff("catalog_editor"), "500110-SCJGJ")
    assert not may_read_unpublished(staff("catalog_editor"), "500110-GAJ")
