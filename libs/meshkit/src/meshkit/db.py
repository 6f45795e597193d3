"""Async SQLAlchemy: metadata with a naming convention, the engine/session holder, and the unit of work."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from types import TracebackType
from typing import Any, ClassVar, Self

import asyncpg
from sqlalchemy import MetaData, Table, event, text
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from meshkit.events import CloudEvent, EventPayload, EventSpec
from meshkit.outbox import add_event, add_events

__all__ = ["NAMING_CONVENTION", "Database", "UnitOfWork", "new_engine", "new_metadata"]

NAMING_CONVENTION: dict[str, str] = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_metadata() -> MetaData:
    """Metadata for one service's declarative base, with stable constraint names."""
    return MetaData(naming_convention=NAMING_CONVENTION)


def new_engine(url: str, **options: Any) -> AsyncEngine:
    """Every engine of the mesh (services, migrations, tools, tests): a failed statement's error never carries
    its parameters (``hide_parameters``), which hold personal data and password hashes; the text the database
    itself echoes is masked by the log formatter (``meshkit.masking``)."""
    engine = create_async_engine(url, hide_parameters=True, **options)
    event.listen(engine.sync_engine, "checkout", _closed_is_stale)
    return engine


def _closed_is_stale(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    """A pooled connection the server closed (a restart, a failover, an idle timeout) is replaced before use:
    asyncpg marks a connection closed as soon as its socket is, so this costs no round trip (``pool_pre_ping``
    would cost one on every checkout of the hot path). SQLAlchemy retries the checkout on this error."""
    driver = getattr(dbapi_connection, "driver_connection", None)
    if driver is not None and driver.is_closed():
        raise DisconnectionError("the database closed this pooled connection")


async def _keep_session(connection: asyncpg.Connection) -> None:
    """Pool reset for the driver pool: asyncpg still rolls back an open transaction; its default reset
    (``RESET ALL; UNLISTEN *; ...``) would cost one more round trip per checkout, for state hot paths never set."""


async def _json_like_sqlalchemy(connection: asyncpg.Connection) -> None:
    """json and jsonb as on SQLAlchemy's connections: parameters are JSON text, results come parsed."""
    for name in ("json", "jsonb"):
        await connection.set_type_codec(
            name, encoder=str, decoder=json.loads, schema="pg_catalog", format="text"
        )


class Database:
    """Owns the engine and makes sessions. Built in a lifespan, never at import time.

    :meth:`driver` is the way around SQLAlchemy for a few hot statements: a plain asyncpg connection in a
    transaction, from a pool of its own (``driver_pool_size`` connections, opened on first use).
    """

    def __init__(
        self,
        engine: AsyncEngine,
        *,
        bind: AsyncConnection | None = None,
        driver_pool_size: int = 10,
        application_name: str | None = None,
        driver_settings: Mapping[str, str] | None = None,
    ) -> None:
        self.engine = engine
        self._bind = bind
        self._driver_pool: asyncpg.Pool | None = None
        self._driver_pool_size = driver_pool_size
        self._application_name = application_name
        self._driver_settings = dict(driver_settings or {})
        self._driver_lock = asyncio.Lock()
        self._bound_lock = asyncio.Lock()  # tests: one connection, so concurrent callers take turns on it
        if bind is None:
            self.sessions = async_sessionmaker(engine, expire_on_commit=False)
        else:
            # Tests: every session joins the connection's outer transaction; commits become savepoints.
            self.sessions = async_sessionmaker(
                bind=bind, expire_on_commit=False, join_transaction_mode="create_savepoint"
            )

    @classmethod
    def from_url(
        cls,
        url: str,
        *,
        pool_size: int = 10,
        application_name: str = "tongban",
        driver_settings: Mapping[str, str] | None = None,
    ) -> Self:
        engine = new_engine(
            url,
            pool_size=pool_size,
            max_overflow=pool_size,
            pool_pre_ping=False,  # a closed connection is caught at checkout without a round trip (new_engine)
            pool_recycle=1800,
            connect_args={"server_settings": {"application_name": application_name}},
        )
        return cls(
            engine,
            driver_pool_size=pool_size,
            application_name=application_name,
            driver_settings=driver_settings,
        )

    async def ping(self) -> None:
        async with self.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))

    async def dispose(self) -> None:
        pool, self._driver_pool = self._driver_pool, None
        if pool is not None:
            await pool.close()
        await self.engine.dispose()

    @asynccontextmanager
    async def driver(self, *, transaction: bool = True) -> AsyncIterator[Any]:
        """A plain asyncpg connection for the few statements of a hot path: no SQLAlchemy session, identity map
        or greenlet on the way. With ``transaction`` (default) the block is one transaction that commits when
        it ends without an error and rolls back when it raises; without, each statement commits on its own.
        The connections carry ``driver_settings`` (server settings such as planner switches) from the start.
        Tests (a ``bind``-ed database) get the bound connection, and a savepoint either way, with the settings
        made local to it; concurrent callers (e.g. the items of a batch) take turns on it.
        """
        if self._bind is not None:
            async with self._bound_lock:
                raw = await self._bind.get_raw_connection()
                connection = raw.driver_connection
                assert connection is not None
                # SQLAlchemy begins lazily; begin its outer transaction
                if not connection.is_in_transaction():
                    await self._bind.exec_driver_sql("SELECT 1")
                async with connection.transaction():
                    for name, value in self._driver_settings.items():
                        await connection.execute("SELECT set_config($1, $2, true)", name, value)
                    yield connection
            return
        pool = self._driver_pool or await self._open_driver_pool()
        async with pool.acquire() as connection:
            if transaction:
                async with connection.transaction():
                    yield connection
            else:
                yield connection

    async def _open_driver_pool(self) -> asyncpg.Pool:
        async with self._driver_lock:
            if self._driver_pool is None:
                url = self.engine.url.set(drivername="postgresql")
                server_settings = dict(self._driver_settings)
                if self._application_name:
                    server_settings["application_name"] = self._application_name
                self._driver_pool = await asyncpg.create_pool(
                    url.render_as_string(hide_password=False),
                    min_size=1,
                    max_size=self._driver_pool_size,
                    reset=_keep_session,
                    init=_json_like_sqlalchemy,
                    server_settings=server_settings,
                )
            return self._driver_pool

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        async with self.sessions() as session:
            yield session


class UnitOfWork:
    """One business transaction. Nothing is written unless the use case calls ``await uow.commit()``.

    Services subclass it, set ``outbox`` to their outbox table and attach their repositories in :meth:`attach`.
    """

    outbox: ClassVar[Table | None] = None
    session: AsyncSession

    def __init__(self, database: Database) -> None:
        self._database = database

    def attach(self, session: AsyncSession) -> None:
        """Override to build repositories on ``session``."""

    async def __aenter__(self) -> Self:
        self.session = self._database.sessions()
        self.attach(self.session)
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            await self.session.rollback()
        finally:
            await self.session.close()

    async def commit(self) -> None:
        await self.session.commit()

    async def rollback(self) -> None:
        await self.session.rollback()

    async def flush(self, *objects: Any) -> None:
        await self.session.flush(list(objects) or None)

    async def publish(
        self, spec: EventSpec[Any], *, aggregate_id: str, sequence: int, payload: EventPayload
    ) -> CloudEvent:
        """Stage an event in this transaction (the outbox); it leaves only if the transaction commits."""
        if self.outbox is None:
            raise TypeError(f"{type(self).__name__} has no outbox table")
        return await add_event(
            self.session, self.outbox, spec, aggregate_id=aggregate_id, sequence=sequence, payload=payload
        )

    async def publish_many(
        self, spec: EventSpec[Any], items: Sequence[tuple[str, int, EventPayload]]
    ) -> list[CloudEvent]:
        """:meth:`publish` for many events of one type, one statement: (aggregate id, sequence, payload) each."""
        if self.outbox is None:
            raise TypeError(f"{type(self).__name__} has no outbox table")
        return await add_events(self.session, self.outbox, spec, items)
