"""Who may supply a case's materials: pure, from the caller's claims and the case's facts."""

from __future__ import annotations

from cases.domain.access import Caller, CaseFacts, applicant_id_of, region_prefix

__all__ = ["may_record_paper", "may_upload", "statistics_scope"]

CLERK_ROLES = frozenset({"window_clerk", "department_head"})


def _clerk_for(caller: Caller, case: CaseFacts, *, district_center: str) -> bool:
    """A window clerk (or department head) of the handling department, the district center, the hall that
    received (filed) the case (it carries the applicant's papers) or the hall whose window accepts it (受理, by the
    matter's levels: a town center accepts 就业登记 and takes its papers). Any other hall may not."""
    halls = {case.handling_org, case.received_by_org, district_center}
    if case.accepting_org:
        halls.add(case.accepting_org)
    return caller.kind == "staff" and not CLERK_ROLES.isdisjoint(caller.roles) and caller.org in halls


def may_upload(caller: Caller, case: CaseFacts, *, district_center: str) -> bool:
    return applicant_id_of(caller) == case.applicant_id or _clerk_for(
        caller, case, district_center=district_center
    )


def may_record_paper(caller: Caller, case: CaseFacts, *, district_center: str) -> bool:
    """Paper is received at a window, by a clerk."""
    return _clerk_for(caller, case, district_center=district_center)


def statistics_scope(caller: Caller) -> tuple[list[str] | None, str | None] | None:
    """``(organizations, region prefix)`` whose cases the caller's statistics cover, or None (not allowed):
    supervisors see their territory, other staff their organization's cases."""
    if caller.kind != "staff" or not caller.org:
        return None
    if "supervisor" in caller.roles and caller.region:
        return None, region_prefix(caller.region)
    return [caller.org], None
