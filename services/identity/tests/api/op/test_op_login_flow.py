"""The browser-style login (GET authorize → login form → code → token with the PKCE verifier), then refresh,
userinfo, introspection and revocation; single sign-on, staff and enterprise logins, pairwise subjects."""

import httpx
import jwt
import pytest

from identity.domain.oauth import pairwise_subject
from meshkit.testing.service import TEST_SECRET

from .conftest import (
    ISSUER,
    PORTAL,
    PORTAL_REDIRECT,
    PORTAL_SECRET,
    RESOURCE,
    RESOURCE_SECRET,
    WEB,
    Browser,
    OpWorld,
    introspect,
    query_of,
    refresh,
)

pytestmark = pytest.mark.api


async def test_full_login_then_refresh_userinfo_introspect_revoke(
    client: httpx.AsyncClient, op: OpWorld
) -> None:
    browser = Browser(client)
    page = await browser.authorize()
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "统一身份认证 登录" in page.text
    assert "证件号码/用户名" in page.text
    assert "密码" in page.text
    assert "通办网上大厅" in page.text
    assert page.headers["cache-control"] == "no-store"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert "tb_login" in browser.cookies

    posted = await browser.submit(page, op.person_id_number)
    assert posted.status_code == 303
    location = posted.headers["location"]
    assert location.startswith("https://web.example/callback?from=tongban&")
    answer = query_of(location)
    assert answer["state"] == browser.state
    assert answer["iss"] == ISSUER
    session_cookie = next(h for h in posted.headers.get_list("set-cookie") if h.startswith("tb_session="))
    assert all(flag in session_cookie.lower() for flag in ("httponly", "samesite=lax", "secure", "path=/"))

    response = await browser.exchange(answer["code"])
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    tokens = response.json()
    assert tokens["token_type"] == "Bearer"
    assert tokens["scope"] == "openid profile phone"
    header = jwt.get_unverified_header(tokens["access_token"])
    assert header["typ"] == "at+jwt"
    assert header["alg"] == "ES256"
    assert header["kid"]
    claims = jwt.decode(tokens["access_token"], options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] == tokens["expires_in"]
    assert claims["sub"] == op.person_id
    assert claims["tb_kind"] == "person"
    assert claims["acr"] == "2"
    assert claims["client_id"] == WEB
    assert claims["iss"] == ISSUER
    assert claims["aud"] == "tongban"
    assert isinstance(claims["auth_time"], int)
    assert claims["jti"]

    id_token = jwt.decode(tokens["id_token"], options={"verify_signature": False})
    assert jwt.get_unverified_header(tokens["id_token"])["typ"] == "JWT"
    assert id_token["aud"] == WEB
    assert id_token["nonce"] == browser.nonce
    assert id_token["iss"] == ISSUER
    assert id_token["sub"] == op.person_id
    assert id_token["auth_time"] == claims["auth_time"]
    assert id_token["at_hash"]

    bearer = {"Authorization": f"Bearer {tokens['access_token']}"}
    info = (await client.get("/userinfo", headers=bearer)).json()
    assert info == {
        "sub": op.person_id,
        "tb_kind": "person",
        "acr": "2",
        "name": "陈晓梅",
        "id_number_masked": op.person_id_number[:6] + "********" + op.person_id_number[-4:],
        "phone_masked": "138****0022",
    }
    posted_info = await client.post("/userinfo", headers=bearer)
    assert posted_info.status_code == 200
    assert posted_info.json() == info
    form_info = await client.post("/userinfo", data={"access_token": tokens["access_token"]})
    assert form_info.json() == info

    rotated = await refresh(client, tokens["refresh_token"], scope="openid profile")
    assert rotated.status_code == 200, rotated.text
    renewed = rotated.json()
    assert renewed["refresh_token"] != tokens["refresh_token"]
    assert renewed["scope"] == "openid profile"
    renewed_claims = jwt.decode(renewed["access_token"], options={"verify_signature": False})
    assert renewed_claims["exp"] - renewed_claims["iat"] == renewed["expires_in"]
    assert (
        "phone_masked"
        not in (
            await client.get("/userinfo", headers={"Authorization": f"Bearer {renewed['access_token']}"})
        ).json()
    )

    active = await introspect(client, renewed["access_token"])
    assert active["active"] is True
    assert active["sub"] == op.person_id
    assert active["client_id"] == WEB
    assert active["scope"] == "openid profile"
    assert active["token_type"] == "Bearer"
    refresh_info = await client.post(
        "/introspect",
        data={"token": renewed["refresh_token"], "token_type_hint": "refresh_token"},
        auth=(RESOURCE, RESOURCE_SECRET),
    )
    assert refresh_info.json() == {"active": False}  # only the client it was issued to may look at it

    revoked = await client.post("/revoke", data={"token": renewed["access_token"], "client_id": WEB})
    assert revoked.status_code == 200
    assert (await introspect(client, renewed["access_token"])) == {"active": False}
    assert (
        await client.get("/userinfo", headers={"Authorization": f"Bearer {renewed['access_token']}"})
    ).status_code == 401

    assert (
        await client.post("/revoke", data={"token": renewed["refresh_token"], "client_id": WEB})
    ).status_code == 200
    again = await refresh(client, renewed["refresh_token"])
    assert again.status_code == 400
    assert again.json()["error"] == "invalid_grant"


async def test_single_sign_on_skips_the_page_unless_prompt_login(
    client: httpx.AsyncClient, op: OpWorld
) -> None:
    browser = Browser(client)
    await browser.log_in(op.person_id_number)
    again = await browser.authorize()
    assert again.status_code == 302
    answer = query_of(again.headers["location"])
    assert answer["state"] == browser.state
    assert answer["code"]
    assert (await browser.exchange(answer["code"])).status_code == 200

    forced = await browser.authorize(prompt="login")
    assert forced.status_code == 200
    assert "统一身份认证 登录" in forced.text
    aged = await browser.authorize(max_age="0")
    assert aged.status_code == 200

    stranger = Browser(client)
    silent = await stranger.authorize(prompt="none")
    assert silent.status_code == 302
    assert query_of(silent.headers["location"])["error"] == "login_required"


async def test_staff_login_carries_org_region_roles(client: httpx.AsyncClient, op: OpWorld) -> None:
    browser = Browser(client)
    code = await browser.log_in(op.staff_username)
    tokens = (await browser.exchange(code)).json()
    claims = jwt.decode(tokens["access_token"], options={"verify_signature": False})
    assert claims["sub"] == op.staff_id
    assert claims["tb_kind"] == "staff"
    assert claims["acr"] == "3"
    assert claims["org"] == "500110-SCJGJ"
    assert claims["region"] == "500110000000"
    assert claims["roles"] == ["reviewer"]
    info = (
        await client.get("/userinfo", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    ).json()
    assert info["roles"] == ["reviewer"]
    assert info["org"] == "500110-SCJGJ"
    assert info["name"] == "王审核"
    assert info["org_name"] == "区市场监管局"


async def test_legal_representative_logs_in_for_the_enterprise(
    client: httpx.AsyncClient, op: OpWorld
) -> None:
    browser = Browser(client)
    code = await browser.log_in(op.person_id_number, credit_code=op.enterprise_credit_code)
    tokens = (await browser.exchange(code)).json()
    claims = jwt.decode(tokens["access_token"], options={"verify_signature": False})
    assert claims["tb_kind"] == "enterprise"
    assert claims["org"] == op.enterprise_id
    assert claims["sub"] == op.person_id
    info = (
        await client.get("/userinfo", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    ).json()
    assert info["enterprise_name"] == "綦江晓梅小吃店"
    assert info["org"] == op.enterprise_id

    _, other_number = await op.add_person(31, "李华")
    stranger = Browser(client)
    page = await stranger.authorize()
    refused = await stranger.submit(page, other_number, credit_code=op.enterprise_credit_code)
    assert refused.status_code == 200
    assert "证件号码/用户名或密码不正确" in refused.text


async def test_sector_clients_get_pairwise_subjects(client: httpx.AsyncClient, op: OpWorld) -> None:
    subjects = []
    for _ in range(2):
        browser = Browser(client)
        code = await browser.log_in(
            op.person_id_number, client_id=PORTAL, redirect_uri=PORTAL_REDIRECT, scope="openid profile"
        )
        response = await browser.exchange(code, redirect_uri=PORTAL_REDIRECT, auth=(PORTAL, PORTAL_SECRET))
        assert response.status_code == 200, response.text
        tokens = response.json()
        subjects.append(jwt.decode(tokens["access_token"], options={"verify_signature": False})["sub"])
    expected = pairwise_subject(TEST_SECRET, sector="public-security", person_id=op.person_id)
    assert subjects == [expected, expected]
    assert expected != op.person_id
    assert expected != pairwise_subject(TEST_SECRET, sector="market-regulation", person_id=op.person_id)
    info = (
        await client.get("/userinfo", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    ).json()
    assert info["sub"] == expected
    assert info["name"] == "陈晓梅"
