from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from exchange.demo import load
from exchange.main import create_app
from exchange.settings import ExchangeSettings
from exchange.store import SERVICE_ROOT
from meshkit.db import Database
from meshkit.embedded import EmbeddedPostgres
from meshkit.roles import ServiceRoles
from meshkit.testing import rolled_back
from meshkit.testing.service import TEST_SECRET, service_fixtures
from meshkit.testing.tokens import TokenFactory

# Test keys: the access log's checkpoint key, and the time-stamping authority's (its public half the hub trusts).
TEST_CHECKPOINT_KEY = "2" * 64
TEST_WITNESS_PRIVATE_KEY = "3" * 64
TEST_WITNESS_PUBLIC_KEY = "17cb79fb2b4120f2b1ec65e4198d6e08b28e813feb01e4a400839b85e18080ce"
ROLES = ServiceRoles.of("exchange")


def settings(database_url: str, nats_url: str, **overrides: object) -> ExchangeSettings:
    keys = {"checkpoint_signing_key": TEST_CHECKPOINT_KEY, "witness_public_key": TEST_WITNESS_PUBLIC_KEY}
    return ExchangeSettings(
        database_url=database_url, nats_url=nats_url, environment="test", secret_key=TEST_SECRET,
        issuer="http://issuer.test", city_sm2_private_key="1" * 64, **{**keys, **overrides},  # type: ignore[arg-type]
    )  # fmt: skip


def _app(database_url: str, nats_url: str):  # type: ignore[no-untyped-def]
    return create_app(settings(database_url, nats_url))


migrated_url, engine, service_role_database, tokens, real_time_client = service_fixtures(
    name="exchange", service_root=SERVICE_ROOT, make_app=_app
)


@pytest.fixture(scope="session")
async def superuser_engine(
    embedded_postgres: EmbeddedPostgres, migrated_url: str
) -> AsyncIterator[AsyncEngine]:
    """The test database as its superuser: what an administrator holding the server can do."""
    engine = create_async_engine(embedded_postgres.database_url("exchange_test"), pool_size=5)
    yield engine
    await engine.dispose()


@pytest.fixture
async def rolled_back_database(superuser_engine: AsyncEngine) -> AsyncIterator[Database]:
    """The rolled-back test database with the service role's privileges (``SET LOCAL ROLE exchange_service``), on
    a superuser's connection so that a test can play the administrator (``RESET ROLE``) on the same data."""
    async with rolled_back(superuser_engine, role=ROLES.service) as database:
        yield database


# A Monday in a year with a published holiday calendar; tests move the clock explicitly.
START = datetime(2026, 6, 15, 2, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def client(real_time_client: httpx.AsyncClient, clock: Clock) -> httpx.AsyncClient:
    """The exchange app on the test clock."""
    transport = real_time_client._transport
    assert isinstance(transport, httpx.ASGITransport)
    transport.app.state.clock = clock  # type: ignore[attr-defined]
    return real_time_client


@pytest.fixture
async def database(rolled_back_database: Database) -> AsyncIterator[Database]:
    """The rolled-back test database, with the access log's deferred chain trigger firing at each statement:
    test transactions never really commit, so the commit-time trigger would otherwise never run."""
    async with rolled_back_database.sessions() as session:
        await session.execute(text("SET CONSTRAINTS ALL IMMEDIATE"))
        await session.commit()
    return rolled_back_database


class Headers:
    """Authorization headers for the callers of the exchange's tests."""

    def __init__(self, tokens: TokenFactory) -> None:
        self._tokens = tokens

    def system(self, org: str, *, client_id: str | None = None, **claims: Any) -> dict[str, str]:
        """A department system of ``org`` (client credentials)."""
        name = client_id or f"sys-{org}"
        return self._tokens.headers(sub=name, kind="system", org=org, client_id=name, **claims)

    def staff(self, org: str, *roles: str, sub: str = "staff-1") -> dict[str, str]:
        return self._tokens.headers(
            sub=sub, kind="staff", org=org, roles=list(roles), client_id="hall-console"
        )

    def operator(self) -> dict[str, str]:
        return self.staff("500110-ZWFWZX", "operator", sub="ops-1")

    def person(self, person_id: str) -> dict[str, str]:
        return self._tokens.headers(sub=person_id, kind="person", client_id="citizen-app")


@pytest.fixture
def headers(tokens: TokenFactory) -> Headers:
    return Headers(tokens)


@pytest.fixture
async def demo(database: Database, migrated_url: str) -> Database:
    """The demo members, resources and hosted records, inside the test's transaction."""
    await load(database, settings(migrated_url, "nats://unused:4222"))
    return database


@pytest.fixture
def make_settings() -> Callable[..., ExchangeSettings]:
    """Settings for an extra app in a test (database URL, NATS URL, overrides)."""
    return settings
