"""Concurrent retries of one application (same applicant, same ``Idempotency-Key``) make one case.

One mechanism for every way of filing: the key is unique per applicant in the database
(``uq_cases_applicant_id_idempotency_key``), each request writes as if it were the first, and PostgreSQL makes a
second writer wait for the first one's transaction. If that commits, the second gets a unique violation of this
constraint, raised here as :class:`DuplicateIdempotencyKey` whichever path wrote (the single-matter statement on
the plain driver, a 一件事 bundle through the ORM); the use case then rolls back and answers with the case the
first request committed. No lock is taken up front: a retry costs nothing on the path that wins.
"""

from __future__ import annotations

import asyncpg
from sqlalchemy.exc import IntegrityError

__all__ = ["KEY_CONSTRAINT", "DuplicateIdempotencyKey", "key_taken"]

KEY_CONSTRAINT = "uq_cases_applicant_id_idempotency_key"


class DuplicateIdempotencyKey(Exception):
    """Another submission by the same applicant with the same Idempotency-Key was committed first."""


def key_taken(exc: BaseException) -> bool:
    """``exc`` is the violation of the applicant's Idempotency-Key, from asyncpg or wrapped by SQLAlchemy."""
    if isinstance(exc, IntegrityError):  # SQLAlchemy's adapter raises its own error from asyncpg's
        exc = getattr(exc.orig, "__cause__", None) or exc
    return isinstance(exc, asyncpg.UniqueViolationError) and exc.constraint_name == KEY_CONSTRAINT
