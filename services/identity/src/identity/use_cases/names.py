"""A legal name checked where a use case takes it, whatever the transport (:mod:`identity.domain.names`)."""

from __future__ import annotations

from identity.domain.names import legal_name
from identity.use_cases.errors import Invalid

__all__ = ["checked_name"]


def checked_name(value: str, *, field: str = "name", label: str = "姓名", person: bool = True) -> str:
    """The name in normal form, or a 422 ``validation_failed`` naming the field and saying why, in Chinese."""
    try:
        return legal_name(value, label=label, person=person)
    except ValueError as exc:
        message = str(exc)
        raise Invalid(
            message, errors=[{"field": field, "message": message, "type": "invalid_name"}]
        ) from None
