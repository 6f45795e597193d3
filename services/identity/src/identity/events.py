"""Events identity publishes (stream IDENTITY, subjects ``identity.>``): ids and codes, never personal data.

No names, ID numbers, phones or credit codes, and nothing derived from them (not even the region part of an ID
number). A consumer that needs more asks identity's API with a token that entitles it.
"""

from __future__ import annotations

from typing import Any

from meshkit.events import EventPayload, EventSpec

__all__ = [
    "EVENTS",
    "IDENTITY_LEVEL_RAISED",
    "ORGANIZATION_CHANGED",
    "PERSON_REGISTERED",
    "STAFF_CHANGED",
    "IdentityLevelRaised",
    "OrganizationChanged",
    "PersonRegistered",
    "StaffChanged",
]


class OrganizationChanged(EventPayload):
    code: str
    kind: str
    division_code: str
    parent_code: str | None
    change: str  # created | updated


class PersonRegistered(EventPayload):
    person_id: str
    acr: int  # real-name level at registration (1); a window registration follows with identity_level_raised
    channel: str  # online | window


class IdentityLevelRaised(EventPayload):
    person_id: str
    from_level: int
    to_level: int
    method: str  # population_resource | in_person
    by_org: str | None  # organization of the window or of the verifying system


class StaffChanged(EventPayload):
    staff_id: str
    organization_code: str
    roles: list[str]
    change: str  # created | updated | deactivated | activated
    active: bool


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

PERSON_REGISTERED = EventSpec(
    service="identity",
    name="person_registered",
    version=1,
    payload=PersonRegistered,
    description="A natural person registered (自然人注册), online or at a window. Carries no personal data.",
    example={"person_id": "5b0d7a52-2a0e-4b57-9f1e-0c7f3f1d2a61", "acr": 1, "channel": "online"},
)

IDENTITY_LEVEL_RAISED = EventSpec(
    service="identity",
    name="identity_level_raised",
    version=1,
    payload=IdentityLevelRaised,
    description="A person's real-name level (实名等级, acr) went up after a check; levels never go down.",
    example={
        "person_id": "5b0d7a52-2a0e-4b57-9f1e-0c7f3f1d2a61",
        "from_level": 1,
        "to_level": 3,
        "method": "in_person",
        "by_org": "500110001000-center",
    },
)

STAFF_CHANGED = EventSpec(
    service="identity",
    name="staff_changed",
    version=1,
    payload=StaffChanged,
    description="A staff account (工作人员) was created, changed, deactivated or reactivated.",
    example={
        "staff_id": "0f4c2f7e-8d4b-4e0a-b2c6-4f1b8f7c9d10",
        "organization_code": "500110-SCJGJ",
        "roles": ["reviewer"],
        "change": "created",
        "active": True,
    },
)

EVENTS: list[EventSpec[Any]] = [ORGANIZATION_CHANGED, PERSON_REGISTERED, IDENTITY_LEVEL_RAISED, STAFF_CHANGED]
