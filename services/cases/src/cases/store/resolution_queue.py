"""The materials the worker resolves through the exchange: claimed many at a time with what the calls need, and
their outcomes recorded in one transaction — plain statements on an asyncpg connection, a few per batch instead
of a few per material."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cases.domain.forwarding import serving_org
from meshkit.db import Database

__all__ = ["DueMaterial", "Failure", "ResolutionQueue", "Success"]

# Due materials, oldest first, leased to this worker (other replicas skip the locked rows; a crashed worker's
# claims come due again when the lease ends), with their case's facts for the calls: the holder is the case's
# applicant for a material that is hers (a mother's ID card in her newborn's case), else the case's subject.
_CLAIM = """
WITH due AS (
    SELECT id FROM case_materials
    WHERE next_attempt_at <= $1 AND status = 'missing'
    ORDER BY next_attempt_at LIMIT $3
    FOR UPDATE SKIP LOCKED
)
UPDATE case_materials AS m SET next_attempt_at = $2
FROM due, cases AS c
WHERE m.id = due.id AND c.id = m.case_id
RETURNING m.id, m.case_id, m.material_code, m.certificate_type, m.resource_code, m.data_items, m.attempts,
          c.number, c.matter_name,
          CASE WHEN m.belongs_to = 'applicant' THEN c.applicant_kind ELSE c.subject_kind END,
          CASE WHEN m.belongs_to = 'applicant' THEN c.applicant_id ELSE c.subject_id END,
          m.answered_ways, c.traceparent, c.accepted_at IS NOT NULL, c.received_by_org, c.accepting_org,
          c.handling_org
"""
# Obtained: only while still missing — an upload or paper recorded meanwhile wins.
_OBTAINED = """
UPDATE case_materials AS m
SET status = 'obtained', method = v.method, reference = v.reference, detail = v.detail::jsonb, obtained_at = $5,
    next_attempt_at = NULL, last_error = NULL
FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS v(id, method, reference, detail)
WHERE m.id = v.id AND m.status = 'missing'
RETURNING m.id
"""
_FAILED = """
UPDATE case_materials AS m
SET attempts = v.attempts, next_attempt_at = v.next_attempt_at, last_error = v.last_error,
    answered_ways = v.answered::jsonb
FROM unnest($1::bigint[], $2::int[], $3::timestamptz[], $4::text[], $5::text[])
    AS v(id, attempts, next_attempt_at, last_error, answered)
WHERE m.id = v.id AND m.status = 'missing'
"""


@dataclass(frozen=True)
class DueMaterial:
    id: int
    case_id: str
    code: str
    certificate_type: str | None
    resource_code: str | None
    data_items: list[str]
    attempts: int
    case_number: str
    matter_name: str
    holder_kind: str  # whose material: the case's subject, or its applicant for her own (``belongs_to``)
    holder_id: str
    answered_ways: list[str]  # ways that gave a final answer before: not asked again
    traceparent: str | None = None  # the filing request's trace, continued by the reads for this material
    served_org: str | None = None  # the hall or department handling the case now: whom its reads serve


@dataclass(frozen=True)
class Success:
    material_id: int
    method: str
    reference: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class Failure:
    material_id: int
    attempts: int
    next_attempt_at: datetime | None
    last_error: str
    answered_ways: list[str]


def _due(row: Any) -> DueMaterial:
    return DueMaterial(
        id=row[0],
        case_id=row[1],
        code=row[2],
        certificate_type=row[3],
        resource_code=row[4],
        data_items=_json_list(row[5]),
        attempts=row[6],
        case_number=row[7],
        matter_name=row[8],
        holder_kind=row[9],
        holder_id=row[10],
        answered_ways=_json_list(row[11]),
        traceparent=row[12],
        served_org=serving_org(accepted=row[13], received_by=row[14], accepting=row[15], handling=row[16]),
    )


def _json_list(value: Any) -> list[str]:
    """asyncpg hands jsonb over as its text."""
    loaded = json.loads(value) if isinstance(value, str) else value
    return [str(v) for v in loaded or []]


class ResolutionQueue:
    def __init__(self, database: Database) -> None:
        self._database = database

    async def claim(self, *, now: datetime, lease_until: datetime, limit: int) -> list[DueMaterial]:
        async with self._database.driver() as connection:
            rows = await connection.fetch(_CLAIM, now, lease_until, limit)
        due = [_due(row) for row in rows]
        return sorted(due, key=lambda m: (m.case_id, m.code))

    async def record(
        self, successes: Sequence[Success], failures: Sequence[Failure], *, now: datetime
    ) -> int:
        """Both kinds of outcome in one transaction; returns how many materials became obtained."""
        obtained = 0
        async with self._database.driver() as connection:
            if successes:
                rows = await connection.fetch(
                    _OBTAINED,
                    [s.material_id for s in successes],
                    [s.method for s in successes],
                    [s.reference for s in successes],
                    [json.dumps(s.detail, ensure_ascii=False) for s in successes],
                    now,
                )
                obtained = len(rows)
            if failures:
                await connection.execute(
                    _FAILED,
                    [f.material_id for f in failures],
                    [f.attempts for f in failures],
                    [f.next_attempt_at for f in failures],
                    [f.last_error for f in failures],
                    [json.dumps(f.answered_ways) for f in failures],
                )
        return obtained
