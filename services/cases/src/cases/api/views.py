"""Cases as people read them: every code with its Chinese label (``CaseOut.of``), every organization with its
name beside its code, the parties' names for whoever may read them, and the promised date (承诺办结日期) on every
case — or why it is pending — in lists as on the case itself.

Routes build one :class:`CaseViews` per request: it asks identity once for the names the page needs (kept in
process, :class:`cases.clients.organizations.OrganizationNames` and :class:`cases.clients.subject_names.
SubjectNames`) and takes "today" once."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from datetime import date

from fastapi import Request

from cases.api.schemas import STAFF_ACTORS, CaseDetailOut, CaseOut, ClockOut, TimelineOut
from cases.clients.applicants import Named
from cases.clients.organizations import OrganizationNames, StaffNames
from cases.clients.subject_names import SubjectNames
from cases.domain.access import Caller, applicant_id_of
from cases.domain.calendar import WorkingCalendar
from cases.domain.clock import pending_reason, pending_year
from cases.domain.forwarding import forwarding_of
from cases.domain.issuing import bundle_certificate_state
from cases.domain.states import CaseStatus
from cases.domain.subjects import masked_name, own_name
from cases.store.case_models import Case, ClockEntry, TimelineEntry
from cases.use_cases.clock import expected_due_date
from meshkit.legaldate import local_date

__all__ = ["CaseViews"]

Parties = dict[tuple[str, str], Named]


def _orgs(cases: Iterable[Case]) -> set[str | None]:
    return {org for c in cases for org in (c.received_by_org, c.accepting_org, c.handling_org)}


class CaseViews:
    """Names of the parties, asked of identity with the caller's own token (identity decides whom the caller may
    see): staff read the applicant's name masked (陈*梅); the applicant herself reads her own name and the
    subject's in full (issue 19, remaining failure 1) — only on her own cases, which cases' rules alone let her
    see; any other caller reads none. Without ``caller``, no names."""

    def __init__(
        self, request: Request, calendar: WorkingCalendar, today: date, *, caller: Caller | None = None
    ) -> None:
        self._names: OrganizationNames = request.app.state.organization_names
        self._subject_names: SubjectNames = request.app.state.subject_names
        self._staff_names: StaffNames = request.app.state.staff_names
        self._bearer = request.headers.get("authorization", "").partition(" ")[2] if caller else ""
        self._staff = caller is not None and caller.kind == "staff"
        self._own = applicant_id_of(caller) if caller is not None else None
        self._calendar, self._today = calendar, today

    async def staff_names(self, ids: Iterable[str | None]) -> dict[str, str]:
        """Staff members' names for a staff reader (issue 19, last outside try, failure 2); none for others."""
        return await self._staff_names.names(ids, bearer=self._bearer) if self._staff else {}

    def _is_own(self, case: Case) -> bool:
        return self._own is not None and self._own == case.applicant_id

    async def _parties(self, cases: Iterable[Case]) -> Parties:
        if not self._bearer:
            return {}
        wanted: set[tuple[str, str]] = set()
        for c in cases:
            if self._is_own(c) or self._staff:  # staff read both masked, the applicant both in full
                wanted |= {(c.applicant_kind, c.applicant_id), (c.subject_kind, c.subject_id)}
        return await self._subject_names.names(wanted, bearer=self._bearer) if wanted else {}

    async def _lookups(
        self, cases: Sequence[Case], more: Iterable[str | None] = ()
    ) -> tuple[dict[str, str], Parties]:
        return await asyncio.gather(self._names.names(_orgs(cases) | set(more)), self._parties(cases))

    def _names_of(self, case: Case, parties: Parties) -> dict[str, str | None]:
        applicant = parties.get((case.applicant_kind, case.applicant_id))
        if self._is_own(case):
            subject = parties.get((case.subject_kind, case.subject_id))
            return {
                "applicant_name": own_name(applicant.kind, applicant.name) if applicant else None,
                "subject_name": own_name(subject.kind, subject.name) if subject else None,
            }
        if self._staff:  # the subject beside the applicant (issue 19, last outside try, failure 4)
            subject = parties.get((case.subject_kind, case.subject_id))
            return {
                "applicant_name_masked": masked_name(applicant.kind, applicant.name) if applicant else None,
                "subject_name_masked": masked_name(subject.kind, subject.name) if subject else None,
            }
        return {}

    def _pending(self, case: Case, expected: date | None) -> dict[str, str | None]:
        """Why each date the case shows as null is pending (issue 19, remaining failure 2)."""
        accepted = case.accepted_at is not None
        since = local_date(case.accepted_at) if case.accepted_at is not None else self._today
        reason = pending_reason(pending_year(self._calendar, since), concluded=case.concluded_at is not None)
        promised_pending = case.due_date is None if accepted else expected is None
        statutory_pending = accepted and case.statutory_due_date is None
        return {
            "expected_due_date_pending_reason": reason if expected is None else None,
            "due_date_pending_reason": reason if promised_pending else None,
            "statutory_due_date_pending_reason": reason if statutory_pending else None,
        }

    def _one(self, case: Case, names: dict[str, str], parties: Parties) -> CaseOut:
        expected = expected_due_date(case, self._calendar, self._today)
        return CaseOut.of(
            case,
            expected_due_date=expected,
            received_by_org_name=names.get(case.received_by_org),
            accepting_org_name=names.get(case.accepting_org or ""),
            handling_org_name=names.get(case.handling_org),
            **self._names_of(case, parties),
            **self._pending(case, expected),
        )

    async def case(self, case: Case) -> CaseOut:
        return self._one(case, *await self._lookups([case]))

    async def cases(self, cases: Sequence[Case]) -> list[CaseOut]:
        names, parties = await self._lookups(cases)
        return [self._one(c, names, parties) for c in cases]

    async def detail(
        self,
        case: Case,
        timeline: Sequence[TimelineEntry],
        ledger: Sequence[ClockEntry],
        members: Sequence[Case],
    ) -> CaseDetailOut:
        """The case with its members, its timeline (the forwarding among it) and its clock ledger."""
        names, parties = await self._lookups([case, *members], (t.actor_org for t in timeline))
        staff = await self.staff_names(t.actor_id for t in timeline if t.actor_role in STAFF_ACTORS)
        entries = [TimelineOut.of(t, names, case.matter_type, staff) for t in timeline]
        forwarding = forwarding_of(
            received_by=case.received_by_org, accepting=case.accepting_org, received_at=case.received_at
        )
        if forwarding is not None:
            at = sum(1 for t in timeline if t.at <= forwarding.at)  # after the filing, before what followed
            entries.insert(at, TimelineOut.forwarded(forwarding, CaseStatus.RECEIVED, names))
        shown = self._one(case, names, parties).model_dump()
        if case.kind == "bundle":  # the parent issues nothing itself: its members' certificates are its own
            state = bundle_certificate_state(members)
            shown |= {"certificate_state": state.value, "certificate_state_label": state.label}
        return CaseDetailOut.model_validate(
            {
                **shown,
                "form": case.form,
                "members": [self._one(m, names, parties) for m in members],
                "timeline": entries,
                "clock": [ClockOut.of(c) for c in ledger],
            }
        )
