"""The hub's own records a read's basis is checked against, kept close to the read path.

- **Cases**: the view fed by ``cases.>`` events (``note_cases``, in the worker's city-link consumer). A read citing
  a case the view does not know yet (the event is still on its way) asks the cases service once
  (``GET /case-bases/{number}``, scope ``cases:basis``) and keeps the answer. Reads that look up cases at the same
  moment (a batch) share one query; each answer is kept ``ttl`` seconds per process.
- **Subject bindings**: which subject ref an identity person, enterprise or newborn is. Learned once per person
  from identity (the identifier is revealed to the exchange, hashed, and forgotten); a newborn's identifier is
  the id identity issued it, so its ref is computed without asking and kept in ``subject_bindings``:
  that is how a case's applicant is matched with the identifier read, and how "who read my data" finds every read
  of the caller's data — also those made before she registered online.
- **Duties**: the registered duties (履职依据) operators keep, by code, kept ``ttl`` seconds per process.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import timedelta
from typing import Any, TypeVar

from exchange.clients.mesh import CaseBasisFacts, MeshRecords, MeshUnavailable
from exchange.domain.bases import CaseFacts, DutyTerms
from exchange.domain.subjects import InvalidSubject, SubjectKind, normalized_identifier
from exchange.sealing import Sealer
from exchange.store.bases import (
    CaseNote,
    CaseRows,
    DutyStatements,
    SubjectStatements,
    case_facts_many,
    note_cases,
)
from exchange.store.driver import KeptCopies
from meshkit.db import Database

__all__ = ["BasisUnavailable", "ReadBases", "note_of_basis"]

T = TypeVar("T")


class BasisUnavailable(Exception):
    """The basis could not be checked now (identity or cases did not answer); the read is to be retried."""


def note_of_basis(facts: CaseBasisFacts) -> CaseNote:
    return CaseNote(
        case_id=facts.case_id,
        case_number=facts.case_number,
        parent_case_id=facts.parent_case_id,
        handling_org=facts.handling_org,
        matter_code=facts.matter_code,
        orgs=facts.orgs,
        status=facts.status,
        outcome=facts.outcome,
        concluded_at=facts.concluded_at,
        parties=facts.parties,
    )


class _CaseView:
    """Case facts by number: kept ``ttl`` seconds; the misses of one moment answered by one query."""

    def __init__(self, ttl: float) -> None:
        self._ttl = ttl
        self._kept: dict[str, tuple[CaseRows, float]] = {}
        self._waiting: dict[str, list[asyncio.Future[CaseRows | None]]] = {}
        self._tasks: set[asyncio.Task[None]] = set()

    async def get(self, database: Database, number: str) -> CaseRows | None:
        kept = self._kept.get(number)
        if kept is not None and time.monotonic() < kept[1]:
            return kept[0]
        future: asyncio.Future[CaseRows | None] = asyncio.get_running_loop().create_future()
        if not self._waiting:
            asyncio.get_running_loop().call_soon(self._start, database)
        self._waiting.setdefault(number, []).append(future)
        return await future

    def _start(self, database: Database) -> None:
        task = asyncio.create_task(self._load(database, self._waiting))
        self._waiting = {}
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _load(
        self, database: Database, waiting: dict[str, list[asyncio.Future[CaseRows | None]]]
    ) -> None:
        try:
            async with database.driver(transaction=False) as connection:
                found = await case_facts_many(connection, list(waiting))
        except BaseException as exc:
            for futures in waiting.values():
                for future in futures:
                    if not future.done():
                        future.set_exception(exc if isinstance(exc, Exception) else asyncio.CancelledError())
            if not isinstance(exc, Exception):
                raise
            return
        expires = time.monotonic() + self._ttl
        if len(self._kept) > 50_000:
            self._kept.clear()
        for number, futures in waiting.items():
            rows = found.get(number)
            if rows is not None and not rows.unbound and self._ttl > 0:
                self._kept[number] = (rows, expires)
            for future in futures:
                if not future.done():
                    future.set_result(rows)

    def forget(self, number: str) -> None:
        self._kept.pop(number, None)


class ReadBases:
    def __init__(
        self,
        mesh: MeshRecords | None,
        sealer: Sealer,
        *,
        ttl: float,
        window_days: int,
        event_wait: float = 0.0,
    ) -> None:
        self._mesh = mesh
        self._event_wait = event_wait
        self._sealer = sealer
        self._cases = _CaseView(ttl)
        self._duties: KeptCopies[DutyTerms] = KeptCopies(lambda c, code: DutyStatements(c).get(code), ttl)
        self._refs: dict[tuple[str, str], str] = {}  # bindings never change: kept for the process's life
        self._flights: dict[object, asyncio.Future[Any]] = {}
        self.window = timedelta(days=window_days)

    async def _once(self, key: object, work: Callable[[], Awaitable[T]]) -> T:
        """One call in flight per key; those who ask meanwhile share its answer."""
        flight = self._flights.get(key)
        if flight is not None:
            shared: T = await asyncio.shield(flight)
            return shared
        flight = asyncio.get_running_loop().create_future()
        self._flights[key] = flight
        try:
            result = await work()
        except BaseException as exc:
            flight.set_exception(exc if isinstance(exc, Exception) else asyncio.CancelledError())
            flight.exception()
            raise
        finally:
            self._flights.pop(key, None)
        flight.set_result(result)
        return result

    async def case(self, database: Database, number: str) -> CaseFacts | None:
        """The case as the hub knows it (asking the cases service on a miss), its parties bound."""
        rows = await self._cases.get(database, number)
        waited = 0.0
        while rows is None and waited < self._event_wait:  # a new case's event is usually a moment away
            step = min(0.1, self._event_wait - waited)
            await asyncio.sleep(step)
            waited += step
            rows = await self._cases.get(database, number)
        if rows is None and self._mesh is not None:
            await self._once(("case", number), lambda: self._learn_case(database, number))
            rows = await self._cases.get(database, number)
        if rows is None:
            return None
        if not rows.unbound:
            return rows.facts
        refs = set(rows.facts.subject_refs)
        for kind, owner in rows.unbound:  # parties not bound yet: bound now (identity, once per party)
            if (ref := await self.subject_ref(database, kind, owner)) is not None:
                refs.add(ref)
        return replace(rows.facts, subject_refs=frozenset(refs))

    async def _learn_case(self, database: Database, number: str) -> None:
        assert self._mesh is not None
        try:
            facts = await self._mesh.case_basis(number)
        except MeshUnavailable as exc:
            raise BasisUnavailable(str(exc)) from None
        if facts is not None:
            async with database.driver() as connection:
                await note_cases(connection, [note_of_basis(facts)])
            self._cases.forget(number)

    async def subject_ref(self, database: Database, kind: str, owner_id: str) -> str | None:
        """The subject ref of an identity person or enterprise: bound here, else learned from identity once."""
        key = (kind, owner_id)
        if (ref := self._refs.get(key)) is not None:
            return ref
        async with database.driver(transaction=False) as connection:
            ref = await SubjectStatements(connection).bound(kind, owner_id)
        if ref is None and self._mesh is not None:
            ref = await self._once(
                ("subject", kind, owner_id), lambda: self._learn_subject(database, kind, owner_id)
            )
        if ref is not None:
            if len(self._refs) > 100_000:
                self._refs.clear()
            self._refs[key] = ref
        return ref

    async def _learn_subject(self, database: Database, kind: str, owner_id: str) -> str | None:
        assert self._mesh is not None
        if (
            kind == SubjectKind.NEWBORN
        ):  # its identity id is its identifier: nothing to reveal, nothing to ask
            identifier: str | None = owner_id
        else:
            try:
                identifier = await self._mesh.identifier(kind, owner_id)
            except MeshUnavailable as exc:
                raise BasisUnavailable(str(exc)) from None
        if identifier is None:
            return None
        subject_kind = SubjectKind(kind) if kind in tuple(SubjectKind) else SubjectKind.PERSON
        try:
            ref = self._sealer.subject_ref(
                subject_kind.value, normalized_identifier(subject_kind, identifier)
            )
        except InvalidSubject:
            return None
        finally:
            del identifier
        async with database.driver() as connection:
            await SubjectStatements(connection).bind(kind, owner_id, ref)
        return ref

    async def ward_ref(self, person_id: str, newborn_id: str) -> str | None:
        """The subject ref of a newborn whose guardian ``person_id`` is by identity's records; None otherwise (or
        for an identifier that is not a newborn's)."""
        if self._mesh is None:
            return None
        try:
            normalized = normalized_identifier(SubjectKind.NEWBORN, newborn_id)
        except InvalidSubject:
            return None
        try:
            relation = await self._mesh.relation(person_id, SubjectKind.NEWBORN.value, normalized)
        except MeshUnavailable as exc:
            raise BasisUnavailable(str(exc)) from None
        return (
            self._sealer.subject_ref(SubjectKind.NEWBORN.value, normalized)
            if relation == "guardian"
            else None
        )

    async def duty(self, database: Database, code: str) -> DutyTerms | None:
        return await self._duties.get(database, code)

    def forget_duty(self, code: str) -> None:
        self._duties.forget(code)
