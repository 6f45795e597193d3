"""The gateway's limits in the running mesh (issue 17, failure 4): a password spray from one address is cut off
with 429 while a citizen elsewhere logs in as usual."""

from __future__ import annotations

import asyncio
import html
import re
import time

import httpx
import pytest

from identity.demo import DEMO_WEB_CLIENT, DEMO_WEB_REDIRECT_URIS
from tongban.login import browser_login

pytestmark = pytest.mark.e2e

LOGIN_ALLOWANCE = 20  # the gateway's default login class: 20 tries per address and minute


async def test_failure_4_a_password_spray_is_cut_off_at_the_gateway(
    http: httpx.AsyncClient, gateway_url: str
) -> None:
    params = {
        "response_type": "code",
        "client_id": DEMO_WEB_CLIENT,
        "redirect_uri": DEMO_WEB_REDIRECT_URIS[0],
        "scope": "openid",
        "state": "s",
        "code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        "code_challenge_method": "S256",
    }
    into_window = time.time() % 60  # the login class counts in fixed minutes: spray within one
    if into_window > 20:
        await asyncio.sleep(60 - into_window + 0.5)
    page = await http.get("/identity/authorize", params=params)
    pending = html.unescape(re.search(r'name="pending" value="([^"]*)"', page.text).group(1))  # type: ignore[union-attr]
    cookies = "; ".join(c.split(";", 1)[0] for c in page.headers.get_list("set-cookie"))
    statuses = []
    for n in range(LOGIN_ALLOWANCE + 10):  # 15 accounts, two passwords each
        form = {"pending": pending, "login": f"spray.{n % 15}", "password": f"Spring202{n // 15}"}
        answer = await http.post("/identity/authorize", data=form, headers={"Cookie": cookies})
        statuses.append(answer.status_code)
    assert 429 not in statuses[:LOGIN_ALLOWANCE]
    assert statuses[LOGIN_ALLOWANCE:] == [429] * 10
    assert int(answer.headers["retry-after"]) >= 1
    assert answer.json()["limit_class"] == "login"
    # a citizen at another address is not affected
    token = await browser_login(gateway_url, "clerk.qihe", headers={"X-Forwarded-For": "198.19.7.7"})
    assert token
