"""Outages told apart from faults: a database, broker or peer that cannot be reached now is waited out.

:func:`is_outage` says whether an exception — or one it was raised from — means the infrastructure failed, not
the work: the database or NATS unreachable, restarting or out of connections; a connection closed under us; a
timeout; a peer's transport failing. The callers act on it in one way each:

- a consumer naks such an event with a capped backoff for as long as the outage lasts and never dead-letters it
  (only a failure of the event's own content counts towards the dead letters, :mod:`meshkit.inbox`);
- an API answers 503 ``service_unavailable`` with ``Retry-After`` instead of 500 (:mod:`meshkit.errors`).

A missing file is a fault, not an outage — except the one a Unix socket's ``connect()`` reports: the embedded
PostgreSQL removes its socket file while it is stopped, so reaching it then raises ``FileNotFoundError`` with no
file name (every call that opens a path names it).

Service code whose own "peer unavailable" exception should count (e.g. a basis that cannot be checked now)
subclasses :class:`Unavailable`.
"""

from __future__ import annotations

import asyncpg.exceptions as pg
import httpx
import nats.errors
import nats.js.errors
from sqlalchemy import exc as sa

__all__ = ["OUTAGE_BACKOFF", "Unavailable", "is_outage", "outage_delay"]

OUTAGE_BACKOFF = (0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 30.0)
"""Seconds before the next try during an outage, by attempt; the last one repeats (capped backoff)."""

_OUTAGES: tuple[type[BaseException], ...] = (
    OSError,  # refused, reset, unreachable, DNS — and TimeoutError (asyncio's and nats-py's too)
    pg.PostgresConnectionError,  # class 08: the connection failed or does not exist any more
    pg.OperatorInterventionError,  # class 57: shutting down, starting up, statement cancelled or timed out
    pg.InsufficientResourcesError,  # class 53: too many connections, out of disk or memory
    sa.TimeoutError,  # no pooled connection free in time
    nats.errors.ConnectionClosedError,
    nats.errors.NoServersError,
    nats.errors.StaleConnectionError,
    nats.errors.ConnectionReconnectingError,
    nats.errors.NoRespondersError,  # JetStream not (yet) answering
    nats.js.errors.ServiceUnavailableError,
    httpx.TransportError,  # a peer's connection or timeout, not its answer
)
_NOT_OUTAGES = (FileNotFoundError, FileExistsError, PermissionError, IsADirectoryError, NotADirectoryError)


class Unavailable(Exception):
    """A peer the work depends on cannot answer now; the work is to be tried again later."""


def _causes(exc: BaseException) -> list[BaseException]:
    found: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo and len(found) < 16:
        current = todo.pop()
        if current is None or any(current is seen for seen in found):
            continue
        found.append(current)
        todo.extend([current.__cause__, current.__context__, getattr(current, "orig", None)])
    return found


def is_outage(exc: BaseException) -> bool:
    """Whether ``exc`` (or what it was raised from) is the infrastructure failing rather than the work."""
    for cause in _causes(exc):
        # a Unix socket nobody serves (a local PostgreSQL that is down): connect() names no file
        if isinstance(cause, FileNotFoundError) and cause.filename is None:
            return True
        if isinstance(cause, _NOT_OUTAGES):
            continue
        if isinstance(cause, (*_OUTAGES, Unavailable)):
            return True
        if isinstance(cause, sa.DBAPIError) and cause.connection_invalidated:
            return True
        if isinstance(cause, sa.InterfaceError | pg.InterfaceError) and "closed" in str(cause):
            return True  # "connection is closed": the server went away between statements
    return False


def outage_delay(attempt: int) -> float:
    """The wait before try ``attempt + 1`` during an outage (``attempt`` counts from 1)."""
    return OUTAGE_BACKOFF[min(max(attempt, 1) - 1, len(OUTAGE_BACKOFF) - 1)]
