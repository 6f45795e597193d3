"""Problems the exchange use cases raise; each carries its status and a stable code (the refusal reasons of a
read are ``not_granted``, ``grant_expired``, ``purpose_required``, ``not_shared``, ``rate_limited`` and
``payload_too_large``)."""

from __future__ import annotations

from exchange.domain.sharing import Decision, Refusal
from meshkit.errors import ProblemError

__all__ = [
    "Conflict",
    "Forbidden",
    "Invalid",
    "NotFound",
    "PayloadTooLarge",
    "ProviderFailed",
    "ReadRefused",
    "ResourceNotFound",
    "Unavailable",
    "read_refused",
]


class Forbidden(ProblemError):
    status = 403
    code = "forbidden"


class NotFound(ProblemError):
    status = 404
    code = "not_found"


class ResourceNotFound(ProblemError):
    status = 404
    code = "resource_not_found"


class Conflict(ProblemError):
    status = 409
    code = "conflict"


class Invalid(ProblemError):
    """Input that passed the schema but breaks a rule."""

    status = 422
    code = "validation_failed"


class PayloadTooLarge(ProblemError):
    status = 413
    code = "payload_too_large"


class ProviderFailed(ProblemError):
    """The provider system of a proxied resource did not answer usefully."""

    status = 502
    code = "provider_unavailable"


class Unavailable(ProblemError):
    """Something the decision needs did not answer; nothing was read, try again later."""

    status = 503
    code = "unavailable"


class ReadRefused(ProblemError):
    """A read the sharing rules refuse; logged before it is raised."""

    status = 403


_STATUS = {Refusal.PURPOSE_REQUIRED: 400}


def read_refused(decision: Decision, *, log_id: str) -> ReadRefused:
    assert decision.refusal is not None
    return ReadRefused(
        decision.detail,
        status=_STATUS.get(decision.refusal, 403),
        code=decision.refusal.value,
        access_log_id=log_id,
    )
