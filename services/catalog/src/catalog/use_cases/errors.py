"""Problems the catalog's operations raise; each carries its status and stable code."""

from __future__ import annotations

from collections.abc import Sequence

from catalog.domain.permissions import Denial
from meshkit.errors import ProblemError

__all__ = [
    "BundleNotFound",
    "Conflict",
    "DictionaryNotFound",
    "Forbidden",
    "MatterNotFound",
    "QualityRulesFailed",
    "deny",
]


class MatterNotFound(ProblemError):
    status = 404
    code = "matter_not_found"


class BundleNotFound(ProblemError):
    status = 404
    code = "bundle_not_found"


class DictionaryNotFound(ProblemError):
    status = 404
    code = "dictionary_not_found"


class Conflict(ProblemError):
    """The record is not in a state that allows this (e.g. editing a published version)."""

    status = 409
    code = "conflict"


class Forbidden(ProblemError):
    status = 403
    code = "forbidden"


class QualityRulesFailed(ProblemError):
    status = 422
    code = "quality_rules_failed"

    def __init__(self, violations: Sequence[dict[str, str]], *, what: str = "事项") -> None:
        super().__init__(f"{what}不符合发布规则，共 {len(violations)} 处", errors=list(violations))


def deny(denial: Denial | None) -> None:
    """Raise 403 when a permission rule said no."""
    if denial is not None:
        raise Forbidden(denial.message, code=denial.code)
