import httpx
import pytest

from identity import use_cases
from identity.store.unit_of_work import IdentityUnitOfWork
from meshkit.auth import TokenVerifier
from meshkit.db import Database
from meshkit.testing.service import TEST_SECRET

pytestmark = pytest.mark.api


async def register(database: Database) -> None:
    async with IdentityUnitOfWork(database) as uow:
        await use_cases.register_client(
            uow, client_id="dept-system", name="部门系统", secret="s3cret-value", scopes=["catalog:write", "x"],
            organization_code=None, pepper=TEST_SECRET,
        )  # fmt: skip


async def test_client_credentials_token_verifies_against_jwks(
    client: httpx.AsyncClient, database: Database
) -> None:
    await register(database)
    response = await client.post(
        "/token",
        data={"grant_type": "client_credentials", "scope": "catalog:write"},
        auth=("dept-system", "s3cret-value"),
    )
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert body["token_type"] == "Bearer"
    assert body["scope"] == "catalog:write"
    assert "refresh_token" not in body

    verifier = TokenVerifier(jwks_url="http://test/.well-known/jwks.json", issuer="http://issuer.test",
                             audience="tongban", client=client)  # fmt: skip
    principal = await verifier.verify(body["access_token"])
    assert principal.sub == "dept-system"
    assert principal.kind == "system"
    assert principal.claims["exp"] - principal.claims["iat"] == body["expires_in"]


@pytest.mark.parametrize(
    ("data", "auth", "status", "code"),
    [
        ({"grant_type": "client_credentials"}, ("dept-system", "wrong"), 401, "invalid_client"),
        ({"grant_type": "client_credentials"}, ("nobody", "s3cret-value"), 401, "invalid_client"),
        (
            {"grant_type": "client_credentials", "scope": "admin"},
            ("dept-system", "s3cret-value"),
            400,
            "invalid_scope",
        ),
        ({"grant_type": "password"}, ("dept-system", "s3cret-value"), 400, "unsupported_grant_type"),
        ({}, ("dept-system", "s3cret-value"), 422, "validation_failed"),
    ],
)
async def test_token_refusals(
    client: httpx.AsyncClient,
    database: Database,
    data: dict[str, str],
    auth: tuple[str, str],
    status: int,
    code: str,
) -> None:
    await register(database)
    response = await client.post("/token", data=data, auth=auth)
    assert response.status_code == status
    assert response.json()["code"] == code


async def test_discovery_points_at_jwks(client: httpx.AsyncClient) -> None:
    config = (await client.get("/.well-known/openid-configuration")).json()
    assert config["issuer"] == "http://issuer.test"
    assert config["jwks_uri"].endswith("/.well-known/jwks.json")
    keys = (await client.get("/.well-known/jwks.json")).json()["keys"]
    assert keys
    assert all(k["alg"] == "ES256" and "d" not in k for k in keys)


async def test_organization_tree_from_demo_data(client: httpx.AsyncClient, database: Database) -> None:
    from identity.demo import load
    from identity.settings import IdentitySettings

    await load(database, IdentitySettings(environment="test", secret_key=TEST_SECRET))
    roots = {o["code"] for o in (await client.get("/organizations")).json()}
    assert {"500110000000", "500110-WSJKQ"} <= roots
    wansheng = {
        o["name"] for o in (await client.get("/organizations", params={"parent": "500110-WSJKQ"})).json()
    }
    assert "万盛街道" in wansheng
    assert "古南街道" not in wansheng
    missing = await client.get("/organizations", params={"parent": "nope"})
    assert missing.status_code == 404
    assert missing.json()["code"] == "organization_not_found"
