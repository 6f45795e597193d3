"""Builders for the subject tests: a small 条块 tree, two citizens, staff, a verifying system client, tokens."""

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import httpx
import pytest
from argon2 import PasswordHasher
from sqlalchemy import select
from stdnum.cn import ric, uscc

from identity.clients import Registers, SmsGateway
from identity.domain import OrganizationKind
from identity.domain.organizations import OrganizationFields
from identity.domain.subjects import StaffRole, VerificationMethod
from identity.pii import PiiCipher
from identity.store.models import OUTBOX, Client, Enterprise
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.organizations import upsert_organization
from identity.use_cases.persons import seed_person
from identity.use_cases.staff import StaffFields, seed_staff
from meshkit.db import Database
from meshkit.testing.service import TEST_SECRET
from meshkit.testing.tokens import TokenFactory

from .edge import DUTY, LEGAL_ENTITIES, POPULATION, Edge, FakeExchange, FakeSms

PASSWORD = "Passw0rd-for-tests"
CALLERS = ("anonymous", "citizen", "other_citizen", "clerk", "admin", "system")
QIJIANG = "500110000000"
GUNAN = "500110001000"
DINGSHAN = "500110118000"
_HASHES: list[str] = []


def password_hash() -> str:
    """One argon2 hash for every seeded account (a hash costs ~0.5 s here)."""
    if not _HASHES:
        _HASHES.append(PasswordHasher().hash(PASSWORD))
    return _HASHES[0]


def id_number(serial: int, *, region: str = "500222", birth: str = "19980307") -> str:
    """A valid resident ID number (500222 was 綦江县's code for births 1997–2011); check digit from stdnum."""
    base = f"{region}{birth}{serial:03d}"
    return base + ric.calc_check_digit(base + "0")  # stdnum ignores the last character


def credit_code(serial: int) -> str:
    base = f"91500110MA{serial:07d}"
    return base + uscc.calc_check_digit(base)


def org(
    code: str, name: str, kind: OrganizationKind, division: str, parent: str | None
) -> OrganizationFields:
    return OrganizationFields(
        code=code,
        name=name,
        kind=kind,
        division_code=division,
        credit_code=None,
        parent_code=parent,
        valid_from=date(2019, 1, 1),
        valid_to=None,
    )


ORGANIZATIONS = [
    org(QIJIANG, "綦江区", OrganizationKind.TERRITORY, QIJIANG, None),
    org("500110-ZFBGS", "綦江区人民政府办公室", OrganizationKind.DEPARTMENT, QIJIANG, QIJIANG),
    org("500110-SCJGJ", "区市场监管局", OrganizationKind.DEPARTMENT, QIJIANG, QIJIANG),
    org(GUNAN, "古南街道", OrganizationKind.TERRITORY, GUNAN, QIJIANG),
    org(f"{GUNAN}-center", "古南街道公共服务中心", OrganizationKind.TOWN_CENTER, GUNAN, GUNAN),
    org(
        "500110001001-center",
        "古南街道綦河社区便民服务中心",
        OrganizationKind.VILLAGE_CENTER,
        "500110001001",
        GUNAN,
    ),
    org(DINGSHAN, "丁山镇", OrganizationKind.TERRITORY, DINGSHAN, QIJIANG),
    org(f"{DINGSHAN}-center", "丁山镇公共服务中心", OrganizationKind.TOWN_CENTER, DINGSHAN, DINGSHAN),
]


@dataclass
class World:
    tokens: TokenFactory
    database: Database
    cipher: PiiCipher
    ids: dict[str, str]  # caller → subject id
    citizen_id_number: str
    other_id_number: str
    system: str = "exchange-hub"

    def headers(self, caller: str, **claims: Any) -> dict[str, str]:
        """Bearer headers for one kind of caller (none for anonymous)."""
        sub = self.ids.get(caller, "")
        kinds: dict[str, dict[str, Any]] = {
            "anonymous": {},
            "citizen": {"kind": "person", "acr": "2", "client_id": "tongban-web"},
            "other_citizen": {"kind": "person", "acr": "2", "client_id": "tongban-web"},
            "clerk": {"kind": "staff", "roles": ["window_clerk"], "org": f"{GUNAN}-center", "region": GUNAN},
            "reviewer": {"kind": "staff", "roles": ["reviewer"], "org": "500110-SCJGJ", "region": QIJIANG},
            "admin": {"kind": "staff", "roles": ["admin"], "org": "500110-ZFBGS", "region": QIJIANG},
            "town_admin": {
                "kind": "staff",
                "roles": ["admin"],
                "org": f"{DINGSHAN}-center",
                "region": DINGSHAN,
            },
            "system": {"kind": "system", "scope": "identity:verify", "client_id": self.system},
        }
        if caller == "anonymous":
            return {}
        return self.tokens.headers(sub=sub, **{**kinds[caller], **claims})

    async def events(self, subject: str, about: str | None = None) -> list[dict[str, Any]]:
        """Envelopes staged in the outbox for ``subject``, optionally only those of one aggregate."""
        query = select(OUTBOX.c.envelope).where(OUTBOX.c.subject == subject)
        if about is not None:
            query = query.where(OUTBOX.c.aggregate_id == about)
        async with self.database.sessions() as session:
            return list((await session.scalars(query.order_by(OUTBOX.c.position))).all())


async def add_person(
    world: World,
    name: str,
    number: str,
    *,
    phone: str | None = None,
    method: VerificationMethod | None = None,
) -> str:
    async with IdentityUnitOfWork(world.database) as uow:
        await seed_person(
            uow,
            cipher=world.cipher,
            name=name,
            id_number=number,
            phone=phone,
            password_hash=password_hash(),
            method=method,
            by_org=None,
        )
        person = await uow.persons.by_id_number(world.cipher.lookup("id_number", number))
        assert person is not None
        return person.id


async def add_staff(
    world: World, username: str, organization: str, roles: list[StaffRole], scope: str
) -> str:
    async with IdentityUnitOfWork(world.database) as uow:
        fields = StaffFields(
            username=username,
            name=f"测试{username}",
            organization_code=organization,
            roles=tuple(roles),
            scope_division=scope,
        )
        await seed_staff(uow, fields=fields, password_hash=password_hash())
        staff = await uow.staff.by_username(username)
        assert staff is not None
        return staff.id


@pytest.fixture
async def world(database: Database, tokens: TokenFactory) -> World:
    for fields in ORGANIZATIONS:
        async with IdentityUnitOfWork(database) as uow:
            await upsert_organization(uow, fields=fields)
    async with IdentityUnitOfWork(database) as uow:
        uow.clients.add(  # identity's own system client: reads the registers through the exchange
            Client(
                client_id="tongban-identity",
                name="统一身份认证平台",
                secret_hash="y" * 64,
                organization_code="500110-ZFBGS",
                scopes="exchange:read",
            )
        )
        uow.clients.add(
            Client(
                client_id="exchange-hub",
                name="数据交换平台",
                secret_hash="x" * 64,
                organization_code="500110-ZFBGS",
                scopes="identity:verify exchange:read",
            )
        )
        await uow.commit()
    w = World(
        tokens=tokens,
        database=database,
        cipher=PiiCipher(TEST_SECRET),
        ids={"system": "exchange-hub"},
        citizen_id_number=id_number(22),
        other_id_number=id_number(31, birth="20030519"),
    )
    w.ids["citizen"] = await add_person(w, "陈晓梅", w.citizen_id_number, phone="13800230001")
    w.ids["other_citizen"] = await add_person(w, "李华", w.other_id_number, phone="13800230003")
    w.ids["clerk"] = await add_staff(w, "clerk.gunan", f"{GUNAN}-center", [StaffRole.WINDOW_CLERK], GUNAN)
    w.ids["reviewer"] = await add_staff(w, "reviewer.djzc", "500110-SCJGJ", [StaffRole.REVIEWER], QIJIANG)
    w.ids["admin"] = await add_staff(w, "admin", "500110-ZFBGS", [StaffRole.ADMIN], QIJIANG)
    w.ids["town_admin"] = await add_staff(
        w, "admin.dingshan", f"{DINGSHAN}-center", [StaffRole.ADMIN], DINGSHAN
    )
    return w


@pytest.fixture(autouse=True)
def edge(client: httpx.AsyncClient) -> Iterator[Edge]:
    """The exchange and the SMS gateway faked at identity's HTTP edge (the started app's clients replaced)."""
    transport = client._transport
    assert isinstance(transport, httpx.ASGITransport)
    state = transport.app.state  # type: ignore[attr-defined]
    fakes = Edge(exchange=FakeExchange(), sms=FakeSms())
    serving = state.registers, state.sms
    state.registers = Registers(
        httpx.AsyncClient(
            transport=httpx.MockTransport(fakes.exchange.handle), base_url="http://exchange.test"
        ),
        token=state.system_tokens,
        duty=DUTY,
        population=POPULATION,
        legal_entities=LEGAL_ENTITIES,
    )
    state.sms = SmsGateway(
        httpx.AsyncClient(transport=httpx.MockTransport(fakes.sms.handle), base_url="http://sms.test")
    )
    try:
        yield fakes
    finally:
        state.registers, state.sms = serving


async def register_online(
    client: httpx.AsyncClient, edge: Edge, *, name: str, id_number: str, phone: str, password: str = PASSWORD
) -> httpx.Response:
    """The whole online registration: the population register knows the person, the phone gets its code."""
    edge.exchange.people.setdefault(id_number, name)
    sent = await client.post("/persons/phone-codes", json={"phone": phone})
    assert sent.status_code == 202, sent.text
    body = {
        "name": name,
        "id_number": id_number,
        "phone": phone,
        "password": password,
        "phone_code": edge.sms.last_code(phone),
    }
    return await client.post("/persons", json=body)


def in_registry(edge: Edge, world: World, code: str, name: str, *, representative: str = "citizen") -> None:
    """The market-regulation register holds ``code`` with ``representative``'s ID number as legal representative."""
    numbers = {"citizen": world.citizen_id_number, "other_citizen": world.other_id_number}
    people = {"citizen": "陈晓梅", "other_citizen": "李华"}
    edge.exchange.entities[code] = {
        "credit_code": code,
        "name": name,
        "legal_representative": people.get(representative, representative),
        "legal_representative_id": numbers.get(representative, representative),
    }


async def add_enterprise(world: World, name: str, code: str, *, representative: str = "citizen") -> str:
    """An enterprise row as a registry-checked registration leaves it (a builder: no register read)."""
    sealed = world.cipher.seal("credit_code", code)
    async with IdentityUnitOfWork(world.database) as uow:
        enterprise = Enterprise(
            id=str(uuid.uuid4()),
            name=name,
            credit_code_enc=sealed.ciphertext,
            credit_code_lookup=sealed.lookup,
            credit_code_masked=sealed.masked,
            legal_representative_id=world.ids[representative],
            created_at=datetime.now(UTC),
        )
        uow.enterprises.add(enterprise)
        await uow.commit()
        return enterprise.id
