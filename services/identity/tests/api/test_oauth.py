import httpx
import pytest

from identity import use_cases
from identity.demo import DEMO_WEB_CLIENT, DEMO_WEB_REDIRECT_URIS, load
from identity.settings import IdentitySettings
from identity.store.unit_of_work import IdentityUnitOfWork
from meshkit.auth import TokenVerifier
from meshkit.db import Database
from meshkit.testing.service import TEST_SECRET

pytestmark = pytest.mark.api


async def register(database: Database) -> None:
    async with IdentityUnitOfWork(database) as uow:
        await use_cases.register_client(
            uow,
            client_id="dept-system",
            name="部门系统",
            secret="s3cret-value",
            scopes=["catalog:write", "x"],
            organization_code=None,
            pepper=TEST_SECRET,
        )


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

    verifier = TokenVerifier(
        jwks_url="http://test/.well-known/jwks.json",
        issuer="http://issuer.test",
        audience="tongban",
        client=client,
    )
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
        ({}, ("dept-system", "s3cret-value"), 400, "invalid_request"),
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
    assert response.json()["error"] == code


async def test_discovery_metadata(client: httpx.AsyncClient, database: Database) -> None:
    await register(database)
    response = await client.get("/.well-known/openid-configuration")
    config = response.json()
    issuer = "http://issuer.test"
    assert config["issuer"] == issuer
    for name, path in [
        ("authorization_endpoint", "/authorize"),
        ("token_endpoint", "/token"),
        ("jwks_uri", "/.well-known/jwks.json"),
        ("userinfo_endpoint", "/userinfo"),
        ("introspection_endpoint", "/introspect"),
        ("revocation_endpoint", "/revoke"),
        ("end_session_endpoint", "/end-session"),
    ]:
        assert config[name] == issuer + path
    assert config["response_types_supported"] == ["code"]
    assert set(config["grant_types_supported"]) == {
        "authorization_code",
        "refresh_token",
        "client_credentials",
    }
    assert config["code_challenge_methods_supported"] == ["S256"]
    assert {"client_secret_basic", "client_secret_post", "none"} <= set(
        config["token_endpoint_auth_methods_supported"]
    )
    assert {"openid", "profile", "catalog:write"} <= set(config["scopes_supported"])
    assert {"sub", "acr", "tb_kind", "org", "region", "roles", "auth_time"} <= set(config["claims_supported"])
    assert config["acr_values_supported"] == ["1", "2", "3"]
    assert config["request_parameter_supported"] is False
    assert config["request_uri_parameter_supported"] is False
    assert config["subject_types_supported"] == ["public", "pairwise"]
    assert config["id_token_signing_alg_values_supported"] == ["ES256"]
    keys = (await client.get(config["jwks_uri"].removeprefix(issuer))).json()["keys"]
    assert keys
    assert all(k["alg"] == "ES256" and k["use"] == "sig" and k["kid"] and "d" not in k for k in keys)


async def test_organization_tree_from_demo_data(client: httpx.AsyncClient, database: Database) -> None:
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


async def test_demo_web_client_can_start_a_login(client: httpx.AsyncClient, database: Database) -> None:
    await load(database, IdentitySettings(environment="test", secret_key=TEST_SECRET))
    params = {
        "response_type": "code",
        "client_id": DEMO_WEB_CLIENT,
        "redirect_uri": DEMO_WEB_REDIRECT_URIS[0],
        "scope": "openid profile",
        "code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        "code_challenge_method": "S256",
        "state": "s",
    }
    page = await client.get("/authorize", params=params)
    assert page.status_code == 200
    assert "通办网上办事大厅" in page.text
