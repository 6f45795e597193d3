"""The known OpenID Provider pitfalls at the authorization and token endpoints, each refused: redirect URIs,
PKCE, request objects, repeated parameters, code and refresh reuse, scope widening, the OAuth error shape."""

import httpx
import pytest

from .conftest import (
    ISSUER,
    RESOURCE,
    RESOURCE_SECRET,
    WEB,
    WEB_REDIRECT,
    Browser,
    OpWorld,
    introspect,
    logged_in_tokens,
    query_of,
    refresh,
)

pytestmark = pytest.mark.api


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"redirect_uri": "https://evil.example/callback"}, "回调地址与应用登记的不一致"),
        ({"redirect_uri": WEB_REDIRECT + "&x=1"}, "回调地址与应用登记的不一致"),
        ({"client_id": "nobody"}, "应用未注册"),
    ],
)
async def test_bad_client_or_redirect_uri_is_shown_never_redirected(
    client: httpx.AsyncClient, op: OpWorld, change: dict[str, str], message: str
) -> None:
    response = await Browser(client).authorize(**change)
    assert response.status_code == 400
    assert "location" not in response.headers
    assert message in response.text


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"request": "eyJhbGciOiJub25lIn0.e30."}, "request_not_supported"),
        ({"request_uri": "https://evil.example/request.jwt"}, "request_uri_not_supported"),
        ({"code_challenge_method": "plain"}, "invalid_request"),
        ({"code_challenge": ""}, "invalid_request"),
        ({"response_type": "token"}, "unsupported_response_type"),
        ({"scope": "openid identity:admin"}, "invalid_scope"),
        ({"prompt": "none login"}, "invalid_request"),
    ],
)
async def test_bad_requests_go_back_to_the_client(
    client: httpx.AsyncClient, op: OpWorld, change: dict[str, str], error: str
) -> None:
    browser = Browser(client)
    response = await browser.authorize(**change)
    assert response.status_code == 302
    assert response.headers["location"].startswith(WEB_REDIRECT)
    answer = query_of(response.headers["location"])
    assert answer["error"] == error
    assert answer["state"] == browser.state
    assert answer["iss"] == ISSUER
    assert answer["error_description"].isascii()


async def test_repeated_parameters_are_refused(client: httpx.AsyncClient, op: OpWorld) -> None:
    params = [*Browser(client).authorize_params().items(), ("client_id", "other")]
    response = await client.get("/authorize", params=params)
    assert response.status_code == 400
    assert "location" not in response.headers


async def test_code_reuse_is_refused_and_revokes_what_it_issued(
    client: httpx.AsyncClient, op: OpWorld
) -> None:
    browser = Browser(client)
    code = await browser.log_in(op.person_id_number)
    first = (await browser.exchange(code)).json()
    assert (await introspect(client, first["access_token"]))["active"] is True
    reused = await browser.exchange(code)
    assert reused.status_code == 400
    body = reused.json()
    assert body["error"] == "invalid_grant"
    assert body["error_description"].isascii()
    assert (await introspect(client, first["access_token"])) == {"active": False}
    assert (await refresh(client, first["refresh_token"])).json()["error"] == "invalid_grant"


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"code_verifier": "x" * 43}, "invalid_grant"),
        ({"code_verifier": "too-short"}, "invalid_grant"),
        ({"code_verifier": ""}, "invalid_request"),
        ({"redirect_uri": "https://web.example/other"}, "invalid_grant"),
        ({"code": "not-a-code"}, "invalid_grant"),
    ],
)
async def test_code_exchange_checks_verifier_and_redirect_uri(
    client: httpx.AsyncClient, op: OpWorld, change: dict[str, str], error: str
) -> None:
    browser = Browser(client)
    code = await browser.log_in(op.person_id_number)
    data = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": WEB_REDIRECT,
        "code_verifier": browser.verifier,
        "client_id": WEB,
        **change,
    }
    response = await client.post("/token", data=data)
    assert response.status_code == 400
    assert response.json()["error"] == error
    if "code" not in change:  # a failed attempt does not burn the code for its rightful client
        assert (await browser.exchange(code)).status_code == 200


async def test_code_is_bound_to_its_client(client: httpx.AsyncClient, op: OpWorld) -> None:
    browser = Browser(client)
    code = await browser.log_in(op.person_id_number)
    response = await browser.exchange(code, auth=(RESOURCE, RESOURCE_SECRET))
    assert response.status_code == 400
    assert response.json()["error"] in ("invalid_grant", "unauthorized_client")


async def test_refresh_reuse_revokes_the_family(client: httpx.AsyncClient, op: OpWorld) -> None:
    _, first = await logged_in_tokens(client, op)
    second = (await refresh(client, first["refresh_token"])).json()
    assert (await introspect(client, second["access_token"]))["active"] is True
    reused = await refresh(client, first["refresh_token"])
    assert reused.status_code == 400
    assert reused.json()["error"] == "invalid_grant"
    assert (await refresh(client, second["refresh_token"])).json()["error"] == "invalid_grant"
    assert (await introspect(client, second["access_token"])) == {"active": False}


async def test_refresh_may_narrow_never_widen(client: httpx.AsyncClient, op: OpWorld) -> None:
    _, tokens = await logged_in_tokens(client, op)
    wider = await refresh(client, tokens["refresh_token"], scope="openid profile phone cases:apply")
    assert wider.status_code == 400
    assert wider.json()["error"] == "invalid_scope"
    narrow = (await refresh(client, tokens["refresh_token"], scope="openid")).json()
    assert narrow["scope"] == "openid"
    back = (await refresh(client, narrow["refresh_token"])).json()
    assert back["scope"] == "openid profile phone"  # the refresh token keeps the whole original grant
