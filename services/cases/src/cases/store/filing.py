"""Filing a single-matter case in one statement: the hot path of submission (申报).

One application is the case row, its timeline row, one row per material and the outbox event. Through the ORM
that was a flush of five inserts plus the sequence and the matter read, each a round trip with its statement
building; here it is one statement on a plain asyncpg connection (:meth:`meshkit.db.Database.driver`), so one
implicit transaction and one round trip:

- the case number's serial comes from ``case_number_seq`` inside the statement, so numbers stay unique and in
  sequence order, and the event's ``case_number`` is filled in there too;
- the case is only written while the matter is still open at the version the caller planned with (the caller
  may hold a cached copy): a retired matter, or a newer version, writes nothing and the caller re-reads it;
- the case is only written while the applicant's ``Idempotency-Key`` is free: a retry of a committed filing writes
  nothing (no case number is drawn) and is told so (:class:`~cases.store.idempotency.DuplicateIdempotencyKey`).
  This check was a read of its own through the ORM before the statement — a transaction begun and rolled back,
  three round trips and about 40 % of the API process's CPU per application (bench/HISTORY.md, issue 21).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import asyncpg

from cases.domain.materials import MaterialPlan
from cases.store.idempotency import DuplicateIdempotencyKey, key_taken
from meshkit.db import Database
from meshkit.events import CloudEvent

__all__ = ["CaseFiling", "MaterialArrays"]

# Columns of ``cases`` the filing writes, in parameter order after $1 (the matter code) and $2 (its version).
_CASE_COLUMNS = (
    "id",
    "matter_code",
    "matter_version",
    "matter_name",
    "matter_type",
    "matter_legal_basis",
    "kind",
    "applicant_kind",
    "applicant_id",
    "subject_kind",
    "subject_id",
    "submitted_by",
    "consent_ref",
    "channel",
    "received_by_org",
    "region",
    "handling_org",
    "accepting_org",
    "status",
    "national_code",
    "form",
    "received_at",
    "limit_days",
    "limit_unit",
    "statutory_days",
    "idempotency_key",
    "result_certificate_type",
    "traceparent",
)
_TYPES = {
    "matter_version": "int",
    "national_code": "int",
    "limit_days": "int",
    "statutory_days": "int",
    "form": "jsonb",
    "received_at": "timestamptz",
}
_N = len(_CASE_COLUMNS)
_NUMBER, _ACTOR_ORG, _ACTOR_ROLE, _EVENT_ID, _SUBJECT, _ENVELOPE = range(_N + 3, _N + 9)
_MATERIALS = range(_N + 9, _N + 20)


def _statement() -> str:
    case_values = ", ".join(f"${n}::{_TYPES.get(c, 'text')}" for n, c in enumerate(_CASE_COLUMNS, start=3))
    codes, names, requirements, sources, statuses, certificates, resources, items, produced, holders, due = (
        _MATERIALS
    )
    serial = "CASE WHEN serial.n < 100000000 THEN lpad(serial.n::text, 8, '0') ELSE serial.n::text END"
    # Column names are constants of this module; every value is a parameter.
    applicant = _CASE_COLUMNS.index("applicant_id") + 3
    key = _CASE_COLUMNS.index("idempotency_key") + 3
    return (
        f"WITH taken AS (SELECT id FROM cases WHERE applicant_id = ${applicant}::text "  # noqa: S608
        f"AND idempotency_key = ${key}::text), "
        "matter AS (SELECT 1 FROM open_matters WHERE code = $1 AND version = $2::int "
        "AND NOT EXISTS (SELECT 1 FROM taken)), "
        "serial AS (SELECT nextval('case_number_seq') AS n FROM matter), "
        f"filed AS (INSERT INTO cases ({', '.join(_CASE_COLUMNS)}, number, extension_days, "
        "supplement_requested, deemed_accepted, version) "
        f"SELECT {case_values}, ${_NUMBER}::text || {serial}, 0, false, false, 1 FROM serial "
        "RETURNING id, number, status, received_at, submitted_by), "
        "timeline AS (INSERT INTO case_timeline (case_id, action, from_status, to_status, actor_id, actor_org, "
        f"actor_role, at) SELECT id, 'submit', NULL, status, submitted_by, ${_ACTOR_ORG}::text, "
        f"${_ACTOR_ROLE}::text, received_at FROM filed), "
        "materials AS (INSERT INTO case_materials (case_id, material_code, name, requirement, source, status, "
        "certificate_type, resource_code, data_items, produced_by, belongs_to, next_attempt_at, detail, attempts) "
        "SELECT filed.id, m.code, m.name, m.requirement, m.source, m.status, m.certificate_type, "
        "m.resource_code, m.data_items::jsonb, m.produced_by, m.belongs_to, "
        "CASE WHEN m.due THEN filed.received_at END, '{}'::jsonb, 0 FROM filed, "
        f"unnest(${codes}::text[], ${names}::text[], ${requirements}::text[], ${sources}::text[], "
        f"${statuses}::text[], ${certificates}::text[], ${resources}::text[], ${items}::text[], "
        f"${produced}::text[], ${holders}::text[], ${due}::bool[]) AS m(code, name, requirement, source, status, "
        "certificate_type, resource_code, data_items, produced_by, belongs_to, due)), "
        "announced AS (INSERT INTO outbox (event_id, subject, aggregate_id, envelope) "
        f"SELECT ${_EVENT_ID}::text, ${_SUBJECT}::text, id, "
        f"jsonb_set(${_ENVELOPE}::jsonb, '{{data,case_number}}', to_jsonb(number)) FROM filed) "
        "SELECT (SELECT number FROM filed) AS number, EXISTS (SELECT 1 FROM taken) AS taken"
    )


FILE_CASE = _statement()


@dataclass(frozen=True)
class MaterialArrays:
    """A matter version's planned materials as the statement's column arrays; the same for every case of that
    version, so it is built once per cached matter. ``due``: the exchange may hold it (a certificate type or a
    shared resource) — the worker's resolution timer picks it up from the moment the case is committed."""

    columns: tuple[list[Any], ...]

    @classmethod
    def of(cls, plans: Sequence[MaterialPlan]) -> MaterialArrays:
        return cls(
            (
                [p.code for p in plans],
                [p.name for p in plans],
                [p.requirement for p in plans],
                [p.source for p in plans],
                [p.status for p in plans],
                [p.certificate_type for p in plans],
                [p.resource_code for p in plans],
                [json.dumps(p.data_items, ensure_ascii=False) for p in plans],
                [p.produced_by for p in plans],
                [p.belongs_to for p in plans],
                [p.status == "missing" and bool(p.certificate_type or p.resource_code) for p in plans],
            )
        )


class CaseFiling:
    def __init__(self, database: Database) -> None:
        self._database = database

    async def file(
        self,
        case: Mapping[str, Any],
        *,
        form_json: str,
        number_prefix: str,
        actor_org: str | None,
        actor_role: str,
        materials: MaterialArrays,
        event: CloudEvent,
    ) -> str | None:
        """Write the case (``case``: the values of ``_CASE_COLUMNS`` but the form, given as JSON text) with its
        timeline row, materials and event; returns its number, or None when the matter is no longer open at
        ``case["matter_version"]`` (nothing was written). The event's ``data.case_number`` is set here.

        Raises :class:`DuplicateIdempotencyKey` when the applicant's key is already taken: by a filing committed
        before (seen by the statement, nothing written) or by one committing meanwhile (the unique violation)."""
        values = [case[c] if c != "form" else form_json for c in _CASE_COLUMNS]
        envelope = event.model_dump_json()  # pydantic-core's serializer: no dict of the event built first
        subject = event.type
        try:
            async with self._database.driver(transaction=False) as connection:
                row = await connection.fetchrow(
                    FILE_CASE,
                    case["matter_code"],
                    case["matter_version"],
                    *values,
                    number_prefix,
                    actor_org,
                    actor_role,
                    event.id,
                    subject,
                    envelope,
                    *materials.columns,
                )
        except asyncpg.UniqueViolationError as exc:
            if key_taken(exc):
                raise DuplicateIdempotencyKey from None
            raise
        assert row is not None  # one row of two scalar subqueries, always
        if row["taken"]:
            raise DuplicateIdempotencyKey
        number: str | None = row["number"]
        return number
