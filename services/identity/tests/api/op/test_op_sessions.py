"""The login form: one message for every failure, lockout with back-off, the form bound to its browser; and
end-session (RP-initiated logout)."""

import hashlib
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from identity.store.models import LoginSession, Person
from identity.store.unit_of_work import IdentityUnitOfWork

from .conftest import PASSWORD, WEB, WEB_REDIRECT, Browser, OpWorld, hidden, query_of, refresh

pytestmark = pytest.mark.api

FAILED = "证件号码/用户名或密码不正确，或账号因多次登录失败已被暂时锁定，请稍后再试。"


async def test_failures_look_alike_and_lock_after_five(client: httpx.AsyncClient, op: OpWorld) -> None:
    browser = Browser(client)
    page = await browser.authorize()
    unknown = await browser.submit(page, "nobody.at.all", "Wrong-passw0rd")
    assert unknown.status_code == 200
    assert FAILED in unknown.text
    assert "location" not in unknown.headers
    for attempt in range(5):
        page = await browser.submit(page, op.person_id_number, "Wrong-passw0rd")
        assert FAILED in page.text, attempt
        assert op.person_id_number in page.text  # the login field is kept for the next try
    person = await op.row(Person, op.person_id)
    assert person.failed_logins == 5
    assert person.locked_until - datetime.now(UTC) == pytest.approx(
        timedelta(minutes=1), abs=timedelta(seconds=30)
    )

    locked = await browser.submit(page, op.person_id_number, PASSWORD)  # the right password, but locked
    assert locked.status_code == 200
    assert locked.text.count(FAILED) == 1

    async with IdentityUnitOfWork(op.database) as uow:  # the lock has run out
        row = await uow.persons.get(op.person_id)
        assert row is not None
        row.locked_until = datetime.now(UTC) - timedelta(seconds=1)
        await uow.commit()
    sixth = await browser.submit(locked, op.person_id_number, "Wrong-passw0rd")
    assert FAILED in sixth.text
    assert (await op.row(Person, op.person_id)).failed_logins == 6  # next lock: two minutes
    person = await op.row(Person, op.person_id)
    assert person.locked_until - datetime.now(UTC) == pytest.approx(
        timedelta(minutes=2), abs=timedelta(seconds=30)
    )

    async with IdentityUnitOfWork(op.database) as uow:
        row = await uow.persons.get(op.person_id)
        assert row is not None
        row.locked_until = None
        await uow.commit()
    success = await browser.submit(sixth, op.person_id_number, PASSWORD)
    assert success.status_code == 303
    assert (await op.row(Person, op.person_id)).failed_logins == 0


async def test_staff_lock_too(client: httpx.AsyncClient, op: OpWorld) -> None:
    browser = Browser(client)
    page = await browser.authorize()
    for _ in range(5):
        page = await browser.submit(page, op.staff_username, "Wrong-passw0rd")
    refused = await browser.submit(page, op.staff_username, PASSWORD)
    assert FAILED in refused.text


async def test_login_form_is_bound_to_its_browser(client: httpx.AsyncClient, op: OpWorld) -> None:
    browser = Browser(client)
    page = await browser.authorize()
    pending = hidden(page.text, "pending")
    stranger = Browser(client)  # another browser replays the form (login CSRF)
    replay = await stranger.request(
        "POST", "/authorize", data={"pending": pending, "login": op.person_id_number, "password": PASSWORD}
    )
    assert replay.status_code == 400
    assert "location" not in replay.headers
    tampered = pending[:-2] + ("AA" if not pending.endswith("AA") else "BB")
    forged = await browser.request(
        "POST", "/authorize", data={"pending": tampered, "login": op.person_id_number, "password": PASSWORD}
    )
    assert forged.status_code == 400


async def _logged_in(client: httpx.AsyncClient, op: OpWorld) -> tuple[Browser, dict[str, str]]:
    browser = Browser(client)
    tokens = (await browser.exchange(await browser.log_in(op.person_id_number))).json()
    return browser, tokens


async def test_end_session_with_hint_logs_out_and_revokes(client: httpx.AsyncClient, op: OpWorld) -> None:
    browser, tokens = await _logged_in(client, op)
    session_id = browser.cookies["tb_session"]
    response = await browser.request(
        "GET",
        "/end-session",
        params={
            "id_token_hint": tokens["id_token"],
            "post_logout_redirect_uri": WEB_REDIRECT,
            "state": "bye",
        },
    )
    assert response.status_code == 303
    assert query_of(response.headers["location"])["state"] == "bye"
    assert response.headers["location"].startswith(WEB_REDIRECT)
    assert "tb_session" not in browser.cookies
    assert (await refresh(client, tokens["refresh_token"])).json()["error"] == "invalid_grant"
    again = await browser.authorize()
    assert again.status_code == 200  # no single sign-on any more
    browser.cookies["tb_session"] = session_id  # an old cookie does not bring the session back
    assert (await browser.authorize()).status_code == 200


async def test_end_session_without_hint_asks_first(client: httpx.AsyncClient, op: OpWorld) -> None:
    browser, tokens = await _logged_in(client, op)
    page = await browser.request("GET", "/end-session", params={"client_id": WEB})
    assert page.status_code == 200
    assert "确定要退出" in page.text
    assert (await refresh(client, tokens["refresh_token"])).status_code == 200  # nothing ended yet
    confirm = hidden(page.text, "confirm")
    done = await browser.request("POST", "/end-session", data={"confirm": confirm, "client_id": WEB})
    assert done.status_code == 200
    assert "您已退出" in done.text
    assert (await browser.authorize()).status_code == 200
    assert (await refresh(client, tokens["refresh_token"])).json()["error"] == "invalid_grant"


async def test_end_session_never_redirects_to_unregistered_uris(
    client: httpx.AsyncClient, op: OpWorld
) -> None:
    browser, tokens = await _logged_in(client, op)
    for params in (
        {"id_token_hint": tokens["id_token"], "post_logout_redirect_uri": "https://evil.example/"},
        {"post_logout_redirect_uri": WEB_REDIRECT},  # no client named
        {"id_token_hint": "not-a-token", "post_logout_redirect_uri": WEB_REDIRECT},
        {"id_token_hint": tokens["access_token"]},  # an access token is no ID token
    ):
        response = await browser.request("GET", "/end-session", params=params)
        assert response.status_code == 400, params
        assert "location" not in response.headers, params
    assert (await browser.authorize()).status_code == 302  # still logged in


async def test_session_rows_record_the_login(client: httpx.AsyncClient, op: OpWorld) -> None:
    browser, _ = await _logged_in(client, op)
    session = await op.row(LoginSession, hashlib.sha256(browser.cookies["tb_session"].encode()).hexdigest())
    assert isinstance(session, LoginSession)
    assert session.subject_kind == "person"
    assert session.subject_id == op.person_id
    assert session.acr == 2
    assert session.ended_at is None
