"""Async SQLAlchemy: metadata with a naming convention, the engine/session holder, and the unit of work."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from types import TracebackType
from typing import Any, ClassVar, Self

from sqlalchemy import MetaData, Table, text
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from meshkit.events import CloudEvent, EventPayload, EventSpec
from meshkit.outbox import add_event

__all__ = ["NAMING_CONVENTION", "Database", "UnitOfWork", "new_metadata"]

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


class Database:
    """Owns the engine and makes sessions. Built in a lifespan, never at import time."""

    def __init__(self, engine: AsyncEngine, *, bind: AsyncConnection | None = None) -> None:
        self.engine = engine
        if bind is None:
            self.sessions = async_sessionmaker(engine, expire_on_commit=False)
        else:
            # Tests: every session joins the connection's outer transaction; commits become savepoints.
            self.sessions = async_sessionmaker(
                bind=bind, expire_on_commit=False, join_transaction_mode="create_savepoint"
            )

    @classmethod
    def from_url(cls, url: str, *, pool_size: int = 10, application_name: str = "tongban") -> Self:
        engine = create_async_engine(
            url,
            pool_size=pool_size,
            max_overflow=pool_size,
            pool_pre_ping=False,
            pool_recycle=1800,
            connect_args={"server_settings": {"application_name": application_name}},
        )
        return cls(engine)

    async def ping(self) -> None:
        async with self.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))

    async def dispose(self) -> None:
        await self.engine.dispose()

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
