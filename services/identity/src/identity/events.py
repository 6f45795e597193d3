"""Events identity publishes (stream IDENTITY, subjects ``identity.>``): ids and codes, never personal data.

No names, ID numbers, phones or credit codes, and nothing derived from them (not even the region part of an ID
number). A consumer that needs more asks identity's API with a token that entitles it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import Field

from meshkit.events import EventPayload, EventSpec

__all__ = [
    "ACCESS_TOKEN_REVOKED",
    "CLIENT_TOKENS_REVOKED",
    "EVENTS",
    "IDENTITY_LEVEL_RAISED",
    "ORGANIZATION_CHANGED",
    "PERSON_REGISTERED",
    "REVOCATION_EVENTS",
    "SESSION_ENDED",
    "STAFF_CHANGED",
    "SUBJECT_DEACTIVATED",
    "TOKEN_FAMILY_REVOKED",
    "AccessTokenRevoked",
    "ClientTokensRevoked",
    "IdentityLevelRaised",
    "OrganizationChanged",
    "PersonRegistered",
    "Revocation",
    "SessionEnded",
    "StaffChanged",
    "SubjectDeactivated",
    "TokenFamilyRevoked",
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


class Revocation(EventPayload):
    """What every revocation event carries: when it happened (tokens of a subject or client issued at or before
    ``at`` are refused) and until when a deny-list entry is needed (every token it can match has expired)."""

    at: datetime = Field(description="when the revocation happened (identity's clock)")
    until: datetime = Field(
        description="when every access token it matches has expired: drop the entry after"
    )


class AccessTokenRevoked(Revocation):
    jtis: list[str] = Field(description="``jti`` of each revoked access token")
    reason: str = Field(description="revoked (RFC 7009) | code_reused | representation_ended")


class SessionEnded(Revocation):
    sid: str = Field(description="the ``sid`` claim of the session's access tokens")
    reason: str = Field(
        description="logout (end-session) | subject_deactivated | representation_ended (an agent's "
        "authorization revoked, or an enterprise reclaimed by its registered legal representative)"
    )


class TokenFamilyRevoked(Revocation):
    family: str = Field(description="the ``tb_fam`` claim of the family's access tokens")
    reason: str = Field(description="refresh_token_reused | code_reused | revoked (RFC 7009)")


class SubjectDeactivated(Revocation):
    subject_kind: str = Field(description="staff | person | enterprise")
    subject_id: str
    token_subjects: list[str] = Field(
        description="the ``sub`` values of its tokens (a person's pairwise ones included); an enterprise's tokens "
        "are matched by ``org`` = ``subject_id`` instead"
    )


class ClientTokensRevoked(Revocation):
    client_id: str
    reason: str = Field(description="deactivated | secret_rotated")


_AT = {"at": "2026-12-06T08:00:00.250000Z", "until": "2026-12-06T08:15:00.250000Z"}

ACCESS_TOKEN_REVOKED = EventSpec(
    service="identity",
    name="access_token_revoked",
    version=1,
    payload=AccessTokenRevoked,
    description="Access tokens were revoked (令牌撤销): every service refuses these ``jti`` until ``until``.",
    example={**_AT, "jtis": ["p3V7o8rJm2kXyQ0aN4tB1w"], "reason": "revoked"},
)

SESSION_ENDED = EventSpec(
    service="identity",
    name="session_ended",
    version=1,
    payload=SessionEnded,
    description="A login session ended (退出登录): every access token carrying its ``sid`` is refused.",
    example={**_AT, "sid": "Xq2dM0bQ9nH4sV7wL1pK8eRt5yZ3uC6a", "reason": "logout"},
)

TOKEN_FAMILY_REVOKED = EventSpec(
    service="identity",
    name="token_family_revoked",
    version=1,
    payload=TokenFamilyRevoked,
    description="A refresh-token family was revoked (e.g. a reused refresh token): every access token issued "
    "with it (claim ``tb_fam``) is refused.",
    example={**_AT, "family": "kB4nW9sQ2xR7vT1mZ5cY8g", "reason": "refresh_token_reused"},
)

SUBJECT_DEACTIVATED = EventSpec(
    service="identity",
    name="subject_deactivated",
    version=1,
    payload=SubjectDeactivated,
    description="An account was deactivated (账号停用): its tokens issued at or before ``at`` are refused; tokens "
    "issued after a reactivation work.",
    example={
        **_AT,
        "subject_kind": "staff",
        "subject_id": "0f4c2f7e-8d4b-4e0a-b2c6-4f1b8f7c9d10",
        "token_subjects": ["0f4c2f7e-8d4b-4e0a-b2c6-4f1b8f7c9d10"],
    },
)

CLIENT_TOKENS_REVOKED = EventSpec(
    service="identity",
    name="client_tokens_revoked",
    version=1,
    payload=ClientTokensRevoked,
    description="A client (接入系统) was deactivated or its secret rotated: its tokens issued at or before ``at`` "
    "are refused.",
    example={**_AT, "client_id": "catalog-editor", "reason": "secret_rotated"},
)

REVOCATION_EVENTS: list[EventSpec[Any]] = [
    ACCESS_TOKEN_REVOKED,
    SESSION_ENDED,
    TOKEN_FAMILY_REVOKED,
    SUBJECT_DEACTIVATED,
    CLIENT_TOKENS_REVOKED,
]

EVENTS: list[EventSpec[Any]] = [
    ORGANIZATION_CHANGED,
    PERSON_REGISTERED,
    IDENTITY_LEVEL_RAISED,
    STAFF_CHANGED,
    *REVOCATION_EVENTS,
]
