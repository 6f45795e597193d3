"""Builders for the OpenID Provider tests: a person, a staff member, an enterprise and the clients (straight
through the ORM), PKCE pairs, and a browser that keeps the OP's cookies and logs in through the HTML form."""

import base64
import hashlib
import html
import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from argon2 import PasswordHasher
from stdnum.cn import ric, uscc

from identity.pii import PiiCipher
from identity.store.models import Client, Enterprise, Organization, Person, Staff
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.tokens import client_secret_hash
from meshkit.db import Database
from meshkit.peers import forwarded
from meshkit.settings import DEV_FORWARDING_KEY
from meshkit.testing.service import TEST_SECRET

PASSWORD = "Kaifandian-2024"
WEB = "web-app"  # public: PKCE only
WEB_REDIRECT = "https://web.example/callback?from=tongban"
PORTAL = "gaj-portal"  # confidential, pairwise subjects for its sector
PORTAL_REDIRECT = "https://gaj.example/cb"
PORTAL_SECRET = "portal-secret-" + "p" * 30
RESOURCE = "cases-api"  # confidential resource server: introspects tokens
RESOURCE_SECRET = "resource-secret-" + "r" * 30
ISSUER = "http://issuer.test"
DEPARTMENT = "500110-SCJGJ"
QIJIANG = "500110000000"

_HASHES: list[str] = []


def password_hash() -> str:
    """One argon2 hash for every account (hashing is deliberately slow)."""
    if not _HASHES:
        _HASHES.append(PasswordHasher().hash(PASSWORD))
    return _HASHES[0]


def id_number(serial: int) -> str:
    base = f"50022219980307{serial:03d}"
    return base + ric.calc_check_digit(base + "0")


def credit_code(serial: int) -> str:
    base = f"91500110MA{serial:07d}"
    return base + uscc.calc_check_digit(base)


def pkce() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


@dataclass
class OpWorld:
    database: Database
    cipher: PiiCipher
    person_id: str = ""
    person_id_number: str = ""
    staff_id: str = ""
    staff_username: str = "reviewer.scjgj"
    enterprise_id: str = ""
    enterprise_credit_code: str = ""

    async def add_person(self, serial: int, name: str, *, acr: int = 2) -> tuple[str, str]:
        number = id_number(serial)
        sealed_id = self.cipher.seal("id_number", number)
        sealed_phone = self.cipher.seal("phone", f"1380023{serial:04d}", keep_start=3, keep_end=4)
        person = Person(
            id=str(uuid.uuid4()),
            name=name,
            id_number_enc=sealed_id.ciphertext,
            id_number_lookup=sealed_id.lookup,
            id_number_masked=sealed_id.masked,
            phone_enc=sealed_phone.ciphertext,
            phone_lookup=sealed_phone.lookup,
            phone_masked=sealed_phone.masked,
            password_hash=password_hash(),
            acr=acr,
            failed_logins=0,
            version=1,
        )
        async with IdentityUnitOfWork(self.database) as uow:
            uow.persons.add(person)
            await uow.commit()
        return person.id, number

    async def row(self, model: type[Any], key: str) -> Any:
        """A detached snapshot of one row."""
        async with IdentityUnitOfWork(self.database) as uow:
            row = await uow.session.get(model, key)
            if row is not None:
                uow.session.expunge(row)
            return row


def _clients() -> list[Client]:
    return [
        Client(
            client_id=WEB,
            name="通办网上大厅",
            secret_hash=None,
            scopes="openid profile phone cases:apply",
            grant_types=["authorization_code", "refresh_token"],
            redirect_uris=[WEB_REDIRECT],
            audiences=["tongban"],
            active=True,
        ),
        Client(
            client_id=PORTAL,
            name="公安便民门户",
            secret_hash=client_secret_hash(PORTAL_SECRET, TEST_SECRET),
            scopes="openid profile",
            grant_types=["authorization_code", "refresh_token"],
            redirect_uris=[PORTAL_REDIRECT],
            audiences=["tongban"],
            sector="public-security",
            organization_code=DEPARTMENT,
            active=True,
        ),
        Client(
            client_id=RESOURCE,
            name="办件服务",
            secret_hash=client_secret_hash(RESOURCE_SECRET, TEST_SECRET),
            scopes="cases:read",
            grant_types=["client_credentials"],
            redirect_uris=[],
            audiences=["tongban"],
            organization_code=DEPARTMENT,
            active=True,
        ),
    ]


@pytest.fixture
async def op(database: Database) -> OpWorld:
    world = OpWorld(database=database, cipher=PiiCipher(TEST_SECRET))
    async with IdentityUnitOfWork(database) as uow:
        if await uow.organizations.get(QIJIANG) is None:
            uow.organizations.add(
                Organization(
                    code=QIJIANG,
                    name="綦江区",
                    kind="territory",
                    division_code=QIJIANG,
                    parent_code=None,
                    valid_from=date(2019, 1, 1),
                )
            )
            await uow.flush()
        if await uow.organizations.get(DEPARTMENT) is None:
            uow.organizations.add(
                Organization(
                    code=DEPARTMENT,
                    name="区市场监管局",
                    kind="department",
                    division_code=QIJIANG,
                    parent_code=QIJIANG,
                    valid_from=date(2019, 1, 1),
                )
            )
            await uow.flush()
        staff = Staff(
            id=str(uuid.uuid4()),
            username=world.staff_username,
            name="王审核",
            organization_code=DEPARTMENT,
            roles=["reviewer"],
            scope_division=QIJIANG,
            password_hash=password_hash(),
            active=True,
            failed_logins=0,
            version=1,
        )
        uow.staff.add(staff)
        for client in _clients():
            uow.clients.add(client)
        await uow.commit()
    world.staff_id = staff.id
    world.person_id, world.person_id_number = await world.add_person(22, "陈晓梅")
    world.enterprise_credit_code = credit_code(90)
    sealed = world.cipher.seal("credit_code", world.enterprise_credit_code)
    async with IdentityUnitOfWork(database) as uow:
        enterprise = Enterprise(
            id=str(uuid.uuid4()),
            name="綦江晓梅小吃店",
            credit_code_enc=sealed.ciphertext,
            credit_code_lookup=sealed.lookup,
            credit_code_masked=sealed.masked,
            legal_representative_id=world.person_id,
            created_at=datetime.now(UTC),
        )
        uow.enterprises.add(enterprise)
        await uow.commit()
    world.enterprise_id = enterprise.id
    return world


def query_of(location: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(location).query).items()}


def hidden(page: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', page)
    assert match, f"no hidden field {name} in the page"
    return html.unescape(match.group(1))


class Browser:
    """Keeps the OP's cookies itself: they are ``Secure`` outside dev, and the test transport is plain http."""

    def __init__(self, client: httpx.AsyncClient, address: str | None = None) -> None:
        """``address``: the client address the gateway would forward (X-Tongban-Client-Address)."""
        self.client = client
        self.address = address
        self.cookies: dict[str, str] = {}
        self.verifier = ""
        self.state = ""
        self.nonce = ""

    def _remember(self, response: httpx.Response) -> None:
        for header in response.headers.get_list("set-cookie"):
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0].strip('"')
            if "max-age=0" in header.lower() or not value:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value

    async def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        headers = {**kwargs.pop("headers", {}), **({"Cookie": cookie} if cookie else {})}
        if self.address:
            headers.update(forwarded(DEV_FORWARDING_KEY, self.address))
        response = await self.client.request(method, url, headers=headers, **kwargs)
        self._remember(response)
        return response

    def authorize_params(
        self,
        *,
        client_id: str = WEB,
        redirect_uri: str = WEB_REDIRECT,
        scope: str = "openid profile phone",
        **extra: str,
    ) -> dict[str, str]:
        self.verifier, challenge = pkce()
        self.state, self.nonce = secrets.token_urlsafe(8), secrets.token_urlsafe(8)
        params = {
            "response_type": "code",
            "client_id": client_id,
            "redirect_uri": redirect_uri,
            "scope": scope,
            "state": self.state,
            "nonce": self.nonce,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
        }
        return {**params, **extra}

    async def authorize(self, **params: str) -> httpx.Response:
        return await self.request("GET", "/authorize", params=self.authorize_params(**params))

    async def submit(
        self, page: httpx.Response, login: str, password: str = PASSWORD, **extra: str
    ) -> httpx.Response:
        data = {"pending": hidden(page.text, "pending"), "login": login, "password": password, **extra}
        return await self.request("POST", "/authorize", data=data)

    async def log_in(
        self, login: str, password: str = PASSWORD, credit_code: str | None = None, **params: str
    ) -> str:
        """The whole browser dance; returns the code (after checking state and iss)."""
        page = await self.authorize(**params)
        assert page.status_code == 200, page.text
        extra = {"credit_code": credit_code} if credit_code else {}
        response = await self.submit(page, login, password, **extra)
        assert response.status_code == 303, response.text
        answer = query_of(response.headers["location"])
        assert answer["state"] == self.state
        assert answer["iss"] == ISSUER
        return answer["code"]

    async def exchange(
        self,
        code: str,
        *,
        client_id: str = WEB,
        redirect_uri: str = WEB_REDIRECT,
        auth: tuple[str, str] | None = None,
        **extra: str,
    ) -> httpx.Response:
        data = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
            "code_verifier": self.verifier,
            **extra,
        }
        if auth is None:
            data["client_id"] = client_id
            return await self.client.post("/token", data=data)
        return await self.client.post("/token", data=data, auth=auth)


async def introspect(client: httpx.AsyncClient, token: str, **extra: str) -> dict[str, Any]:
    response = await client.post(
        "/introspect", data={"token": token, **extra}, auth=(RESOURCE, RESOURCE_SECRET)
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def refresh(client: httpx.AsyncClient, token: str, **extra: str) -> httpx.Response:
    return await client.post(
        "/token", data={"grant_type": "refresh_token", "refresh_token": token, "client_id": WEB, **extra}
    )


async def logged_in_tokens(client: httpx.AsyncClient, op: OpWorld) -> tuple[Browser, dict[str, Any]]:
    """A person logged in at the web app; its browser and token response."""
    browser = Browser(client)
    response = await browser.exchange(await browser.log_in(op.person_id_number))
    assert response.status_code == 200, response.text
    return browser, response.json()
