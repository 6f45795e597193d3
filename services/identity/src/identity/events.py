"""Events identity publishes (stream IDENTITY, subjects ``identity.>``)."""

from __future__ import annotations

from meshkit.events import EventPayload, EventSpec

__all__ = ["EVENTS", "ORGANIZATION_CHANGED", "OrganizationChanged"]


class OrganizationChanged(EventPayload):
    code: str
    kind: str
    division_code: str
    parent_code: str | None
    change: str  # created | updated


ORGANIZATION_CHANGED = EventSpec(
    service="identity",
    name="organization_changed",
    version=1,
    payload=OrganizationChanged,
    description="An organization of the 条块 tree was created or changed (组织机构变更).",
    example={
        "code": "500110001000-center",
        "kind": "town_center",
        "division_code": "500110001000",
        "parent_code": "500110000000",
        "change": "created",
    },
)

EVENTS = [ORGANIZATION_CHANGED]
