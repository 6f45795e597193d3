"""Cases as people read them: every code with its Chinese label (``CaseOut.of``), every organization with its
name beside its code, and the promised date (承诺办结日期) on every case, in lists as on the case itself.

Routes build one :class:`CaseViews` per request: it asks identity once for the names the page needs (kept in
process, :class:`cases.clients.organizations.OrganizationNames`) and takes "today" once."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from datetime import date

from fastapi import Request

from cases.api.schemas import CaseDetailOut, CaseOut, ClockOut, TimelineOut
from cases.clients.applicant_names import ApplicantNames
from cases.clients.organizations import OrganizationNames
from cases.domain.calendar import WorkingCalendar
from cases.domain.forwarding import forwarding_of
from cases.domain.issuing import bundle_certificate_state
from cases.domain.states import CaseStatus
from cases.domain.subjects import masked_name
from cases.store.case_models import Case, ClockEntry, TimelineEntry
from cases.use_cases.clock import expected_due_date

__all__ = ["CaseViews"]

Applicants = dict[tuple[str, str], str]


def _orgs(cases: Iterable[Case]) -> set[str | None]:
    return {org for c in cases for org in (c.received_by_org, c.accepting_org, c.handling_org)}


class CaseViews:
    """``applicants``: show staff the applicants' masked names, asked of identity with the caller's own token
    (identity decides whom this clerk may see); citizens read their own cases and need no name."""

    def __init__(
        self, request: Request, calendar: WorkingCalendar, today: date, *, applicants: bool = False
    ) -> None:
        self._names: OrganizationNames = request.app.state.organization_names
        self._applicant_names: ApplicantNames = request.app.state.applicant_names
        self._bearer = request.headers.get("authorization", "").partition(" ")[2] if applicants else ""
        self._calendar, self._today = calendar, today

    async def _applicants(self, cases: Iterable[Case]) -> Applicants:
        if not self._bearer:
            return {}
        wanted = {(c.applicant_kind, c.applicant_id) for c in cases}
        found = await self._applicant_names.names(wanted, bearer=self._bearer)
        return {key: masked_name(key[0], name) for key, name in found.items()}

    async def _lookups(
        self, cases: Sequence[Case], more: Iterable[str | None] = ()
    ) -> tuple[dict[str, str], Applicants]:
        return await asyncio.gather(self._names.names(_orgs(cases) | set(more)), self._applicants(cases))

    def _one(self, case: Case, names: dict[str, str], applicants: Applicants) -> CaseOut:
        return CaseOut.of(
            case,
            expected_due_date=expected_due_date(case, self._calendar, self._today),
            received_by_org_name=names.get(case.received_by_org),
            accepting_org_name=names.get(case.accepting_org or ""),
            handling_org_name=names.get(case.handling_org),
            applicant_name_masked=applicants.get((case.applicant_kind, case.applicant_id)),
        )

    async def case(self, case: Case) -> CaseOut:
        return self._one(case, *await self._lookups([case]))

    async def cases(self, cases: Sequence[Case]) -> list[CaseOut]:
        names, applicants = await self._lookups(cases)
        return [self._one(c, names, applicants) for c in cases]

    async def detail(
        self,
        case: Case,
        timeline: Sequence[TimelineEntry],
        ledger: Sequence[ClockEntry],
        members: Sequence[Case],
    ) -> CaseDetailOut:
        """The case with its members, its timeline (the forwarding among it) and its clock ledger."""
        names, applicants = await self._lookups([case, *members], (t.actor_org for t in timeline))
        entries = [TimelineOut.of(t, names) for t in timeline]
        forwarding = forwarding_of(
            received_by=case.received_by_org, accepting=case.accepting_org, received_at=case.received_at
        )
        if forwarding is not None:
            at = sum(1 for t in timeline if t.at <= forwarding.at)  # after the filing, before what followed
            entries.insert(at, TimelineOut.forwarded(forwarding, CaseStatus.RECEIVED, names))
        shown = self._one(case, names, applicants).model_dump()
        if case.kind == "bundle":  # the parent issues nothing itself: its members' certificates are its own
            state = bundle_certificate_state(members)
            shown |= {"certificate_state": state.value, "certificate_state_label": state.label}
        return CaseDetailOut.model_validate(
            {
                **shown,
                "form": case.form,
                "members": [self._one(m, names, applicants) for m in members],
                "timeline": entries,
                "clock": [ClockOut.of(c) for c in ledger],
            }
        )
