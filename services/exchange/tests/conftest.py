import asyncio
import contextlib
import json
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from aiohttp import web
from aiohttp.abc import AbstractResolver, ResolveResult
from pydantic import SecretStr
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from exchange.clients.mesh import MeshRecords
from exchange.clients.outbound import Outbound
from exchange.demo import load
from exchange.domain.outbound import OutboundPolicy
from exchange.main import create_app
from exchange.runtime import ExchangeRuntime
from exchange.settings import ExchangeSettings
from exchange.signing import sm2_public_key
from exchange.store import SERVICE_ROOT
from exchange.use_cases.bases import ReadBases
from meshkit.db import Database, new_engine
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
        database_url=database_url,
        nats_url=nats_url,
        environment="test",
        secret_key=TEST_SECRET,
        issuer="http://issuer.test",
        city_sm2_private_key="1" * 64,
        city_public_key=sm2_public_key("5" * 64),  # not the simulator's development key
        client_secret="test-client-secret",
        **{**keys, **overrides},  # type: ignore[arg-type]
    )


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
    engine = new_engine(embedded_postgres.database_url("exchange_test"), pool_size=5)
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


# Subjects the tests read, and the departments that read them (see FakeMesh.open_world).
KNOWN_SUBJECTS = (
    "500222199803070028",
    "92500110MA5U3G7K2T",
    "91500110MA60XJ8Q1X",
    "510223194809070017",
    "510223195806120035",
    "500222200506120047",
    "91350100M000100Y43",
    "91500110MA0000000W",
    "91500110MA5U3G7K2X",
)
TEST_ORGS = (
    "500110-SCJGJ",
    "500110-RSJ",
    "500110-SWJ",
    "500110-MZJ",
    "500110-GAJ",
    "500110-ZWFWZX",
    "500110-YJJ",
    "500110-WSJKW",
    "500110-ZJW",
)


class FakeMesh:
    """identity (subject identifiers, revealed to the exchange's client) and cases (case bases), as
    ``exchange.clients.mesh.MeshRecords`` asks them; ``down`` makes both fail. Records the calls made."""

    def __init__(self) -> None:
        self.identifiers: dict[tuple[str, str], str] = {}
        self.bases: dict[str, dict[str, Any]] = {}
        self.calls: list[str] = []
        self.wards: set[tuple[str, str]] = (
            set()
        )  # (guardian's person id, newborn id), as identity records them
        self.down = False
        # Unless a test turns it off: every case number the hub asks about names a case handled by every test
        # department, for every subject identity knows — so the tests of other rules read under a checked case.
        self.open_world = True
        for identifier in KNOWN_SUBJECTS:
            kind = "enterprise" if identifier[0] == "9" else "person"
            self.identifiers[(kind, f"{kind[0]}-{identifier}")] = identifier

    def person(self, owner_id: str, id_number: str) -> None:
        self.identifiers[("person", owner_id)] = id_number

    def enterprise(self, owner_id: str, credit_code: str) -> None:
        self.identifiers[("enterprise", owner_id)] = credit_code

    def case(
        self,
        number: str,
        *,
        handling_org: str,
        applicant: tuple[str, str],
        received_by: str | None = None,
        outcome: str | None = None,
        concluded_at: datetime | None = None,
        case_id: str | None = None,
        matter_code: str | None = None,
    ) -> None:
        self.bases[number] = {
            "case_id": case_id or f"id-{number}",
            "case_number": number,
            "parent_case_id": None,
            "handling_org": handling_org,
            "matter_code": matter_code,
            "orgs": sorted({handling_org, received_by or handling_org}),
            "parties": [{"kind": applicant[0], "id": applicant[1]}],
            "status": outcome or "received",
            "outcome": outcome,
            "concluded_at": concluded_at.isoformat() if concluded_at else None,
        }

    def _handle(self, request: httpx.Request) -> httpx.Response:
        self.calls.append(f"{request.method} {request.url.path}")
        if self.down:
            return httpx.Response(503, json={"code": "unavailable"})
        path = request.url.path.strip("/").split("/")
        if path == ["token"]:
            return httpx.Response(200, json={"access_token": "exchange-token", "expires_in": 300})
        if path[0] == "persons" and len(path) == 5 and path[2] == "relations":
            ward = path[3] == "newborn" and (path[1], path[4]) in self.wards
            return httpx.Response(200, json={"relation": "guardian" if ward else None})
        if path[0] in ("persons", "enterprises"):
            kind = "person" if path[0] == "persons" else "enterprise"
            value = self.identifiers.get((kind, path[1]))
            if value is None:
                return httpx.Response(404, json={"code": "not_found"})
            return httpx.Response(200, json={"id_number" if kind == "person" else "credit_code": value})
        if path[0] == "case-bases" and path[1] in self.bases:
            return httpx.Response(200, json=self.bases[path[1]])
        if path[0] == "case-bases" and self.open_world:
            parties = [{"kind": kind, "id": owner} for kind, owner in self.identifiers]
            return httpx.Response(
                200,
                json={
                    "case_id": f"id-{path[1]}",
                    "case_number": path[1],
                    "parent_case_id": None,
                    "handling_org": "500110-SCJGJ",
                    "orgs": sorted(TEST_ORGS),
                    "parties": parties,
                    "status": "approved",
                    "outcome": "approved",
                    "concluded_at": None,
                },
            )
        return httpx.Response(404, json={"code": "case_not_found"})

    def records(self) -> MeshRecords:
        transport = httpx.MockTransport(self._handle)
        return MeshRecords(
            httpx.AsyncClient(transport=transport, base_url="http://identity.test"),
            httpx.AsyncClient(transport=transport, base_url="http://cases.test"),
            client_id="tongban-exchange",
            client_secret=SecretStr("test-client-secret"),
        )


@pytest.fixture
def mesh() -> FakeMesh:
    """identity and cases as the exchange asks them (subject identifiers, case bases): a fake at the edge."""
    return FakeMesh()


class Wiring:
    """The started app's runtime object, and parts of it replaced for a test (e.g. the outbound client, the read
    path's bases, clock or providers)."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        transport = client._transport
        assert isinstance(transport, httpx.ASGITransport)
        self.state = transport.app.state  # type: ignore[attr-defined]

    @property
    def runtime(self) -> ExchangeRuntime:
        found: ExchangeRuntime = self.state.runtime
        return found

    def replace(self, **parts: Any) -> None:
        self.state.runtime = replace(self.runtime, **parts)

    def replace_path(self, **parts: Any) -> None:
        self.replace(read_path=replace(self.runtime.read_path, **parts))


@pytest.fixture
def wiring(client: httpx.AsyncClient) -> Wiring:
    return Wiring(client)


def on_fake_mesh(
    client: httpx.AsyncClient, mesh: FakeMesh, clock: Callable[[], datetime] | None = None
) -> None:
    """Point a started app's read path at the fake identity and cases (and a test clock)."""
    wiring = Wiring(client)
    path = wiring.runtime.read_path
    bases = ReadBases(mesh.records(), path.sealer, ttl=1.0, window_days=30)
    wiring.replace_path(clock=clock or path.clock, bases=bases)


@pytest.fixture
async def client(
    real_time_client: httpx.AsyncClient, clock: Clock, mesh: FakeMesh, resolver: "ScriptedResolver"
) -> AsyncIterator[httpx.AsyncClient]:
    """The exchange app on the test clock, asking the fake identity and cases; registrations screen URLs with
    the test's resolver (no real DNS)."""
    on_fake_mesh(real_time_client, mesh, clock)
    wiring = Wiring(real_time_client)
    serving = wiring.runtime.outbound
    screening = Outbound(wiring.runtime.settings.outbound_policy(), resolver=resolver)
    wiring.replace(outbound=screening)
    try:
        yield real_time_client
    finally:
        await screening.close()
        wiring.replace(outbound=serving)


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
def meshed(mesh: FakeMesh) -> Callable[[httpx.AsyncClient], None]:
    """For tests that start apps of their own: ``meshed(client)`` after the app started."""
    return lambda client: on_fake_mesh(client, mesh)


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
        """A department system of ``org`` (client credentials), by default with the reading scope only."""
        name = client_id or f"sys-{org}"
        claims.setdefault("scope", "exchange:read")
        return self._tokens.headers(sub=name, kind="system", org=org, client_id=name, **claims)

    def staff(self, org: str, *roles: str, sub: str = "staff-1") -> dict[str, str]:
        return self._tokens.headers(
            sub=sub, kind="staff", org=org, roles=list(roles), client_id="hall-console"
        )

    def operator(self) -> dict[str, str]:
        return self.staff("500110-ZWFWZX", "operator", sub="ops-1")

    def person(self, person_id: str, *, client_id: str = "citizen-app") -> dict[str, str]:
        return self._tokens.headers(sub=person_id, kind="person", client_id=client_id)

    def enterprise(self, enterprise_id: str, *, representative: str = "p-representative") -> dict[str, str]:
        """An enterprise's login: its representative (or an agent) for the enterprise in ``org``."""
        return self._tokens.headers(
            sub=representative, kind="enterprise", org=enterprise_id, client_id="citizen-app"
        )


@pytest.fixture
def duty(database: Database) -> Callable[..., Any]:
    """``await duty(code, member, ...)``: register a duty (履职依据) of a member, as operators do."""
    return lambda code, member, **terms: register_duty(database, code, member, **terms)


async def register_duty(
    database: Database,
    code: str,
    member: str,
    *,
    resources: tuple[str, ...] = (),
    allows_hiding: bool = False,
    max_hidden_days: int = 0,
    statute: str = "《中华人民共和国刑事诉讼法》第一百四十四条",
) -> None:
    """A registered duty (履职依据) of ``member``, as operators enter them."""
    async with database.sessions() as session:
        await session.execute(
            text(
                "INSERT INTO duties (code, member_code, name, statute, resources, allows_hiding, max_hidden_days, "
                "valid_from, registered_by) VALUES (:code, :member, :name, :statute, CAST(:resources AS jsonb), "
                ":hiding, :days, '2020-01-01', 'test')"
            ),
            {
                "code": code,
                "member": member,
                "name": "履职依据",
                "statute": statute,
                "resources": json.dumps(list(resources)),
                "hiding": allows_hiding,
                "days": max_hidden_days,
            },
        )
        await session.commit()


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
