"""Each service's real app with one more route that makes a statement fail — for the e2e test of issue 17, failure 6
(``test_logs_carry_no_secrets.py``). The e2e test starts these with the launcher's own uvicorn command line; they
are never part of a running mesh.

``POST /_fault/{kind}`` runs, in a transaction that is rolled back, a statement on the service's own outbox table
holding an ID number, a mobile number and an argon2 password hash, so that it fails as real statements do:

- ``unique``: the same ``event_id`` twice through SQLAlchemy (a unique violation; DETAIL quotes the key),
- ``too_long``: an ``aggregate_id`` longer than its column through SQLAlchemy (the parameters are the leak),
- ``driver``: the unique violation on the plain asyncpg connection of the hot paths (``Database.driver``),
- ``check``: a NULL ``subject`` (not-null violation; DETAIL quotes the whole row).

The error is not caught: it goes the way of every unexpected error (500 problem, the traceback to the log, and
uvicorn's own copy of it).
"""

from __future__ import annotations

import json

from fastapi import FastAPI, Request
from sqlalchemy import Table, insert

from cases.main import create_app as cases_app
from cases.store.models import OUTBOX as CASES_OUTBOX
from catalog.main import create_app as catalog_app
from catalog.store.models import OUTBOX as CATALOG_OUTBOX
from exchange.main import create_app as exchange_app
from exchange.store.base import OUTBOX as EXCHANGE_OUTBOX
from identity.main import create_app as identity_app
from identity.store.models import OUTBOX as IDENTITY_OUTBOX
from meshkit.db import Database

ID_NUMBER = "500222199803070028"
PHONE = "13987654321"
PASSWORD_HASH = "$argon2id$v=19$m=65536,t=3,p=4$ZmF1bHR5c2FsdHNhbHQ$ZmF1bHR5aGFzaGZhdWx0eWhhc2hmYXVsdHk"


# every service's outbox table has this name (meshkit.outbox.OUTBOX_TABLE)
DRIVER_INSERT = (
    "INSERT INTO outbox (event_id, subject, aggregate_id, envelope) VALUES ($1, $2, $3, $4::jsonb)"
)


def _row(
    event_id: str = ID_NUMBER, aggregate_id: str = PHONE, subject: str | None = "fault"
) -> dict[str, object]:
    envelope = {"id_number": ID_NUMBER, "phone": PHONE, "password_hash": PASSWORD_HASH}
    return {"event_id": event_id, "subject": subject, "aggregate_id": aggregate_id, "envelope": envelope}


async def _fail(database: Database, outbox: Table, kind: str) -> None:
    if kind == "driver":
        statement = DRIVER_INSERT
        envelope = json.dumps(_row()["envelope"])
        async with database.driver() as connection:
            for _ in range(2):
                await connection.execute(statement, ID_NUMBER, PASSWORD_HASH, PHONE, envelope)
        return
    rows = {
        "unique": [_row(), _row()],
        "too_long": [_row(aggregate_id=(ID_NUMBER + PHONE + PASSWORD_HASH) * 2)],
        "check": [_row(subject=None)],
    }[kind]
    async with database.session() as session, session.begin():
        for row in rows:
            await session.execute(insert(outbox).values(**row))
        await session.rollback()


def with_faults(app: FastAPI, outbox: Table) -> FastAPI:
    @app.post("/_fault/{kind}", include_in_schema=False)
    async def fault(kind: str, request: Request) -> None:
        await _fail(request.app.state.database, outbox, kind)

    return app


def identity() -> FastAPI:
    return with_faults(identity_app(), IDENTITY_OUTBOX)


def catalog() -> FastAPI:
    return with_faults(catalog_app(), CATALOG_OUTBOX)


def cases() -> FastAPI:
    return with_faults(cases_app(), CASES_OUTBOX)


def exchange() -> FastAPI:
    return with_faults(exchange_app(), EXCHANGE_OUTBOX)
