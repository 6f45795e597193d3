"""Problems the identity use cases raise; each carries its status and a stable code."""

from __future__ import annotations

from identity.pii import InvalidIdentifier
from meshkit.errors import ProblemError

__all__ = ["Forbidden", "Invalid", "NotFound", "invalid_identifier"]


class Forbidden(ProblemError):
    status = 403
    code = "forbidden"


class NotFound(ProblemError):
    status = 404
    code = "not_found"


class Invalid(ProblemError):
    """Input that passed the schema but breaks a rule; ``errors`` lists every violation."""

    status = 422
    code = "validation_failed"


_identifier_codes = {
    "id_number": "invalid_id_number",
    "credit_code": "invalid_credit_code",
    "phone": "invalid_phone",
}


def invalid_identifier(*failures: InvalidIdentifier) -> Invalid:
    """``invalid_id_number`` (etc.) naming the check that failed and the body field. Never echoes the value."""
    errors = [
        {
            "field": f"body.{f.field}",
            "check": f.check,
            "message": str(f),
            "type": _identifier_codes.get(f.field, "validation_failed"),
        }
        for f in failures
    ]
    first = failures[0]
    return Invalid(
        f"{first} ({first.field}: {first.check})",
        code=_identifier_codes.get(first.field, "validation_failed"),
        errors=errors,
    )
