"""Problems the case use cases raise, each with its HTTP status and stable code."""

from __future__ import annotations

from cases.domain.states import TransitionRefused
from meshkit.errors import ProblemError

__all__ = ["CaseNotFound", "transition_problem"]


class CaseNotFound(ProblemError):
    status = 404
    code = "case_not_found"


_STATUS = {"transition_not_allowed": 409, "actor_not_allowed": 403, "reason_required": 422}


def transition_problem(refused: TransitionRefused) -> ProblemError:
    return ProblemError(str(refused), status=_STATUS.get(refused.code, 409), code=refused.code)
