"""Statements of the hub's basis records: its view of the cases, subject bindings and registered duties.

Plain SQL on an asyncpg connection (the read path's :meth:`meshkit.db.Database.driver`, or a session's connection
through :func:`exchange.store.driver.driver` in the consumer), like the other read-path statements.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from exchange.domain.bases import CaseFacts, DutyTerms

__all__ = ["CaseNote", "CaseRows", "DutyStatements", "SubjectStatements", "case_facts_many", "note_cases"]

_CASES = (
    "SELECT b.case_number, b.handling_org, b.matter_code, b.status, b.outcome, b.concluded_at, "
    "ARRAY(SELECT o.org_code FROM case_orgs o WHERE o.case_id = b.case_id) AS orgs, "
    "ARRAY(SELECT ARRAY[p.owner_kind, p.owner_id] FROM case_parties p WHERE p.case_id = b.case_id "
    "AND NOT EXISTS (SELECT 1 FROM subject_bindings s WHERE s.owner_kind = p.owner_kind "
    "AND s.owner_id = p.owner_id)) AS unbound, "
    "ARRAY(SELECT s.subject_ref FROM case_parties p JOIN subject_bindings s ON s.owner_kind = p.owner_kind "
    "AND s.owner_id = p.owner_id WHERE p.case_id = b.case_id) AS refs "
    "FROM case_bases b WHERE b.case_number = ANY($1::text[])"
)
_UPSERT_CASES = (
    "INSERT INTO case_bases (case_id, case_number, parent_case_id, handling_org, matter_code, status, outcome, "
    "concluded_at) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], "
    "$7::text[], $8::timestamptz[]) ON CONFLICT (case_id) DO UPDATE SET status = EXCLUDED.status, "
    "handling_org = EXCLUDED.handling_org, matter_code = COALESCE(EXCLUDED.matter_code, case_bases.matter_code), "
    "outcome = COALESCE(case_bases.outcome, EXCLUDED.outcome), "
    "concluded_at = COALESCE(case_bases.concluded_at, EXCLUDED.concluded_at), updated_at = now()"
)
_ADD_ORGS = "INSERT INTO case_orgs (case_id, org_code) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING"
_ADD_PARTIES = (
    "INSERT INTO case_parties (case_id, owner_kind, owner_id) SELECT * FROM unnest($1::text[], $2::text[], "
    "$3::text[]) ON CONFLICT DO NOTHING"
)
_BINDING = "SELECT subject_ref FROM subject_bindings WHERE owner_kind = $1 AND owner_id = $2"
_BIND = (
    "INSERT INTO subject_bindings (owner_kind, owner_id, subject_ref) VALUES ($1, $2, $3) "
    "ON CONFLICT (owner_kind, owner_id) DO NOTHING"
)
_DUTY = (
    "SELECT code, member_code, name, statute, resources, allows_hiding, max_hidden_days, valid_from, valid_to, "
    "active FROM duties WHERE code = $1"
)


@dataclass(frozen=True)
class CaseRows:
    """A case as stored, with the parties whose subject ref is not bound yet (kind, identity id)."""

    facts: CaseFacts
    unbound: tuple[tuple[str, str], ...]


async def case_facts_many(connection: Any, numbers: Sequence[str]) -> dict[str, CaseRows]:
    rows = await connection.fetch(_CASES, list(numbers))
    return {
        row["case_number"]: CaseRows(
            CaseFacts(
                number=row["case_number"],
                handling_org=row["handling_org"],
                matter_code=row["matter_code"],
                orgs=frozenset(row["orgs"]),
                subject_refs=frozenset(row["refs"]),
                status=row["status"],
                outcome=row["outcome"],
                concluded_at=row["concluded_at"],
            ),
            tuple((kind, owner) for kind, owner in row["unbound"]),
        )
        for row in rows
    }


@dataclass(frozen=True)
class CaseNote:
    """What one event (or the cases service's answer) says of a case."""

    case_id: str
    case_number: str
    parent_case_id: str | None
    handling_org: str
    orgs: tuple[str, ...]
    status: str
    matter_code: str | None = None
    outcome: str | None = None
    concluded_at: datetime | None = None
    parties: tuple[tuple[str, str], ...] = ()  # (kind, identity id): the applicant, and named parties


async def note_cases(connection: Any, notes: Sequence[CaseNote]) -> None:
    """Keep what the notes say, in order: the latest status; the first outcome and conclusion, never undone;
    every organization (a member case's department also under its 一件事 parent) and party."""
    merged: dict[str, list[Any]] = {}
    orgs: set[tuple[str, str]] = set()
    parties: set[tuple[str, str, str]] = set()
    for note in notes:
        row = merged.setdefault(
            note.case_id,
            [
                note.case_id,
                note.case_number,
                note.parent_case_id,
                note.handling_org,
                None,
                note.status,
                None,
                None,
            ],
        )
        row[3], row[5] = note.handling_org, note.status
        row[4] = note.matter_code or row[4]
        row[6] = row[6] or note.outcome
        row[7] = row[7] or note.concluded_at
        orgs.update((note.case_id, org) for org in note.orgs if org)
        if note.parent_case_id:
            orgs.add((note.parent_case_id, note.handling_org))
        parties.update((note.case_id, kind, owner) for kind, owner in note.parties)
    if not merged:
        return
    await connection.execute(_UPSERT_CASES, *(list(column) for column in zip(*merged.values(), strict=True)))
    if orgs:
        await connection.execute(_ADD_ORGS, *(list(column) for column in zip(*sorted(orgs), strict=True)))
    if parties:
        await connection.execute(
            _ADD_PARTIES, *(list(column) for column in zip(*sorted(parties), strict=True))
        )


class SubjectStatements:
    def __init__(self, connection: Any) -> None:
        self.connection = connection

    async def bound(self, kind: str, owner_id: str) -> str | None:
        value = await self.connection.fetchval(_BINDING, kind, owner_id)
        return None if value is None else str(value)

    async def bind(self, kind: str, owner_id: str, subject_ref: str) -> None:
        await self.connection.execute(_BIND, kind, owner_id, subject_ref)


class DutyStatements:
    def __init__(self, connection: Any) -> None:
        self.connection = connection

    async def get(self, code: str) -> DutyTerms | None:
        row = await self.connection.fetchrow(_DUTY, code)
        if row is None:
            return None
        return DutyTerms(
            code=row["code"],
            member_code=row["member_code"],
            name=row["name"],
            statute=row["statute"],
            resources=tuple(row["resources"]),
            allows_hiding=row["allows_hiding"],
            max_hidden_days=row["max_hidden_days"],
            valid_from=row["valid_from"],
            valid_to=row["valid_to"],
            active=row["active"],
        )
