"""Queries of cases, their timeline and ledger, and the working-day calendar."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    UnaryExpression,
    delete,
    func,
    or_,
    select,
    union_all,
)
from sqlalchemy import Sequence as DbSequence
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from cases.domain.calendar import DayKind, WorkingCalendar
from cases.domain.states import CaseStatus
from cases.store.case_models import (
    CalendarDay,
    CalendarYear,
    Case,
    CaseMaterial,
    ClockEntry,
    Decision,
    Evaluation,
    RectificationTask,
    TimelineEntry,
)
from cases.store.idempotency import DuplicateIdempotencyKey, key_taken
from cases.store.promised_order import promised_order

__all__ = ["COUNT_CAP", "CalendarRepository", "CaseRepository", "Page"]

CASE_SERIAL = DbSequence("case_number_seq")
COUNT_CAP = 10_000  # lists count up to this many; past it the total says "at least"
OPEN_STATUSES = frozenset(s.value for s in CaseStatus if not s.concluded)


@dataclass(frozen=True)
class Page:
    """One page of cases, the total, and whether the total is exact (else: at least ``COUNT_CAP``)."""

    items: Sequence[Case]
    total: int
    exact: bool = True


class CaseRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add(
        self,
        *rows: Case | TimelineEntry | ClockEntry | Evaluation | RectificationTask | CaseMaterial | Decision,
    ) -> None:
        self._session.add_all(rows)

    async def write_keyed(self) -> None:
        """Write what was added so far, a case carrying an Idempotency-Key among it: that key already committed
        for the applicant → :class:`DuplicateIdempotencyKey` (see ``cases.store.idempotency``)."""
        try:
            await self._session.flush()
        except IntegrityError as exc:
            if key_taken(exc):
                raise DuplicateIdempotencyKey from None
            raise

    async def decision(self, case_id: str) -> Decision | None:
        return await self._session.get(Decision, case_id)

    async def evaluation(self, case_id: str) -> Evaluation | None:
        return await self._session.get(Evaluation, case_id)

    async def rectification(self, task_id: str) -> RectificationTask | None:
        return await self._session.get(RectificationTask, task_id, with_for_update=True)

    async def rectification_of_case(
        self, case_id: str, *, for_update: bool = False
    ) -> RectificationTask | None:
        query = select(RectificationTask).where(RectificationTask.case_id == case_id)
        if for_update:
            query = query.with_for_update()
        return (await self._session.scalars(query)).one_or_none()

    async def rectifications(
        self, *, department: str
    ) -> Sequence[tuple[RectificationTask, Case, Evaluation]]:
        """Tasks the department is involved in (GIN index on ``involved_departments``), with case and rating."""
        query = (
            select(RectificationTask, Case, Evaluation)
            .join(Case, Case.id == RectificationTask.case_id)
            .join(Evaluation, Evaluation.case_id == RectificationTask.case_id)
            .where(RectificationTask.involved_departments.contains([department]))
            .order_by(RectificationTask.opened_at.desc())
        )
        return [(task, case, rating) for task, case, rating in (await self._session.execute(query)).all()]

    async def rectifications_in_region(
        self, *, prefix: str
    ) -> Sequence[tuple[RectificationTask, Case, Evaluation]]:
        """Every task of a case whose division starts with ``prefix`` (a supervisor's region), newest first."""
        query = (
            select(RectificationTask, Case, Evaluation)
            .join(Case, Case.id == RectificationTask.case_id)
            .join(Evaluation, Evaluation.case_id == RectificationTask.case_id)
            .where(Case.region.startswith(prefix, autoescape=True))
            .order_by(RectificationTask.opened_at.desc())
        )
        return [(task, case, rating) for task, case, rating in (await self._session.execute(query)).all()]

    async def next_serial(self) -> int:
        return int(await self._session.scalar(CASE_SERIAL.next_value()) or 0)

    async def get(self, case_id: str, *, for_update: bool = False) -> Case | None:
        query = select(Case).where(Case.id == case_id)
        if for_update:  # lock and re-read: the session may hold an older copy
            query = query.with_for_update().execution_options(populate_existing=True)
        return (await self._session.scalars(query)).first()

    async def by_number(self, number: str) -> Case | None:
        return (await self._session.scalars(select(Case).where(Case.number == number))).first()

    async def due_dates_pending(self) -> Sequence[Case]:
        """Open accepted cases whose due dates could not be computed (their year had no published calendar),
        locked, oldest first."""
        query = (
            select(Case)
            .where(Case.accepted_at.is_not(None), Case.concluded_at.is_(None), Case.due_date.is_(None))
            .order_by(Case.accepted_at)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        return (await self._session.scalars(query)).all()

    async def by_idempotency_key(self, applicant_id: str, key: str) -> Case | None:
        query = select(Case).where(Case.applicant_id == applicant_id, Case.idempotency_key == key)
        return (await self._session.scalars(query)).first()

    async def awaiting_acceptance(self, *, received_before: datetime) -> Sequence[tuple[str, datetime]]:
        """Received long enough ago, with no acceptance, refusal or supplement notice yet."""
        query = select(Case.id, Case.received_at).where(
            Case.status.in_(["received", "pre_review"]),
            Case.supplement_requested.is_(False),
            Case.kind != "bundle",
            Case.received_at < received_before,
        )
        return [(row[0], row[1]) for row in await self._session.execute(query)]

    async def due_soon(self, *, until: date) -> Sequence[Case]:
        """Open cases due by ``until`` (or overdue) that have not had their red warning."""
        query = (
            select(Case)
            .where(
                Case.concluded_at.is_(None),
                Case.due_date.is_not(None),
                Case.due_date <= until,
                or_(Case.warning_level.is_(None), Case.warning_level != "red"),
            )
            .with_for_update(skip_locked=True)
        )
        return (await self._session.scalars(query)).all()

    async def children(self, parent_id: str, *, for_update: bool = False) -> Sequence[Case]:
        """Member cases of a 一件事 parent, in a stable order (also the lock order)."""
        query = select(Case).where(Case.parent_id == parent_id).order_by(Case.number)
        if for_update:
            query = query.with_for_update().execution_options(populate_existing=True)
        return (await self._session.scalars(query)).all()

    async def timeline(self, case_id: str) -> Sequence[TimelineEntry]:
        query = select(TimelineEntry).where(TimelineEntry.case_id == case_id).order_by(TimelineEntry.id)
        return (await self._session.scalars(query)).all()

    async def ledger(self, case_id: str) -> Sequence[ClockEntry]:
        query = select(ClockEntry).where(ClockEntry.case_id == case_id).order_by(ClockEntry.id)
        return (await self._session.scalars(query)).all()

    async def of_applicant(self, applicant_id: str, *, limit: int, offset: int) -> Page:
        where = [Case.applicant_id == applicant_id, Case.parent_id.is_(None)]
        return await self._page(where, Case.received_at.desc(), limit=limit, offset=offset)

    async def queue(
        self,
        *,
        orgs: Sequence[str],
        promised: Sequence[date | None] = (),
        today: date | None = None,
        pending_from: date | None = None,
        statuses: Sequence[str] | None,
        due_before: date | None,
        overdue_on: date | None,
        limit: int,
        offset: int,
    ) -> Page:
        """Cases an organization handles, received, or accepts as a hall (forwarded to its window by the
        matter's levels), soonest due first; open ones (待办) unless statuses say. A case whose date is pending
        (``pending_from``: the first unpublished day) sorts after the dates computed, by its estimate.

        Three parts (handled, received, to accept), each read in two: the cases with a due date in the order of
        their open-case index (``due_date, id``), stopping after offset + limit rows; those without one (not yet
        accepted: their promised date depends on today) through the small index of undated open cases, sorted —
        never a sort over all of an organization's open cases (issue 19: EXPLAIN in docs/cases.md). The six are
        merged, instead of one scan over an OR that no index can order; the total is counted up to ``COUNT_CAP``.
        """
        where = self._filters(statuses, due_before, overdue_on)
        key = promised_order(promised, today, pending_from).label("promised")
        # Cases the organization handles, and those it received for another department: disjoint, so each
        # part is read (and counted) from its own index alone.
        branches = [
            select(Case.id, key).where(Case.handling_org.in_(orgs), *where),
            select(Case.id, key).where(
                Case.received_by_org.in_(orgs), Case.handling_org.not_in(orgs), *where
            ),
            select(Case.id, key).where(
                Case.accepting_org.in_(orgs),
                Case.handling_org.not_in(orgs),
                Case.received_by_org.not_in(orgs),
                *where,
            ),
        ]
        end = offset + limit
        parts = [
            part
            for branch in branches
            for part in (
                branch.with_only_columns(Case.id, Case.due_date.label("promised"))
                .where(Case.due_date.is_not(None))
                .order_by(Case.due_date, Case.id)
                .limit(end),
                branch.where(Case.due_date.is_(None)).order_by(key.asc().nulls_last(), Case.id).limit(end),
            )
        ]
        merged = union_all(*parts).subquery()
        page = (
            select(merged.c.id, merged.c.promised)
            .order_by(merged.c.promised.asc().nulls_last(), merged.c.id)
            .limit(limit)
            .offset(offset)
            .subquery()
        )
        rows = await self._session.scalars(
            select(Case)
            .join(page, page.c.id == Case.id)
            .order_by(page.c.promised.asc().nulls_last(), Case.id)
        )
        total = 0
        for branch in branches:
            counted = branch.with_only_columns(Case.id).limit(COUNT_CAP + 1).subquery()
            total += int(await self._session.scalar(select(func.count()).select_from(counted)) or 0)
        return Page(rows.all(), min(total, COUNT_CAP), exact=total <= COUNT_CAP)

    async def in_region(
        self, *, prefix: str, statuses: Sequence[str] | None, overdue_on: date | None, limit: int, offset: int
    ) -> Page:
        where = [Case.region.startswith(prefix, autoescape=True), *self._filters(statuses, None, overdue_on)]
        return await self._page(where, Case.due_date.asc().nulls_last(), limit=limit, offset=offset)

    @staticmethod
    def _filters(
        statuses: Sequence[str] | None, due_before: date | None, overdue_on: date | None
    ) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if statuses:
            where.append(Case.status.in_(statuses))
        if not statuses or OPEN_STATUSES.issuperset(statuses) or overdue_on:
            where.append(Case.concluded_at.is_(None))  # lets the partial indexes of open cases serve
        if due_before:
            where.append(Case.due_date <= due_before)
        if overdue_on:
            where.append(Case.due_date < overdue_on)
        return where

    async def _page(
        self, where: Sequence[ColumnElement[bool]], order: UnaryExpression[Any], *, limit: int, offset: int
    ) -> Page:
        """The page's ids from an index first, then their rows; the total counted up to ``COUNT_CAP``."""
        counted = select(Case.id).where(*where).limit(COUNT_CAP + 1).subquery()
        total = int(await self._session.scalar(select(func.count()).select_from(counted)) or 0)
        page_ids = select(Case.id).where(*where).order_by(order, Case.id).limit(limit).offset(offset)
        rows = await self._session.scalars(select(Case).where(Case.id.in_(page_ids)).order_by(order, Case.id))
        return Page(rows.all(), min(total, COUNT_CAP), exact=total <= COUNT_CAP)


class CalendarRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def load(self) -> WorkingCalendar:
        years = (await self._session.scalars(select(CalendarYear.year))).all()
        days = (await self._session.execute(select(CalendarDay.day, CalendarDay.kind))).all()
        return WorkingCalendar.from_days(years, [(day, DayKind(kind)) for day, kind in days])

    async def seed(self, years: frozenset[int], days: Sequence[tuple[date, DayKind]], *, source: str) -> int:
        """Add published years and their special days that are not in the table yet; edits are kept."""
        if not years:
            return 0
        await self._session.execute(
            insert(CalendarYear)
            .values([{"year": y, "source": source} for y in sorted(years)])
            .on_conflict_do_nothing()
        )
        if not days:
            return 0
        result = await self._session.execute(
            insert(CalendarDay)
            .values([{"day": d, "kind": k.value} for d, k in days])
            .on_conflict_do_nothing()
            .returning(CalendarDay.day)
        )
        return len(result.all())

    async def years(self) -> Sequence[CalendarYear]:
        return (await self._session.scalars(select(CalendarYear).order_by(CalendarYear.year))).all()

    async def days_of(self, year: int) -> Sequence[CalendarDay]:
        query = select(CalendarDay).where(CalendarDay.day.between(date(year, 1, 1), date(year, 12, 31)))
        return (await self._session.scalars(query.order_by(CalendarDay.day))).all()

    async def replace_year(self, year: int, days: Sequence[tuple[date, DayKind]], *, source: str) -> int:
        """The year is published with exactly these special days (a new notice, or a corrected one); returns the
        year's new revision."""
        revision: int = (
            await self._session.execute(
                insert(CalendarYear)
                .values(year=year, source=source, revision=1)
                .on_conflict_do_update(
                    index_elements=[CalendarYear.year],
                    set_={"source": source, "revision": CalendarYear.revision + 1},
                )
                .returning(CalendarYear.revision)
            )
        ).scalar_one()
        await self._session.execute(
            delete(CalendarDay).where(CalendarDay.day.between(date(year, 1, 1), date(year, 12, 31)))
        )
        if days:
            await self._session.execute(
                insert(CalendarDay).values(
                    [{"day": d, "kind": k.value, "note": source[:100]} for d, k in days]
                )
            )
        return revision
