"""issue 18 failure 11: the `security` each operation of contracts/openapi/*.json declares is what it does.

Every operation declares `security`: `[]` (public), `[{}, {scheme: []}]` (a credential is optional) or only
schemes (required). Each service's operations are then called on the running app (real lifespan, real PostgreSQL)
without any credential — required → 401, public or optional → anything but 401 — and with a bearer token that is
not one — 401 wherever a bearer token is accepted at all. A declaration cannot drift from the code: the documents
are generated from the routes' dependencies (meshkit.access_docs) and this test holds both to the behaviour.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from cases.main import create_app as cases_app
from cases.settings import CasesSettings
from cases.store import SERVICE_ROOT as CASES_ROOT
from catalog.main import create_app as catalog_app
from catalog.settings import CatalogSettings
from catalog.store import SERVICE_ROOT as CATALOG_ROOT
from exchange.main import create_app as exchange_app
from exchange.settings import ExchangeSettings
from exchange.signing import sm2_public_key
from exchange.store import SERVICE_ROOT as EXCHANGE_ROOT
from identity.main import create_app as identity_app
from identity.settings import IdentitySettings
from identity.store import SERVICE_ROOT as IDENTITY_ROOT
from meshkit.embedded import EmbeddedNats, EmbeddedPostgres
from meshkit.testing.service import TEST_SECRET, app_client
from meshkit.testing.support import migrated_database
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.contract

ROOT = Path(__file__).resolve().parents[2]
OPENAPI = ROOT / "contracts" / "openapi"
METHODS = ("get", "put", "post", "delete", "patch")
SERVICES = ("identity", "catalog", "cases", "exchange")

COMMON: dict[str, Any] = {"environment": "test", "secret_key": TEST_SECRET, "issuer": "http://issuer.test"}
FACTORIES: dict[str, tuple[Path, Callable[[str, str], Any]]] = {
    "identity": (
        IDENTITY_ROOT,
        lambda db, nats: identity_app(IdentitySettings(database_url=db, nats_url=nats, **COMMON)),
    ),
    "catalog": (
        CATALOG_ROOT,
        lambda db, nats: catalog_app(CatalogSettings(database_url=db, nats_url=nats, **COMMON)),
    ),
    "cases": (
        CASES_ROOT,
        lambda db, nats: cases_app(
            CasesSettings(database_url=db, nats_url=nats, client_secret="test-client-secret", **COMMON)
        ),
    ),
    "exchange": (
        EXCHANGE_ROOT,
        lambda db, nats: exchange_app(
            ExchangeSettings(
                database_url=db,
                nats_url=nats,
                client_secret="test-client-secret",
                city_sm2_private_key="1" * 64,
                city_public_key=sm2_public_key("5" * 64),
                checkpoint_signing_key="2" * 64,
                witness_public_key="17cb79fb2b4120f2b1ec65e4198d6e08b28e813feb01e4a400839b85e18080ce",
                **COMMON,
            )
        ),
    ),
}


def _document(name: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((OPENAPI / f"{name}.json").read_text())
    return document


def _operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, operation)
        for path, item in sorted(document.get("paths", {}).items())
        for method, operation in item.items()
        if method in METHODS
    ]


def _optional(security: list[dict[str, list[str]]]) -> bool:
    return security == [] or {} in security


def _schemes(security: list[dict[str, list[str]]]) -> set[str]:
    return {scheme for requirement in security for scheme in requirement}


def _path_value(parameter: dict[str, Any]) -> str:
    schema = parameter.get("schema", {})
    if "enum" in schema:
        return str(schema["enum"][0])
    if schema.get("type") == "integer":
        return str(max(int(schema.get("minimum", 1)), 1) if "maximum" not in schema else schema["maximum"])
    if schema.get("format") == "uuid":
        return "00000000-0000-0000-0000-000000000000"
    return "x"


def _url(path: str, operation: dict[str, Any]) -> str:
    values = {p["name"]: _path_value(p) for p in operation.get("parameters", []) if p.get("in") == "path"}
    return re.sub(r"\{([^}]+)\}", lambda m: values.get(m.group(1), "x"), path)


ALL = [(name, *op) for name in (*SERVICES, "gateway") for op in _operations(_document(name))]
CALLED = [(name, *op) for name in SERVICES for op in _operations(_document(name))]


def _id(case: tuple[str, str, str, dict[str, Any]]) -> str:
    return f"{case[0]} {case[1].upper()} {case[2]}"


@pytest.mark.parametrize("case", ALL, ids=_id)
def test_issue_18_failure_11_every_operation_declares_its_security(
    case: tuple[str, str, str, dict[str, Any]],
) -> None:
    """issue 18 failure 11: `security` on every operation, its schemes defined, 401 (and 403 for a permission)
    documented where a credential can be refused."""
    name, _method, _path, operation = case
    assert "security" in operation, "no `security` declared"
    security = operation["security"]
    defined = _document(name).get("components", {}).get("securitySchemes", {})
    assert _schemes(security) <= defined.keys(), f"undefined schemes {_schemes(security) - defined.keys()}"
    if security:
        assert "401" in operation["responses"], "a credential it checks can be refused: 401 not documented"
    if "x-tongban-permission" in operation:
        assert "403" in operation["responses"]
        assert not _optional(security)


@pytest.fixture(scope="module")
def databases(embedded_postgres: EmbeddedPostgres) -> dict[str, str]:
    """A database per service, built by its migrations (alembic runs its own event loop: not in one)."""
    return {
        name: migrated_database(embedded_postgres, f"{name}_security_test", FACTORIES[name][0])
        for name in SERVICES
    }


@pytest.fixture(scope="module")
async def apps(
    databases: dict[str, str], nats_server: EmbeddedNats
) -> AsyncIterator[dict[str, httpx.AsyncClient]]:
    tokens = TokenFactory(issuer="http://issuer.test", audience="tongban")
    clients: dict[str, httpx.AsyncClient] = {}
    managers = []
    try:
        for name in SERVICES:
            url, make = databases[name], FACTORIES[name][1]
            manager = app_client(make(url, nats_server.url_for(name)), tokens=tokens)
            clients[name] = await manager.__aenter__()
            managers.append(manager)
        yield clients
    finally:
        for manager in reversed(managers):
            await manager.__aexit__(None, None, None)


@pytest.mark.parametrize("case", CALLED, ids=_id)
async def test_issue_18_failure_11_declared_security_is_what_the_service_does(
    apps: dict[str, httpx.AsyncClient], case: tuple[str, str, str, dict[str, Any]]
) -> None:
    """issue 18 failure 11: without a credential a secured operation answers 401 and a public or optional one does
    not; a bearer token that is not one is 401 wherever a bearer token is accepted."""
    name, method, path, operation = case
    client = apps[name]
    url = _url(path, operation)
    security = operation["security"]

    anonymous = await client.request(method.upper(), url)
    if _optional(security):
        assert anonymous.status_code != 401, f"declared {security} but refused without a credential"
        assert anonymous.status_code < 500, anonymous.text
    else:
        assert anonymous.status_code == 401, f"declared {security} but answered {anonymous.status_code}"
        assert anonymous.headers["content-type"].startswith(("application/problem+json", "application/json"))

    if "bearer" in _schemes(security):
        forged = await client.request(method.upper(), url, headers={"Authorization": "Bearer not-a-token"})
        assert forged.status_code == 401, f"a forged bearer token got {forged.status_code}"
