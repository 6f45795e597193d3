"""Logging in the way a browser does (authorization code + PKCE through identity's login page), for the
end-to-end tests and the benchmarks that need a citizen's or a staff member's token."""

from __future__ import annotations

import base64
import hashlib
import html
import re
import secrets
from collections.abc import Mapping
from urllib.parse import parse_qs, urlsplit

import httpx

from identity.demo import DEMO_PASSWORD, DEMO_WEB_CLIENT, DEMO_WEB_REDIRECT_URIS

__all__ = ["LoginFailed", "browser_login"]


class LoginFailed(RuntimeError):
    """Identity did not hand out a token; the message says at which step."""


async def browser_login(
    gateway_url: str,
    login: str,
    password: str = DEMO_PASSWORD,
    *,
    headers: Mapping[str, str] | None = None,
    credit_code: str | None = None,
) -> str:
    """An access token for ``login`` (an ID number or staff username), from a fresh browser session;
    ``headers`` go with every request (e.g. the ``X-Forwarded-For`` a load balancer would add); with
    ``credit_code``, acting for that enterprise (its legal representative or an agent)."""
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    redirect = DEMO_WEB_REDIRECT_URIS[0]
    params = {
        "response_type": "code",
        "client_id": DEMO_WEB_CLIENT,
        "redirect_uri": redirect,
        "scope": "openid",
        "state": secrets.token_urlsafe(8),
        "nonce": secrets.token_urlsafe(8),
        "code_challenge": challenge,
        "code_challenge_method": "S256",
    }
    async with httpx.AsyncClient(base_url=gateway_url, timeout=20, headers=headers) as browser:
        page = await browser.get("/identity/authorize", params=params)
        match = re.search(r'name="pending" value="([^"]*)"', page.text)
        if page.status_code != 200 or not match:
            raise LoginFailed(f"login page answered {page.status_code}")
        cookies = "; ".join(c.split(";", 1)[0] for c in page.headers.get_list("set-cookie"))
        posted = await browser.post(
            "/identity/authorize",
            headers={"Cookie": cookies},
            data={
                "pending": html.unescape(match.group(1)),
                "login": login,
                "password": password,
                **({"credit_code": credit_code} if credit_code else {}),
            },
        )
        if posted.status_code != 303:
            raise LoginFailed(f"login form answered {posted.status_code}")
        code = parse_qs(urlsplit(posted.headers["location"]).query)["code"][0]
        token = await browser.post(
            "/identity/token",
            data={
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": redirect,
                "code_verifier": verifier,
                "client_id": DEMO_WEB_CLIENT,
            },
        )
        if token.status_code != 200:
            raise LoginFailed(f"token endpoint answered {token.status_code}")
        return str(token.json()["access_token"])
