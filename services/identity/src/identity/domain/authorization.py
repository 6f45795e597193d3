"""Who may do what to which record in identity: pure functions over an :class:`Actor`.

The actor is built from the verified token and, for staff and system clients, from their current record (so a
deactivated account or a removed role takes effect at once, not when the token expires).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from identity.domain.organizations import DISTRICT_DIVISION, division_within
from identity.domain.subjects import IdentityLevel, RegistrationChannel, StaffRole, VerificationMethod

__all__ = [
    "ADMIN_SCOPE",
    "CASE_ROLES",
    "PRIVILEGED_ROLES",
    "PRIVILEGED_SCOPES",
    "REVEAL_SCOPE",
    "VERIFY_SCOPE",
    "Actor",
    "acts_for_enterprise",
    "admin_reaches",
    "is_admin",
    "is_district_admin",
    "may_ask_relation",
    "may_grant_roles",
    "may_grant_scopes",
    "may_look_up_persons",
    "may_register_enterprise",
    "may_register_newborn",
    "may_reveal",
    "may_reveal_enterprise",
    "may_view_enterprise",
    "may_view_newborn",
    "may_view_person",
    "may_view_staff",
    "registration_channel",
    "reveals_to_system",
    "verification_method",
]

ADMIN_SCOPE = "identity:admin"  # a provisioning system acting as a district-wide administrator
VERIFY_SCOPE = "identity:verify"  # a trusted system that checks persons against the population resource
# A platform system entitled to a subject's full identifier to act for them, e.g. the cases platform reading
# an applicant's records from the exchange. Every such reveal is logged (without the value).
REVEAL_SCOPE = "identity:reveal"
# identity's own, and the mesh's platform-wide powers: reading for any hosted case, operating and auditing the
# exchange, hiding reads, the case bases (a department's own system never needs them)
PRIVILEGED_SCOPES = frozenset(
    {
        ADMIN_SCOPE,
        VERIFY_SCOPE,
        REVEAL_SCOPE,
        "exchange:platform",
        "exchange:admin",
        "exchange:audit",
        "exchange:read:hide",
        "cases:basis",
    }
)
PRIVILEGED_ROLES = frozenset({"operator", "auditor"})
# Staff who serve applicants and may therefore see who a person is (masked unless it is the person).
CASE_ROLES = frozenset(
    {StaffRole.WINDOW_CLERK, StaffRole.REVIEWER, StaffRole.DEPARTMENT_HEAD, StaffRole.SUPERVISOR}
)
LOOKUP_ROLES = frozenset({StaffRole.WINDOW_CLERK, StaffRole.REVIEWER})


@dataclass(frozen=True)
class Actor:
    """Who is acting. ``kind``: person | enterprise | staff | system; ``id``: person/staff id or client id."""

    kind: str
    id: str
    roles: frozenset[str] = frozenset()
    scopes: frozenset[str] = frozenset()
    region: str | None = None  # staff: territorial scope (12-digit division code)
    org: str | None = None  # staff and systems: organization code
    acr: int = 0  # persons: real-name level of the token

    def has_role(self, *roles: str) -> bool:
        return self.kind == "staff" and not self.roles.isdisjoint(roles)

    def has_scope(self, scope: str) -> bool:
        return self.kind == "system" and scope in self.scopes

    def is_person(self, person_id: str | None = None) -> bool:
        return self.kind == "person" and (person_id is None or self.id == person_id)


def is_admin(actor: Actor | None) -> bool:
    """Role ``admin`` on a staff account, or scope ``identity:admin`` on a system client."""
    return actor is not None and (actor.has_role(StaffRole.ADMIN) or actor.has_scope(ADMIN_SCOPE))


def is_district_admin(actor: Actor | None) -> bool:
    """A district administrator (scope 500110000000) or an admin system client manages everything."""
    if actor is None or not is_admin(actor):
        return False
    return actor.kind == "system" or actor.region == DISTRICT_DIVISION


def admin_reaches(actor: Actor | None, *divisions: str | None) -> bool:
    """Whether an administrator may manage records in all ``divisions``; ``None`` (no territory) needs district."""
    if actor is None or not is_admin(actor):
        return False
    if is_district_admin(actor):
        return True
    region = actor.region
    return region is not None and all(d is not None and division_within(region, d) for d in divisions)


def may_grant_scopes(actor: Actor, scopes: Iterable[str]) -> bool:
    """Only district administrators hand out the privileged scopes (identity's own and the mesh's platform ones)."""
    return is_district_admin(actor) or PRIVILEGED_SCOPES.isdisjoint(scopes)


def may_grant_roles(actor: Actor, roles: Iterable[str]) -> bool:
    """Only district administrators make hub operators and auditors."""
    return is_district_admin(actor) or PRIVILEGED_ROLES.isdisjoint(str(role) for role in roles)


def may_view_staff(actor: Actor, *, staff_id: str, divisions: tuple[str, ...]) -> bool:
    return (actor.kind == "staff" and actor.id == staff_id) or admin_reaches(actor, *divisions)


def may_view_person(actor: Actor, person_id: str) -> bool:
    """The person, staff who serve applicants, or an entitled platform system. Administrators manage accounts,
    not citizens' records."""
    return actor.is_person(person_id) or actor.has_role(*CASE_ROLES) or reveals_to_system(actor)


def reveals_to_system(actor: Actor) -> bool:
    """A system client with scope ``identity:reveal`` (e.g. the cases platform) may read full identifiers."""
    return actor.has_scope(REVEAL_SCOPE)


def may_reveal(actor: Actor, subject_id: str) -> bool:
    """Full ID numbers, phones and credit codes go to the subject themself, and ID numbers to an entitled
    system (:func:`reveals_to_system`)."""
    return actor.is_person(subject_id) or reveals_to_system(actor)


def may_look_up_persons(actor: Actor) -> bool:
    """Window clerks and reviewers may find a person by ID number (e.g. for an in-person check)."""
    return actor.has_role(*LOOKUP_ROLES)


def verification_method(actor: Actor) -> VerificationMethod | None:
    """The check this actor is trusted to perform: in person at a window, or against the population resource."""
    if actor.has_role(StaffRole.WINDOW_CLERK):
        return VerificationMethod.IN_PERSON
    if actor.has_scope(VERIFY_SCOPE):
        return VerificationMethod.POPULATION_RESOURCE
    return None


def registration_channel(actor: Actor | None) -> RegistrationChannel:
    """A window clerk registers someone in person; anything else is online self-service."""
    if actor is not None and actor.has_role(StaffRole.WINDOW_CLERK):
        return RegistrationChannel.WINDOW
    return RegistrationChannel.ONLINE


def may_register_enterprise(actor: Actor) -> bool:
    """A person whose real name is at least checked against the population resource (acr ≥ 2)."""
    return actor.is_person() and actor.acr >= IdentityLevel.POPULATION_CHECKED


def acts_for_enterprise(actor: Actor, enterprise_id: str) -> bool:
    """An enterprise token: the legal representative or an agent logged in for this enterprise (identity checks
    that the person still may when it builds the actor)."""
    return actor.kind == "enterprise" and actor.org == enterprise_id


def may_view_enterprise(
    actor: Actor, *, enterprise_id: str, representative_id: str, is_agent: bool = False
) -> bool:
    """Its legal representative, a current agent (经办人), an enterprise token for it, staff who serve
    applicants, or an entitled platform system."""
    return (
        actor.is_person(representative_id)
        or (actor.is_person() and is_agent)
        or acts_for_enterprise(actor, enterprise_id)
        or actor.has_role(*CASE_ROLES)
        or reveals_to_system(actor)
    )


def may_reveal_enterprise(
    actor: Actor, *, enterprise_id: str, representative_id: str, is_agent: bool = False
) -> bool:
    return (
        actor.is_person(representative_id)
        or (actor.is_person() and is_agent)
        or acts_for_enterprise(actor, enterprise_id)
        or reveals_to_system(actor)
    )


def may_register_newborn(actor: Actor, guardian_id: str) -> bool:
    """A parent registers their own child (real name checked, acr ≥ 2); a window clerk registers it for a
    guardian who came to the window."""
    if actor.is_person():
        return actor.id == guardian_id and actor.acr >= IdentityLevel.POPULATION_CHECKED
    return actor.has_role(StaffRole.WINDOW_CLERK)


def may_view_newborn(actor: Actor, guardian_id: str) -> bool:
    """The guardian, staff who serve applicants, or an entitled platform system (the cases platform issuing the
    child's certificates)."""
    return actor.is_person(guardian_id) or actor.has_role(*CASE_ROLES) or reveals_to_system(actor)


def may_ask_relation(actor: Actor, person_id: str) -> bool:
    """Whom a person may act for (监护、法定代表、经办): the person themself, staff who file for applicants
    (代办), or an entitled platform system."""
    return actor.is_person(person_id) or actor.has_role(*CASE_ROLES) or reveals_to_system(actor)
