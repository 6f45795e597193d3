"""Who may see and act on a case, in which capacity. Pure: takes the caller's claims and the case's facts."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from cases.domain.states import TRANSITIONS, Action, Actor

__all__ = [
    "BASIS_SCOPE",
    "FILING_ACTORS",
    "TOWN_HALL_SUFFIX",
    "Caller",
    "CaseFacts",
    "accepting_hall",
    "acting_as",
    "actor_for",
    "applicant_id_of",
    "can_see",
    "hall_level",
    "may_edit_calendar",
    "may_read_basis",
    "real_name_short",
    "region_prefix",
]


@dataclass(frozen=True)
class Caller:
    sub: str
    kind: str  # person | enterprise | staff | system
    org: str | None
    region: str | None
    roles: frozenset[str]
    acr: int = (
        0  # real-name level of a person's login (1 registered, 2 verified against a register, 3 in person)
    )
    scopes: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CaseFacts:
    applicant_id: str
    handling_org: str
    received_by_org: str
    region: str
    accepting_org: str | None = None  # the hall whose window accepts it (受理), by the matter's levels


ROLE_ACTORS = {
    "window_clerk": Actor.WINDOW_CLERK,
    "reviewer": Actor.REVIEWER,
    "department_head": Actor.DEPARTMENT_HEAD,
}


FILING_ACTORS = (Actor.WINDOW_CLERK,)  # only a window clerk files for someone (may_file)


def acting_as(caller: Caller | None, allowed: Iterable[Actor] | None = None) -> Actor:
    """The capacity a timeline row records for what ``caller`` did outside a transition (filing, a material
    handed in, a member's step shown on its 一件事 parent): one of :class:`Actor`, so that one person reads the
    same label on every row (issue 19 outside try, failure 3: 工作人员 on 收取纸质材料, 窗口工作人员 on 受理).
    None is the service itself; an applicant (person or enterprise) acts as 申请人; staff act in their first role
    among ``allowed`` (every handling role when None)."""
    if caller is None or caller.kind == "system":
        return Actor.SYSTEM
    if caller.kind != "staff":  # a person or an enterprise
        return Actor.APPLICANT
    held = [ROLE_ACTORS[role] for role in sorted(caller.roles) if role in ROLE_ACTORS]
    wanted = set(allowed) if allowed is not None else set(held)
    # every path that records staff checked a handling role first; the window is the last resort of a row
    return next((actor for actor in held if actor in wanted), held[0] if held else Actor.WINDOW_CLERK)


def applicant_id_of(caller: Caller) -> str | None:
    """Persons apply as themselves; an enterprise token applies for the enterprise in its ``org`` claim."""
    if caller.kind == "person":
        return caller.sub
    if caller.kind == "enterprise":
        return caller.org
    return None


def may_file(caller: Caller) -> bool:
    """Who may file an application at all: a person or enterprise for itself, a window clerk for someone (代办,
    with the applicant's consent). Decided before the body is read, so that anyone else is refused 403 whatever
    they send (a department system's invalid body was answered 422 or 415 first)."""
    if applicant_id_of(caller) is not None:
        return True
    return caller.kind == "staff" and "window_clerk" in caller.roles and bool(caller.org and caller.region)


def region_prefix(region: str) -> str:
    """``500110001000`` → ``500110001``: the divisions inside a region share this prefix."""
    trimmed = region.rstrip("0")
    for width in (2, 4, 6, 9, 12):
        if len(trimmed) <= width:
            return region[:width]
    return region


TOWN_HALL_SUFFIX = (
    "-center"  # a town's public service center is organization ``<town division>-center`` (identity)
)


def hall_level(region: str) -> str:
    """The level of a hall by its division: ``district`` (区), ``town`` (街镇) or ``village`` (村社区)."""
    width = len(region_prefix(region))
    return "district" if width <= 6 else "town" if width <= 9 else "village"


def accepting_hall(*, received_by: str, region: str, levels: Collection[str], district_center: str) -> str:
    """Which hall's window accepts (受理) a case received at ``received_by`` (in ``region``): the receiving hall
    itself when the matter's levels (行使层级) include its level — a town center accepts 就业登记 — else the
    receiving village's town center when the matter is accepted at town level, else the district center.
    A matter without levels is a district matter."""
    allowed = set(levels) or {"district"}
    level = hall_level(region)
    if level in allowed:
        return received_by
    if level == "village" and "town" in allowed:
        return f"{region[:9]}000{TOWN_HALL_SUFFIX}"
    return district_center


def can_see(caller: Caller, case: CaseFacts, *, district_center: str) -> bool:
    if applicant_id_of(caller) == case.applicant_id:
        return True
    if caller.kind != "staff" or caller.org is None:
        return False
    if caller.org in (case.handling_org, case.received_by_org, case.accepting_org, district_center):
        return True
    if "supervisor" in caller.roles and caller.region:
        return case.region.startswith(region_prefix(caller.region))
    return False


def actor_for(caller: Caller, case: CaseFacts, action: Action, *, district_center: str) -> Actor | None:
    """The capacity in which ``caller`` may take ``action`` on the case, or None.

    Applicants act on their own cases; staff act only for the handling department — a window clerk of the
    accepting hall (the district center, or the town or village hall the matter's levels allow) may also take
    window actions (accept, refuse, request supplements, deliver) for it. A hall that only received and
    forwarded a case may not accept it, and no hall decides it.
    """
    allowed = TRANSITIONS[action].actors
    if applicant_id_of(caller) == case.applicant_id and Actor.APPLICANT in allowed:
        return Actor.APPLICANT
    if caller.kind != "staff":
        return None
    at_department = caller.org == case.handling_org
    at_center = caller.org in (district_center, case.accepting_org)
    for role in sorted(caller.roles):
        actor = ROLE_ACTORS.get(role)
        if actor is None or actor not in allowed:
            continue
        if at_department or (at_center and actor is Actor.WINDOW_CLERK):
            return actor
    return None


def real_name_short(caller: Caller, required: int) -> bool:
    """A person applying online below the matter's minimum real-name level (最低实名等级). A clerk filing at a
    window has checked the applicant in person; enterprises are judged by their own authentication."""
    return caller.kind == "person" and caller.acr < required


def may_edit_calendar(caller: Caller) -> bool:
    """The working-day calendar is the district's: its administrators (district scope) enter each year's notice."""
    return (
        caller.kind == "staff"
        and "admin" in caller.roles
        and caller.region is not None
        and len(region_prefix(caller.region)) <= 6
    )


BASIS_SCOPE = "cases:basis"


def may_read_basis(caller: Caller) -> bool:
    """Who handles a case for whom (its organizations and parties, never their identifiers): for the exchange,
    which checks every read of a person's data against it — a system with scope ``cases:basis`` only."""
    return caller.kind == "system" and BASIS_SCOPE in caller.scopes
