"""The login form: one message for every failure, lockout with back-off, the form bound to its browser; and
end-session (RP-initiated logout)."""

import hashlib
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from identity.store.models import LoginSession, Staff
from identity.store.unit_of_work import IdentityUnitOfWork

from .conftest import PASSWORD, WEB, WEB_REDIRECT, Browser, OpWorld, hidden, query_of, refresh

pytestmark = pytest.mark.api

FAILED = "证件号码/用户名或密码不正确，或账号因多次登录失败已被暂时锁定，请稍后再试。"


async def _pair(op: OpWorld, subject_id: str, address: str) -> tuple[int, datetime | None] | None:
    """The failure count and lock of one account from one address."""
    async with IdentityUnitOfWork(op.database) as uow:
        pair = await uow.login_failures.of(subject_id, op.cipher.lookup("login_source", address))
        return None if pair is None else (pair.failures, pair.locked_until)


async def _set_lock(op: OpWorld, subject_id: str, address: str, until: datetime | None) -> None:
    async with IdentityUnitOfWork(op.database) as uow:
        pair = await uow.login_failures.of(subject_id, op.cipher.lookup("login_source", address))
        assert pair is not None
        pair.locked_until = until
        await uow.commit()


async def test_failures_look_alike_and_lock_after_five(client: httpx.AsyncClient, op: OpWorld) -> None:
    browser = Browser(client, "198.51.100.20")
    page = await browser.authorize()
    unknown = await browser.submit(page, "nobody.at.all", "Wrong-passw0rd")
    assert unknown.status_code == 200
    assert FAILED in unknown.text
    assert "location" not in unknown.headers
    for attempt in range(5):
        page = await browser.submit(page, op.person_id_number, "Wrong-passw0rd")
        assert FAILED in page.text, attempt
        assert op.person_id_number in page.text  # the login field is kept for the next try
    assert await _pair(op, op.person_id, "198.51.100.20") == (
        5,
        pytest.approx(datetime.now(UTC) + timedelta(minutes=1), abs=timedelta(seconds=30)),
    )

    locked = await browser.submit(page, op.person_id_number, PASSWORD)  # the right password, but locked
    assert locked.status_code == 200
    assert locked.text.count(FAILED) == 1

    await _set_lock(op, op.person_id, "198.51.100.20", datetime.now(UTC) - timedelta(seconds=1))  # run out
    sixth = await browser.submit(locked, op.person_id_number, "Wrong-passw0rd")
    assert FAILED in sixth.text
    assert await _pair(op, op.person_id, "198.51.100.20") == (
        6,
        pytest.approx(datetime.now(UTC) + timedelta(minutes=2), abs=timedelta(seconds=30)),
    )

    await _set_lock(op, op.person_id, "198.51.100.20", None)
    success = await browser.submit(sixth, op.person_id_number, PASSWORD)
    assert success.status_code == 303
    assert await _pair(op, op.person_id, "198.51.100.20") is None  # a success from there clears its count


async def test_failure_4_someone_elsewhere_cannot_keep_a_citizen_locked_out(
    client: httpx.AsyncClient, op: OpWorld
) -> None:
    """Issue 17, failure 4: the lock was per account, so anyone who knew a citizen's ID number could keep her
    out. Now the lock holds for the source that failed; she logs in from her own."""
    attacker = Browser(client, "203.0.113.66")
    page = await attacker.authorize()
    for _ in range(12):
        page = await attacker.submit(page, op.person_id_number, "Wrong-passw0rd")
    assert FAILED in (await attacker.submit(page, op.person_id_number, PASSWORD)).text  # locked for him
    citizen = Browser(client, "198.51.100.21")
    assert await citizen.log_in(op.person_id_number)


async def test_failures_from_everywhere_slow_the_account_down(client: httpx.AsyncClient, op: OpWorld) -> None:
    """Twenty failures from twenty addresses: one password try per ten seconds from anywhere, then as before."""
    for n in range(20):
        browser = Browser(client, f"203.0.113.{n + 1}")
        page = await browser.authorize()
        assert FAILED in (await browser.submit(page, op.staff_username, "Wrong-passw0rd")).text
    staff = await op.row(Staff, op.staff_id)
    assert staff.failed_logins == 20
    assert staff.locked_until is not None
    assert staff.locked_until - datetime.now(UTC) <= timedelta(seconds=10)
    fresh = Browser(client, "198.51.100.22")
    page = await fresh.authorize()
    assert FAILED in (await fresh.submit(page, op.staff_username, PASSWORD)).text  # slowed: not now
    async with IdentityUnitOfWork(op.database) as uow:
        row = await uow.staff.get(op.staff_id)
        assert row is not None
        row.locked_until = datetime.now(UTC) - timedelta(seconds=1)  # ten seconds later
        await uow.commit()
    assert await fresh.log_in(op.staff_username)


async def test_staff_lock_too(client: httpx.AsyncClient, op: OpWorld) -> None:
    browser = Browser(client, "198.51.100.23")
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


async def test_an_address_claimed_without_the_gateways_proof_is_not_believed(
    client: httpx.AsyncClient, op: OpWorld
) -> None:
    """Found by an outside attacker: whoever reached identity's port directly chose the address its locks count
    against (a fresh one per try, or the victim's). Without the gateway's proof the connection's peer counts."""
    browser = Browser(client)
    page = await browser.authorize()
    for n in range(6):  # a different claimed address each time, no proof
        page = await browser.request(
            "POST",
            "/authorize",
            data={
                "pending": hidden(page.text, "pending"),
                "login": op.staff_username,
                "password": "Wrong-passw0rd",
            },
            headers={"X-Tongban-Client-Address": f"10.9.{n}.1"},
        )
    peer = "127.0.0.1"  # httpx's ASGI transport's client address
    assert await _pair(op, op.staff_id, "10.9.0.1") is None
    counted = await _pair(op, op.staff_id, peer)
    assert counted is not None
    assert counted[0] == 5  # counted against the real peer, which is locked after five
    victim = Browser(client, "198.51.100.60")  # the gateway's proven address of the real person: not locked
    assert await victim.log_in(op.staff_username)
