import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from aiohttp import web
from aiohttp.abc import AbstractResolver, ResolveResult
from sqlalchemy import text

from exchange.clients.outbound import Outbound
from exchange.demo import load
from exchange.domain.outbound import OutboundPolicy
from exchange.main import create_app
from exchange.settings import ExchangeSettings
from exchange.store import SERVICE_ROOT
from meshkit.db import Database
from meshkit.testing.service import TEST_SECRET, service_fixtures
from meshkit.testing.tokens import TokenFactory


def settings(database_url: str, nats_url: str, **overrides: object) -> ExchangeSettings:
    return ExchangeSettings(
        database_url=database_url, nats_url=nats_url, environment="test", secret_key=TEST_SECRET,
        issuer="http://issuer.test", city_sm2_private_key="1" * 64, **overrides,  # type: ignore[arg-type]
    )  # fmt: skip


def _app(database_url: str, nats_url: str):  # type: ignore[no-untyped-def]
    return create_app(settings(database_url, nats_url))


migrated_url, engine, rolled_back_database, tokens, real_time_client = service_fixtures(
    name="exchange", service_root=SERVICE_ROOT, make_app=_app
)

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


class ScriptedResolver(AbstractResolver):
    """Name resolution without DNS: each name answers its scripted address lists in turn (the last one again once
    they run out); a name without a script fails as a name server would. ``asked`` lists every lookup."""

    def __init__(self) -> None:
        self.scripts: dict[str, list[list[str]]] = {}
        self.asked: list[str] = []

    def script(self, host: str, *answers: list[str]) -> None:
        self.scripts[host] = list(answers)

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        self.asked.append(host)
        script = self.scripts.get(host)
        if not script:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        addresses = script.pop(0) if len(script) > 1 else script[0]
        return [
            ResolveResult(
                hostname=host,
                host=address,
                port=port,
                family=socket.AF_INET6 if ":" in address else socket.AF_INET,
                proto=0,
                flags=socket.AI_NUMERICHOST,
            )
            for address in addresses
        ]

    async def close(self) -> None:
        return None


@pytest.fixture
def resolver() -> ScriptedResolver:
    """The names the exchange resolves in a test (registration screening, and the clients a test builds)."""
    return ScriptedResolver()


@pytest.fixture
async def make_outbound(resolver: ScriptedResolver) -> AsyncIterator[Callable[..., Outbound]]:
    """Outbound clients for a test: ``make_outbound(*allow, https_only=False)`` (the test's resolver), closed after."""
    made: list[Outbound] = []

    def make(*allow: str, https_only: bool = False) -> Outbound:
        outbound = Outbound(OutboundPolicy.of(allow, https_only=https_only), resolver=resolver)
        made.append(outbound)
        return outbound

    yield make
    for outbound in made:
        await outbound.close()


@pytest.fixture
async def client(
    real_time_client: httpx.AsyncClient, clock: Clock, resolver: ScriptedResolver
) -> AsyncIterator[httpx.AsyncClient]:
    """The exchange app on the test clock; registrations screen URLs with the test's resolver (no real DNS)."""
    transport = real_time_client._transport
    assert isinstance(transport, httpx.ASGITransport)
    state = transport.app.state  # type: ignore[attr-defined]
    state.clock = clock
    serving = state.outbound
    state.outbound = Outbound(state.settings.outbound_policy(), resolver=resolver)
    try:
        yield real_time_client
    finally:
        await state.outbound.close()
        state.outbound = serving


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@pytest.fixture
async def serve_http() -> AsyncIterator[Callable[[Handler], Awaitable[int]]]:
    """Local HTTP servers for a test: ``port = await serve_http(handler)`` (127.0.0.1), stopped after."""
    runners: list[web.AppRunner] = []

    async def serve(handler: Handler) -> int:
        async def route(request: web.Request) -> web.StreamResponse:
            return await handler(request)

        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", route)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        runners.append(runner)
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        return int(site._server.sockets[0].getsockname()[1])  # type: ignore[union-attr]

    yield serve
    for runner in runners:
        await runner.cleanup()


class Listener:
    """A TCP port on 127.0.0.1 and ::1 that speaks no HTTP: it counts connections and answers each with a
    few bytes of another protocol, then hangs up (as a database or SSH port would, to an HTTP client)."""

    def __init__(self) -> None:
        self.connections = 0
        self.port = 0
        self._server: asyncio.Server | None = None

    async def _answer(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        with contextlib.suppress(OSError):
            writer.write(b"SSH-2.0-OpenSSH_9.2\r\n")
            await writer.drain()
            writer.close()
            await writer.wait_closed()

    async def start(self) -> None:
        for _ in range(20):  # a port free on both loopback addresses
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                port = int(probe.getsockname()[1])
            with contextlib.suppress(OSError):
                self._server = await asyncio.start_server(self._answer, host=["127.0.0.1", "::1"], port=port)
                self.port = port
                return
        raise RuntimeError("no port free on 127.0.0.1 and ::1")

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()


@pytest.fixture
async def listener() -> AsyncIterator[Listener]:
    listening = Listener()
    await listening.start()
    yield listening
    await listening.stop()


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
