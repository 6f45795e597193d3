"""Every identity endpoint × every kind of caller gets exactly the expected status class.

Columns (in this order): anonymous, citizen (the person the records belong to), other citizen, window clerk (古南街道), district
administrator, system client (the exchange hub, scope ``identity:verify``). ``2xx`` allowed, ``401`` no token,
``403`` not allowed, ``404`` allowed to ask but nothing there. A route missing from the table fails the test.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest

from identity.main import create_app
from identity.settings import IdentitySettings
from identity.store.models import Client, Newborn
from identity.store.unit_of_work import IdentityUnitOfWork
from meshkit.legaldate import today
from meshkit.testing.service import TEST_SECRET

from .conftest import CALLERS, GUNAN, PASSWORD, World, add_enterprise, credit_code, id_number, in_registry
from .edge import Edge

pytestmark = pytest.mark.api

Body = Callable[[World], dict[str, Any]] | None


@dataclass(frozen=True)
class Row:
    method: str
    path: str  # {citizen}, {clerk}, {system}, {enterprise} and {missing} are filled in per test
    expected: str  # one status class per caller, in the order of CALLERS
    body: Body = None
    form: bool = False

    def status_for(self, caller: str) -> str:
        return dict(zip(CALLERS, self.expected.split(), strict=True))[caller]


PUBLIC = "2xx 2xx 2xx 2xx 2xx 2xx"
NOBODY = "401 401 401 401 401 401"
WEB_APP = {
    "client_id": "tongban-web",
    "name": "通办网上大厅",
    "secret_hash": None,
    "scopes": "openid profile",
    "grant_types": ["authorization_code", "refresh_token"],
    "redirect_uris": ["https://web.example/cb"],
}
AUTHORIZE = {
    "response_type": "code",
    "client_id": "tongban-web",
    "redirect_uri": "https://web.example/cb",
    "scope": "openid",
    "state": "s",
    "code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    "code_challenge_method": "S256",
}
FORGED_LOGIN = {"pending": "forged", "login": "someone", "password": "wrong-password-1"}
ADMIN_ONLY = "401 403 403 403 2xx 403"
NEW_ORG = {
    "code": "500110001003-center",
    "name": "古南街道新村社区便民服务中心",
    "kind": "village_center",
    "division_code": "500110001003",
    "parent_code": GUNAN,
}
NEW_STAFF = {
    "username": "clerk.new",
    "name": "新人",
    "organization_code": f"{GUNAN}-center",
    "roles": ["window_clerk"],
    "scope_division": GUNAN,
    "password": PASSWORD,
}
NEW_CLIENT = {
    "client_id": "new-system",
    "name": "新系统",
    "organization_code": "500110-SCJGJ",
    "scopes": ["catalog:write"],
}
NEW_PERSON = {
    "name": "王小红",
    "id_number": id_number(60, birth="19991015"),
    "phone": "13912345678",
    "password": PASSWORD,
}


NEWBORN = {
    "name": "陈小宝",
    "sex": "female",
    "birth_date": (today() - timedelta(days=3)).isoformat(),
}


def _citizen_id(w: World) -> dict[str, Any]:
    return {"id_number": w.citizen_id_number}


def _agent(w: World) -> dict[str, Any]:
    return {
        "id_number": w.other_id_number,
        "expires_at": (datetime.now(UTC) + timedelta(days=30)).isoformat(),
    }


def _forged_code(**extra: str) -> dict[str, str]:
    """A login form whose pending request was not signed by identity: an error page, whoever sends it."""
    return {"pending": "forged", "login": "500222199803070028", **extra}


ROWS = [
    # 组织机构: the tree is public; changes are for administrators
    Row("GET", "/organizations", PUBLIC),
    Row("GET", "/organizations/search", PUBLIC),
    Row("GET", f"/organizations/{GUNAN}", PUBLIC),
    Row("GET", "/organizations/{missing}", "404 404 404 404 404 404"),
    Row("GET", f"/organizations/{GUNAN}/subtree", PUBLIC),
    Row("POST", "/organizations", ADMIN_ONLY, lambda w: NEW_ORG),
    Row(
        "PATCH",
        f"/organizations/{GUNAN}-center",
        ADMIN_ONLY,
        lambda w: {"name": "古南街道公共服务中心（新址）"},
    ),
    # 自然人: registration is public (a window clerk registers in person); online it needs the phone's code
    Row("POST", "/persons", "422 422 422 2xx 422 422", lambda w: NEW_PERSON),
    Row("POST", "/persons/phone-codes", PUBLIC, lambda w: {"phone": "13912345678"}),
    Row("POST", "/persons/lookup", "401 403 403 2xx 403 403", _citizen_id),
    Row("GET", "/persons/{citizen}", "401 2xx 403 2xx 403 403"),
    Row("GET", "/persons/{citizen}?reveal=true", "401 2xx 403 2xx 403 403"),
    Row("GET", "/persons/{missing}", "401 403 403 404 403 403"),
    Row("POST", "/persons/{citizen}/identity-level", "401 403 403 2xx 403 2xx", _citizen_id),
    Row("POST", "/persons/{missing}/identity-level", "401 403 403 404 403 404", _citizen_id),
    # 法人
    # 法人: only the legal representative the register names (the citizen); agents by the representative;
    # reclaiming (the register names the other citizen for {enterprise}) by administrators
    Row("POST", "/enterprises", "401 2xx 403 403 403 403", lambda w: {"credit_code": credit_code(61)}),
    Row("POST", "/enterprises/{enterprise}/agents", "401 2xx 403 403 403 403", _agent),
    Row("GET", "/enterprises/{enterprise}/agents", "401 2xx 403 403 403 403"),
    Row("DELETE", "/enterprises/{enterprise}/agents/{missing}", "401 404 403 403 403 403"),
    Row("POST", "/enterprises/{enterprise}/reclaim", "401 403 403 403 2xx 403"),
    Row("GET", "/enterprises/{enterprise}", "401 2xx 403 2xx 403 403"),
    Row("GET", "/enterprises/{missing}", "401 404 404 404 404 404"),
    # 当前用户
    Row("GET", "/me", "401 2xx 2xx 2xx 2xx 2xx"),
    Row("GET", "/me/enterprises", "401 2xx 2xx 403 403 403"),
    # 新生儿: a parent registers her own child; a window clerk for a guardian; seen by the guardian and the staff
    # who serve applicants; whom a person may act for, asked for oneself or by those staff (issue 19)
    Row("POST", "/me/newborns", "401 2xx 2xx 403 403 403", lambda w: NEWBORN),
    Row("GET", "/me/newborns", "401 2xx 2xx 403 403 403"),
    Row(
        "POST", "/newborns", "401 403 403 2xx 403 403", lambda w: {**NEWBORN, "guardian_id": w.ids["citizen"]}
    ),
    Row("GET", "/newborns/{newborn}", "401 2xx 404 2xx 404 404"),
    Row("GET", "/newborns/{missing}", "401 404 404 404 404 404"),
    Row("GET", "/persons/{citizen}/relations/newborn/{newborn}", "401 2xx 403 2xx 403 403"),
    # 工作人员: administrators; staff may read their own account
    Row("POST", "/staff", ADMIN_ONLY, lambda w: NEW_STAFF),
    Row("GET", "/staff", ADMIN_ONLY),
    Row("GET", "/staff/{clerk}", "401 403 403 2xx 2xx 403"),
    Row("GET", "/staff/{missing}", "401 403 403 403 404 403"),
    Row("GET", "/staff/{clerk}/card", "401 403 403 2xx 2xx 403"),  # staff and identity:staff_names systems
    Row("GET", "/staff/{missing}/card", "401 403 403 404 404 403"),
    Row("PATCH", "/staff/{clerk}", ADMIN_ONLY, lambda w: {"name": "王芳"}),
    Row("POST", "/staff/{clerk}/deactivate", ADMIN_ONLY),
    Row("POST", "/staff/{clerk}/activate", ADMIN_ONLY),
    # 接入系统
    Row("POST", "/clients", ADMIN_ONLY, lambda w: NEW_CLIENT),
    Row("GET", "/clients", ADMIN_ONLY),
    Row("GET", "/clients/{system}", ADMIN_ONLY),
    Row("GET", "/clients/{missing}", "401 403 403 403 404 403"),
    Row("PATCH", "/clients/{system}", ADMIN_ONLY, lambda w: {"name": "数据交换平台"}),
    Row("POST", "/clients/{system}/deactivate", ADMIN_ONLY),
    Row("POST", "/clients/{system}/activate", ADMIN_ONLY),
    Row("POST", "/clients/{system}/secret", ADMIN_ONLY),
    Row("POST", "/clients/{system}/secret/next", ADMIN_ONLY),
    Row("POST", "/clients/{system}/secret/retire-previous", "401 403 403 403 409 403"),  # no rotation begun
    # OpenID Provider: metadata and the browser pages are public; token, introspection and revocation
    # authenticate the client, never by a bearer token; userinfo takes only tokens identity itself signed
    # (the matrix's tokens come from a test key, so every caller is refused there)
    Row("GET", "/.well-known/openid-configuration", PUBLIC),
    Row("GET", "/.well-known/jwks.json", PUBLIC),
    Row("POST", "/token", NOBODY, lambda w: {"grant_type": "client_credentials"}, form=True),
    Row("GET", "/authorize?" + urlencode(AUTHORIZE), PUBLIC),
    Row("POST", "/authorize", "400 400 400 400 400 400", lambda w: FORGED_LOGIN, form=True),
    Row("POST", "/authorize/codes", "400 400 400 400 400 400", lambda w: _forged_code(), form=True),
    Row(
        "POST", "/authorize/code", "400 400 400 400 400 400", lambda w: _forged_code(code="123456"), form=True
    ),
    Row("GET", "/end-session", PUBLIC),
    Row("POST", "/end-session", PUBLIC, lambda w: {}, form=True),
    Row("POST", "/introspect", NOBODY, lambda w: {"token": "x"}, form=True),
    Row("POST", "/revoke", NOBODY, lambda w: {"token": "x"}, form=True),
    Row("GET", "/userinfo", NOBODY),
    Row("POST", "/userinfo", NOBODY, lambda w: {}, form=True),
]


def _status_class(status: int) -> str:
    return "2xx" if 200 <= status < 300 else str(status)


def _operation(operations: set[tuple[str, str]], method: str, path: str) -> tuple[str, str] | None:
    """The documented operation a request reaches; a literal segment beats a parameter (route order)."""
    concrete = path.split("?")[0]
    matches = [
        (m, template)
        for m, template in operations
        if m == method and re.fullmatch(re.sub(r"\{[^}]+\}", "[^/]+", template), concrete)
    ]
    return min(matches, key=lambda match: match[1].count("{"), default=None)


@pytest.fixture
async def matrix_world(world: World, edge: Edge) -> World:
    world.ids["enterprise"] = await add_enterprise(world, "綦江晓梅小吃店", credit_code(90))
    in_registry(edge, world, credit_code(61), "某店")
    in_registry(edge, world, credit_code(90), "綦江晓梅小吃店", representative="other_citizen")
    world.ids["newborn"] = "6a1f0c3e-8d2b-4f6a-9c1e-0b7d5e3a2f10"
    async with IdentityUnitOfWork(world.database) as uow:
        uow.clients.add(Client(**WEB_APP))
        uow.newborns.add(
            Newborn(
                id=world.ids["newborn"],
                name="陈大宝",
                sex="male",
                birth_date=today() - timedelta(days=30),
                guardian_id=world.ids["citizen"],
                registered_by=world.ids["citizen"],
            )
        )
        await uow.commit()
    return world


@pytest.mark.parametrize("row", ROWS, ids=lambda row: f"{row.method} {row.path}")
async def test_matrix(client: httpx.AsyncClient, matrix_world: World, row: Row) -> None:
    """One row, every caller; each call runs in its own savepoint so one caller's change never shows to the next."""
    w = matrix_world
    connection = w.database.sessions.kw["bind"]
    path = row.path.format_map({**w.ids, "missing": "00000000-0000-4000-8000-000000000000"})
    body = row.body(w) if row.body else None
    wrong = []
    for caller in CALLERS:
        savepoint = await connection.begin_nested()
        try:
            kwargs: dict[str, Any] = {"data": body} if row.form else {"json": body}
            response = await client.request(row.method, path, headers=w.headers(caller), **kwargs)
        finally:
            await savepoint.rollback()
        if _status_class(response.status_code) != row.status_for(caller):
            wrong.append(
                f"{caller}: expected {row.status_for(caller)}, got {response.status_code} {response.text}"
            )
    assert wrong == []


def test_every_route_is_in_the_matrix() -> None:
    document = create_app(IdentitySettings(environment="test", secret_key=TEST_SECRET)).openapi()
    operations = {
        (method.upper(), path)
        for path, item in document["paths"].items()
        if path not in ("/healthz", "/readyz")
        for method in item
    }
    ids = dict.fromkeys(("citizen", "clerk", "system", "enterprise", "newborn", "missing"), "some-id")
    covered = {_operation(operations, row.method, row.path.format_map(ids)) for row in ROWS}
    assert None not in covered, "the matrix lists routes that do not exist"
    assert operations - covered == set(), "add these routes to the authorization matrix"


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/staff", {}),
        ("POST", "/organizations", {}),
        ("POST", "/clients", {"client_id": 5}),
        ("PATCH", "/staff/00000000-0000-0000-0000-000000000000", {"roles": 1}),
    ],
)
async def test_a_staff_member_who_is_no_administrator_gets_403_before_the_body_is_read(
    client: httpx.AsyncClient, world: World, method: str, path: str, body: dict[str, object]
) -> None:
    """Outside try of issue 18: an auditor's (here a clerk's) `{}` to POST /staff was answered 422 listing every
    field, a valid body 403 — the refusal must not depend on the body."""
    response = await client.request(method, path, json=body, headers=world.headers("clerk"))
    assert response.status_code == 403, response.text
    assert "errors" not in response.json()
