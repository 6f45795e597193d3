"""Who may do what in the catalog (a domain rule of the owning service, ARCHITECTURE §7).

- anyone reads published matters and bundles;
- editors draft their own department's matters: staff with role ``catalog_editor``, or a department system with
  scope ``catalog:write``, whose ``org`` is the matter's department (a department system could once publish
  matters for any department, the scope alone deciding);
- the district's catalog administration (scope ``catalog:admin``: the 政务服务管理办公室's catalog system, the
  operator's import at the console) edits every department's matters;
- reviewers submit decisions (publish, return, retire): role ``catalog_reviewer`` or scope ``catalog:publish``;
- administrators manage dictionaries and synonyms: role ``admin`` or scope ``catalog:admin``.
"""

from __future__ import annotations

from dataclasses import dataclass

from meshkit.auth import Principal

__all__ = [
    "ADMIN",
    "EDITOR",
    "REVIEWER",
    "Denial",
    "may_administer",
    "may_draft",
    "may_edit",
    "may_read_unpublished",
    "may_review",
]

EDITOR = ("catalog_editor", "catalog:write")
REVIEWER = ("catalog_reviewer", "catalog:publish")
ADMIN = ("admin", "catalog:admin")


@dataclass(frozen=True)
class Denial:
    code: str
    message: str


def _holds(principal: Principal, grant: tuple[str, str]) -> bool:
    role, scope = grant
    return principal.has_scope(scope) or principal.has_role(role)


def _missing(grant: tuple[str, str], what: str) -> Denial:
    role, scope = grant
    return Denial("insufficient_scope", f"{what}需要角色 {role} 或权限范围 {scope} (scope {scope} required)")


def may_edit(principal: Principal, department_code: str) -> Denial | None:
    """Draft, change or submit a matter of ``department_code``; None when allowed."""
    if principal.has_scope(ADMIN[1]):
        return None
    if not _holds(principal, EDITOR):
        return _missing(EDITOR, "编辑事项")
    if principal.org != department_code:
        return Denial(
            "wrong_department",
            f"只能编辑本部门（{principal.org or '未知'}）的事项，不能编辑 {department_code} 的事项",
        )
    return None


def may_draft(principal: Principal) -> Denial | None:
    """Draft at all (imports); each matter's department is still checked with :func:`may_edit`."""
    return None if _holds(principal, EDITOR) else _missing(EDITOR, "编辑事项")


def may_review(principal: Principal) -> Denial | None:
    return None if _holds(principal, REVIEWER) else _missing(REVIEWER, "审核发布")


def may_administer(principal: Principal) -> Denial | None:
    return None if _holds(principal, ADMIN) else _missing(ADMIN, "管理字典和同义词")


def may_read_unpublished(principal: Principal | None, department_code: str) -> bool:
    """Drafts and versions in review: their department's editors, reviewers and administrators."""
    if principal is None:
        return False
    return (
        may_edit(principal, department_code) is None
        or may_review(principal) is None
        or may_administer(principal) is None
    )
