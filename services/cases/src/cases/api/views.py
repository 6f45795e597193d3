"""Cases as people read them: every code with its Chinese label (``CaseOut.of``), every organization with its
name beside its code, and the promised date (承诺办结日期) on every case, in lists as on the case itself.

Routes build one :class:`CaseViews` per request: it asks identity once for the names the page needs (kept in
process, :class:`cases.clients.organizations.OrganizationNames`) and takes "today" once."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from fastapi import Request

from cases.api.schemas import CaseDetailOut, CaseOut, ClockOut, TimelineOut
from cases.clients.organizations import OrganizationNames
from cases.domain.calendar import WorkingCalendar
from cases.domain.forwarding import forwarding_of
from cases.domain.states import CaseStatus
from cases.store.case_models import Case, ClockEntry, TimelineEntry
from cases.use_cases.clock import expected_due_date

__all__ = ["CaseViews"]


def _orgs(cases: Iterable[Case]) -> set[str | None]:
    return {org for c in cases for org in (c.received_by_org, c.accepting_org, c.handling_org)}


class CaseViews:
    def __init__(self, request: Request, calendar: WorkingCalendar, today: date) -> None:
        self._names: OrganizationNames = request.app.state.organization_names
        self._calendar, self._today = calendar, today

    def _one(self, case: Case, names: dict[str, str]) -> CaseOut:
        return CaseOut.of(
            case,
            expected_due_date=expected_due_date(case, self._calendar, self._today),
            received_by_org_name=names.get(case.received_by_org),
            accepting_org_name=names.get(case.accepting_org or ""),
            handling_org_name=names.get(case.handling_org),
        )

    async def case(self, case: Case) -> CaseOut:
        return self._one(case, await self._names.names(_orgs([case])))

    async def cases(self, cases: Sequence[Case]) -> list[CaseOut]:
        names = await self._names.names(_orgs(cases))
        return [self._one(c, names) for c in cases]

    async def detail(
        self,
        case: Case,
        timeline: Sequence[TimelineEntry],
        ledger: Sequence[ClockEntry],
        members: Sequence[Case],
    ) -> CaseDetailOut:
        """The case with its members, its timeline (the forwarding among it) and its clock ledger."""
        names = await self._names.names(_orgs([case, *members]) | {t.actor_org for t in timeline})
        entries = [TimelineOut.of(t, names) for t in timeline]
        forwarding = forwarding_of(
            received_by=case.received_by_org, accepting=case.accepting_org, received_at=case.received_at
        )
        if forwarding is not None:
            at = sum(1 for t in timeline if t.at <= forwarding.at)  # after the filing, before what followed
            entries.insert(at, TimelineOut.forwarded(forwarding, CaseStatus.RECEIVED, names))
        return CaseDetailOut.model_validate(
            {
                **self._one(case, names).model_dump(),
                "form": case.form,
                "members": [self._one(m, names) for m in members],
                "timeline": entries,
                "clock": [ClockOut.of(c) for c in ledger],
            }
        )
