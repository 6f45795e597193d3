"""Issue 17: a locked account can still log in by a one-time code to its registered phone, so nobody keeps a
citizen locked out by failing her password on purpose (whoever knows her ID number can)."""

import html
import re

import httpx
import pytest

from identity.store.models import Client
from identity.store.unit_of_work import IdentityUnitOfWork
from meshkit.db import Database

from .conftest import PASSWORD, World
from .edge import Edge

pytestmark = pytest.mark.api

AUTHORIZE = {
    "response_type": "code",
    "client_id": "tongban-web",
    "redirect_uri": "https://web.example/cb",
    "scope": "openid",
    "state": "s",
    "code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    "code_challenge_method": "S256",
}


async def _login_page(client: httpx.AsyncClient) -> tuple[str, str]:
    page = await client.get("/authorize", params=AUTHORIZE)
    assert page.status_code == 200, page.text
    pending = re.search(r'name="pending" value="([^"]*)"', page.text)
    assert pending is not None
    assert "/authorize/codes" in page.text  # the page offers the code route
    return html.unescape(pending.group(1)), page.headers["set-cookie"].split(";", 1)[0]


@pytest.fixture
async def web_app(database: Database) -> None:
    async with IdentityUnitOfWork(database) as uow:
        uow.clients.add(
            Client(
                client_id="tongban-web",
                name="通办网上大厅",
                secret_hash=None,
                scopes="openid",
                grant_types=["authorization_code"],
                redirect_uris=["https://web.example/cb"],
            )
        )
        await uow.commit()


async def test_a_locked_account_logs_in_with_a_code_to_its_registered_phone(
    client: httpx.AsyncClient, world: World, edge: Edge, database: Database, web_app: None
) -> None:
    pending, cookie = await _login_page(client)
    form = {"pending": pending, "login": world.citizen_id_number}
    for _ in range(5):  # someone who knows her ID number fails her password on purpose
        failed = await client.post(
            "/authorize", headers={"Cookie": cookie}, data={**form, "password": "Wrong-pass-1"}
        )
        assert failed.status_code == 200
    by_password = await client.post(
        "/authorize", headers={"Cookie": cookie}, data={**form, "password": PASSWORD}
    )
    assert by_password.status_code == 200  # her own password is locked: the page again, no redirect

    sent = await client.post("/authorize/codes", headers={"Cookie": cookie}, data=form)
    assert sent.status_code == 200, sent.text
    assert 'name="code"' in sent.text
    code = edge.sms.last_code("13800230001")  # her registered phone, not one the caller names

    other = "000000" if code != "000000" else "111111"
    wrong = await client.post("/authorize/code", headers={"Cookie": cookie}, data={**form, "code": other})
    assert wrong.status_code == 401
    assert "验证码" in wrong.text
    answer = await client.post("/authorize/code", headers={"Cookie": cookie}, data={**form, "code": code})
    assert answer.status_code == 303, answer.text
    assert answer.headers["location"].startswith("https://web.example/cb?code=")
    assert "tb_session=" in answer.headers["set-cookie"]
    replay = await client.post("/authorize/code", headers={"Cookie": cookie}, data={**form, "code": code})
    assert replay.status_code == 401  # single use


async def test_the_code_route_tells_nothing_about_accounts_and_is_limited(
    client: httpx.AsyncClient, world: World, edge: Edge, web_app: None
) -> None:
    pending, cookie = await _login_page(client)
    unknown = {"pending": pending, "login": "500222199901010011"}
    known = {"pending": pending, "login": world.citizen_id_number}
    first = await client.post("/authorize/codes", headers={"Cookie": cookie}, data=unknown)
    second = await client.post("/authorize/codes", headers={"Cookie": cookie}, data=known)
    assert first.status_code == second.status_code == 200
    assert first.text.replace(unknown["login"], "") == second.text.replace(known["login"], "")
    assert len(edge.sms.sent) == 1  # only the registered phone got a code
    again = await client.post("/authorize/codes", headers={"Cookie": cookie}, data=known)
    assert again.status_code == 429
    assert int(again.headers["retry-after"]) >= 1


async def test_a_second_request_is_refused_alike_whether_or_not_the_number_is_registered(
    client: httpx.AsyncClient, world: World, edge: Edge, web_app: None
) -> None:
    """Found by an outside attacker: the per-number interval answered 429 to a second request for a registered
    ID number and 200 for an unregistered one — an oracle of who has an account. Both are counted alike now."""
    pending, cookie = await _login_page(client)
    answers = {}
    for login in ("500222199901010011", world.citizen_id_number):
        data = {"pending": pending, "login": login}
        first = await client.post(
            "/authorize/codes", headers={"Cookie": cookie, "X-Tongban-Client-Address": login[-4:]}, data=data
        )
        again = await client.post(
            "/authorize/codes", headers={"Cookie": cookie, "X-Tongban-Client-Address": login[-4:]}, data=data
        )
        answers[login] = (first.status_code, again.status_code, again.headers.get("retry-after"))
    unknown, known = answers.values()
    assert unknown == known
    assert known[:2] == (200, 429)
