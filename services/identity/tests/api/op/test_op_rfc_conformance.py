"""Issue 17, failure 8 "OAuth errors break a certified relying party": each sub-failure as a named test.

Token, introspection and revocation errors are RFC 6749 §5.2 JSON (not problem+json); repeated parameters are
refused; every token response is no-store; ``prompt=select_account`` and ``id_token_hint`` are honoured;
registered browser origins (and only they) get CORS answers; revocation answers as RFC 7009 says."""

from typing import Any

import httpx
import jwt
import pytest

from .conftest import (
    PASSWORD,
    PORTAL,
    PORTAL_SECRET,
    RESOURCE,
    RESOURCE_SECRET,
    WEB,
    WEB_REDIRECT,
    Browser,
    OpWorld,
    hidden,
    introspect,
    logged_in_tokens,
    query_of,
    refresh,
)

pytestmark = pytest.mark.api

WEB_ORIGIN = "https://web.example"  # the origin of the public web app's registered redirect URI
NO_STORE = {"cache-control": "no-store", "pragma": "no-cache"}


def assert_oauth_error(response: httpx.Response, status: int, error: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert body["error"] == error
    assert body["error_description"].isascii()
    assert '"' not in body["error_description"]
    assert "\\" not in body["error_description"]
    assert body["detail"]  # the Chinese reason, for people
    assert "type" not in body
    assert "status" not in body  # not a problem document


@pytest.mark.parametrize(
    ("path", "kwargs", "status", "error"),
    [
        (
            "/token",
            {"data": {"grant_type": "refresh_token", "refresh_token": "x", "client_id": WEB}},
            400,
            "invalid_grant",
        ),
        (
            "/token",
            {"data": {"grant_type": "client_credentials"}, "auth": (RESOURCE, "wrong")},
            401,
            "invalid_client",
        ),
        (
            "/token",
            {"data": {"grant_type": "password"}, "auth": (RESOURCE, RESOURCE_SECRET)},
            400,
            "unsupported_grant_type",
        ),
        ("/token", {"data": {"client_id": WEB}}, 400, "invalid_request"),
        (
            "/token",
            {
                "data": {"grant_type": "client_credentials", "scope": "cases:write"},
                "auth": (RESOURCE, RESOURCE_SECRET),
            },
            400,
            "invalid_scope",
        ),
        ("/introspect", {"data": {"token": "x"}, "auth": (RESOURCE, "wrong")}, 401, "invalid_client"),
        ("/introspect", {"data": {}, "auth": (RESOURCE, RESOURCE_SECRET)}, 400, "invalid_request"),
        ("/revoke", {"data": {"token": "x"}, "auth": (PORTAL, "wrong")}, 401, "invalid_client"),
        ("/revoke", {"data": {"client_id": WEB}}, 400, "invalid_request"),
    ],
)
async def test_issue17_f8_token_introspection_revocation_errors_are_oauth_json(
    client: httpx.AsyncClient, op: OpWorld, path: str, kwargs: dict[str, Any], status: int, error: str
) -> None:
    """Failure 8: errors were problem+json, so openid-client said OAUTH_RESPONSE_IS_NOT_JSON instead of the error."""
    response = await client.post(path, **kwargs)
    assert_oauth_error(response, status, error)
    if status == 401 and "auth" in kwargs:
        assert response.headers["www-authenticate"].startswith("Basic")


async def test_issue17_f8_problem_json_stays_everywhere_else(client: httpx.AsyncClient, op: OpWorld) -> None:
    """Failure 8: only the three OAuth endpoints changed their error format; userinfo keeps RFC 6750 + problem."""
    userinfo = await client.get("/userinfo", headers={"Authorization": "Bearer a.b.c"})
    assert userinfo.status_code == 401
    assert userinfo.headers["content-type"] == "application/problem+json"
    assert 'error="invalid_token"' in userinfo.headers["www-authenticate"]
    assert (await client.get("/organizations/nowhere")).headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("path", "data", "auth"),
    [
        (
            "/token",
            [("grant_type", "client_credentials"), ("scope", "cases:read"), ("scope", "openid")],
            (RESOURCE, RESOURCE_SECRET),
        ),
        (
            "/token",
            [("grant_type", "client_credentials"), ("grant_type", "client_credentials")],
            (RESOURCE, RESOURCE_SECRET),
        ),
        ("/introspect", [("token", "a"), ("token", "b")], (RESOURCE, RESOURCE_SECRET)),
        ("/revoke", [("token", "a"), ("token", "b"), ("client_id", WEB)], None),
        ("/revoke", [("token", "a"), ("client_id", WEB), ("client_id", PORTAL)], None),
    ],
)
async def test_issue17_f8_repeated_parameters_are_refused(
    client: httpx.AsyncClient,
    op: OpWorld,
    path: str,
    data: list[tuple[str, str]],
    auth: tuple[str, str] | None,
) -> None:
    """Failure 8: a repeated parameter was accepted (the last one won); RFC 6749 §3.1 forbids it."""
    body = httpx.QueryParams(data)
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    response = await client.post(
        path, content=str(body), headers=headers, auth=auth or httpx.USE_CLIENT_DEFAULT
    )
    assert_oauth_error(response, 400, "invalid_request")
    assert "repeated" in response.json()["error_description"]


async def test_issue17_f8_repeated_parameter_in_query_and_body_is_refused(
    client: httpx.AsyncClient, op: OpWorld
) -> None:
    """Failure 8: the same name in the query and the form body is a repeat as well."""
    response = await client.post(
        "/token?scope=openid",
        data={"grant_type": "client_credentials", "scope": "cases:read"},
        auth=(RESOURCE, RESOURCE_SECRET),
    )
    assert_oauth_error(response, 400, "invalid_request")


async def test_issue17_f8_repeated_login_form_fields_are_refused(
    client: httpx.AsyncClient, op: OpWorld
) -> None:
    """Failure 8 (authorize): the login form's POST refuses repeats as its GET already did."""
    browser = Browser(client)
    page = await browser.authorize()
    fields = [
        ("pending", hidden(page.text, "pending")),
        ("login", op.staff_username),
        ("login", op.person_id_number),
        ("password", PASSWORD),
    ]
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    response = await browser.request(
        "POST", "/authorize", content=str(httpx.QueryParams(fields)), headers=headers
    )
    assert response.status_code == 400
    assert "请求参数重复" in response.text
    assert "location" not in response.headers


async def test_issue17_f8_every_token_response_is_no_store(client: httpx.AsyncClient, op: OpWorld) -> None:
    """Failure 8: token error responses lacked Cache-Control: no-store (RFC 6749 §5.1, §5.2)."""
    _, tokens = await logged_in_tokens(client, op)
    answers = [
        await refresh(client, tokens["refresh_token"]),  # success
        await refresh(client, tokens["refresh_token"]),  # reuse: invalid_grant
        await client.post("/token", data={"grant_type": "client_credentials"}, auth=(RESOURCE, "x")),  # 401
        await client.post(
            "/token", data={"grant_type": "client_credentials"}, auth=(RESOURCE, RESOURCE_SECRET)
        ),
        await client.post("/token", data={"grant_type": "nope"}, auth=(RESOURCE, RESOURCE_SECRET)),
        await client.post("/introspect", data={"token": "x"}, auth=(RESOURCE, RESOURCE_SECRET)),
        await client.post("/introspect", data={"token": "x"}, auth=(RESOURCE, "x")),
        await client.post("/revoke", data={"token": "x", "client_id": WEB}),
        await client.post("/revoke", data={"token": "x"}, auth=(PORTAL, "x")),
    ]
    assert [a.status_code for a in answers] == [200, 400, 401, 200, 400, 200, 401, 200, 401]
    for answer in answers:
        assert {k: answer.headers.get(k) for k in NO_STORE} == NO_STORE, answer.request.url


async def test_issue17_f8_prompt_select_account_shows_the_login_page(
    client: httpx.AsyncClient, op: OpWorld
) -> None:
    """Failure 8: prompt=select_account was advertised but ignored (the session answered silently)."""
    browser = Browser(client)
    await browser.log_in(op.person_id_number)
    assert (await browser.authorize()).status_code == 302  # single sign-on without a prompt
    page = await browser.authorize(prompt="select_account")
    assert page.status_code == 200
    assert "统一身份认证 登录" in page.text
    other_id, other_number = await op.add_person(23, "李明")
    answer = await browser.submit(page, other_number)  # choosing the other account by logging in with it
    assert answer.status_code == 303
    tokens = (await browser.exchange(query_of(answer.headers["location"])["code"])).json()
    assert jwt.decode(tokens["id_token"], options={"verify_signature": False})["sub"] == other_id
    silent = await browser.authorize(prompt="none select_account")
    assert query_of(silent.headers["location"])["error"] == "invalid_request"


async def test_issue17_f8_id_token_hint_naming_another_user_never_continues_as_the_session_user(
    client: httpx.AsyncClient, op: OpWorld
) -> None:
    """Failure 8: an id_token_hint naming another user was ignored and the session's user got a code."""
    _, other_number = await op.add_person(24, "赵倩")
    other = Browser(client)
    other_tokens = (await other.exchange(await other.log_in(other_number))).json()
    browser = Browser(client)
    await browser.log_in(op.person_id_number)  # this browser's session is 陈晓梅's
    hint = other_tokens["id_token"]

    silent = await browser.authorize(prompt="none", id_token_hint=hint)
    assert silent.status_code == 302
    assert query_of(silent.headers["location"])["error"] == "login_required"
    page = await browser.authorize(id_token_hint=hint)
    assert page.status_code == 200
    assert "统一身份认证 登录" in page.text  # not a code for 陈晓梅

    wrong = await browser.submit(page, op.person_id_number)  # logging in as the session's user again
    assert wrong.status_code == 200
    assert "location" not in wrong.headers
    assert "原来登录的账号" in wrong.text
    right = await browser.submit(wrong, other_number)
    assert right.status_code == 303
    assert query_of(right.headers["location"])["code"]


async def test_issue17_f8_id_token_hint_of_the_session_user_continues_and_bad_hints_are_refused(
    client: httpx.AsyncClient, op: OpWorld
) -> None:
    """Failure 8: a hint naming the session's user is answered silently; a hint that is not an ID token issued
    to this client (an access token, another client's ID token, garbage) is invalid_request."""
    browser, tokens = await logged_in_tokens(client, op)
    silent = await browser.authorize(prompt="none", id_token_hint=tokens["id_token"])
    assert silent.status_code == 302
    assert query_of(silent.headers["location"])["code"]
    for bad in (tokens["access_token"], "not.a.token", "x"):
        answer = await browser.authorize(id_token_hint=bad)
        assert answer.status_code == 302
        assert query_of(answer.headers["location"])["error"] == "invalid_request"


async def preflight(client: httpx.AsyncClient, path: str, origin: str) -> httpx.Response:
    return await client.options(
        path,
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )


async def test_issue17_f8_cors_for_registered_browser_origins_only(
    client: httpx.AsyncClient, op: OpWorld
) -> None:
    """Failure 8: the registered browser origin got no CORS answer, so a single-page app could not call token,
    userinfo or revoke; any other origin still gets no allow header."""
    for path in ("/token", "/userinfo", "/revoke", "/.well-known/openid-configuration"):
        allowed = await preflight(client, path, WEB_ORIGIN)
        assert allowed.status_code == 200, (path, allowed.text)
        assert allowed.headers["access-control-allow-origin"] == WEB_ORIGIN
        assert "POST" in allowed.headers["access-control-allow-methods"]
        assert "authorization" in allowed.headers["access-control-allow-headers"].lower()
        assert "access-control-allow-credentials" not in allowed.headers
        for stranger in (
            "https://evil.example",
            "https://web.example.evil.example",
            "null",
            "http://web.example",
        ):
            refused = await preflight(client, path, stranger)
            assert refused.status_code == 400
            assert refused.headers["content-type"] == "application/problem+json"
            assert "access-control-allow-origin" not in refused.headers

    browser = Browser(client)
    code = await browser.log_in(op.person_id_number)
    exchanged = await client.post(
        "/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": WEB_REDIRECT,
            "code_verifier": browser.verifier,
            "client_id": WEB,
        },
        headers={"Origin": WEB_ORIGIN},
    )
    assert exchanged.status_code == 200
    assert exchanged.headers["access-control-allow-origin"] == WEB_ORIGIN
    assert "origin" in exchanged.headers["vary"].lower()
    tokens = exchanged.json()
    bearer = {"Authorization": f"Bearer {tokens['access_token']}"}
    info = await client.get("/userinfo", headers={**bearer, "Origin": WEB_ORIGIN})
    assert info.status_code == 200
    assert info.headers["access-control-allow-origin"] == WEB_ORIGIN
    foreign = await client.get("/userinfo", headers={**bearer, "Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in foreign.headers
    failed = await client.post(
        "/token",
        data={"grant_type": "refresh_token", "refresh_token": "nope", "client_id": WEB},
        headers={"Origin": WEB_ORIGIN},
    )
    assert failed.status_code == 400
    assert failed.headers["access-control-allow-origin"] == WEB_ORIGIN
    revoked = await client.post(
        "/revoke", data={"token": tokens["refresh_token"], "client_id": WEB}, headers={"Origin": WEB_ORIGIN}
    )
    assert revoked.status_code == 200
    assert revoked.headers["access-control-allow-origin"] == WEB_ORIGIN
    # the login page and the admin API are not for cross-origin calls at all
    page = await client.get("/authorize", params=browser.authorize_params(), headers={"Origin": WEB_ORIGIN})
    assert "access-control-allow-origin" not in page.headers
    assert "access-control-allow-origin" not in (await preflight(client, "/clients", WEB_ORIGIN)).headers


async def test_issue17_f8_revocation_answers_as_rfc7009_says(client: httpx.AsyncClient, op: OpWorld) -> None:
    """Failure 8: /revoke answered 200 with an empty body and no content type; now 200 application/json `{}` for
    revoked, unknown and foreign tokens alike, unsupported_token_type for ID tokens and unknown hints, and
    invalid_client when the client does not authenticate."""
    _, tokens = await logged_in_tokens(client, op)
    for data in (
        {"token": tokens["access_token"], "token_type_hint": "access_token"},
        {"token": tokens["refresh_token"], "token_type_hint": "access_token"},  # a wrong hint is only a hint
        {"token": "unknown"},
        {"token": "a.b.c"},
    ):
        answer = await client.post("/revoke", data={**data, "client_id": WEB})
        assert answer.status_code == 200
        assert answer.headers["content-type"] == "application/json"
        assert answer.json() == {}
    assert (await introspect(client, tokens["access_token"]))["active"] is False
    assert (await refresh(client, tokens["refresh_token"])).json()["error"] == "invalid_grant"

    _, fresh = await logged_in_tokens(client, op)
    id_token = await client.post("/revoke", data={"token": fresh["id_token"], "client_id": WEB})
    assert_oauth_error(id_token, 400, "unsupported_token_type")
    hint = await client.post(
        "/revoke", data={"token": fresh["refresh_token"], "token_type_hint": "id_token", "client_id": WEB}
    )
    assert_oauth_error(hint, 400, "unsupported_token_type")
    rotated = await refresh(client, fresh["refresh_token"])  # nothing was revoked
    assert rotated.status_code == 200
    fresh = rotated.json()

    # another client may not revoke the web app's tokens: the answer is the same, nothing changes
    foreign = await client.post(
        "/revoke", data={"token": fresh["refresh_token"]}, auth=(PORTAL, PORTAL_SECRET)
    )
    assert foreign.status_code == 200
    assert foreign.json() == {}
    assert (await refresh(client, fresh["refresh_token"])).status_code == 200
    unauthenticated = await client.post(
        "/revoke", data={"token": fresh["refresh_token"], "client_id": PORTAL}
    )
    assert_oauth_error(unauthenticated, 401, "invalid_client")
