"""Issue 17, failure 8: a certified OpenID relying party (``openid-client``, npm, pinned in oidc_rp/) runs the
whole protocol against the running mesh through the gateway, without a workaround: discovery, authorization code
+ PKCE through the login form, ID-token validation, userinfo, refresh rotation with reuse detection, single
sign-on, introspection, revocation, client credentials, and the error paths (each must come out as the OAuth error
the OP sent, e.g. ``invalid_grant``, never ``OAUTH_RESPONSE_IS_NOT_JSON``). The browser app's calls carry its
registered origin and must be allowed by CORS.

Needs Node.js 20 and npm: the packages are installed by ``npm ci`` into oidc_rp/node_modules (npm's cache in
oidc_rp/.npm-cache) on the first run and whenever package-lock.json changes; only the npm registry is contacted.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
from pathlib import Path
from typing import Any

import httpx
import pytest

from identity.demo import (
    DEMO_CLIENT_SECRET,
    DEMO_PASSWORD,
    DEMO_PERSONS,
    DEMO_WEB_CLIENT,
    DEMO_WEB_REDIRECT_URIS,
)

pytestmark = pytest.mark.e2e

RP_DIR = Path(__file__).parent / "oidc_rp"
WEB_ORIGIN = "http://127.0.0.1:3000"
SYSTEM_CLIENT = "catalog-editor"  # a confidential department system of the demo data
STEPS = (
    "discovery",
    "authorization_code_pkce",
    "id_token_validated",
    "userinfo",
    "error_code_replayed_is_invalid_grant",
    "refresh_rotation",
    "error_refresh_reuse_is_invalid_grant",
    "refresh_reuse_revoked_the_family",
    "single_sign_on",
    "introspection",
    "revocation",
    "revoked_refresh_token_is_invalid_grant",
    "error_revoked_access_token_at_userinfo",
    "error_id_token_revocation_is_unsupported_token_type",
    "client_credentials",
    "error_wrong_secret_is_invalid_client",
    "error_wrong_basic_secret_is_a_basic_challenge",
    "error_scope_beyond_grant_is_invalid_scope",
    "error_public_client_credentials_is_unauthorized_client",
    "error_introspection_wrong_secret_is_invalid_client",
    "error_prompt_none_without_session_is_login_required",
    "cors_for_the_registered_origin",
)


async def _run(*command: str, env: dict[str, str] | None = None, timeout: float) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        *command,
        cwd=RP_DIR,
        env={**os.environ, **(env or {})},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        out, err = await asyncio.wait_for(process.communicate(), timeout)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise
    return process.returncode or 0, out.decode(), err.decode()


@pytest.fixture(scope="session")
async def relying_party() -> Path:
    """oidc_rp/node_modules as package-lock.json pins it (``npm ci``, once per lock change)."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.fail("the certified relying party needs Node.js 20 and npm on PATH (see README)")
    code, version, _ = await _run("node", "--version", timeout=30)
    assert code == 0
    assert int(version.strip().lstrip("v").split(".")[0]) >= 20, f"Node.js {version.strip()} is older than 20"
    installed = RP_DIR / "node_modules" / ".package-lock.json"
    lock = RP_DIR / "package-lock.json"
    if not installed.exists() or installed.stat().st_mtime < lock.stat().st_mtime:
        code, out, err = await _run(
            "npm",
            "ci",
            "--no-audit",
            "--no-fund",
            "--prefer-offline",
            env={"npm_config_cache": str(RP_DIR / ".npm-cache"), "npm_config_update_notifier": "false"},
            timeout=300,
        )
        assert code == 0, f"npm ci failed:\n{out}\n{err}"
    return RP_DIR


async def test_issue17_f8_certified_relying_party_passes_without_workaround(
    relying_party: Path, gateway_url: str
) -> None:
    """Failure 8: openid-client reported OAUTH_RESPONSE_IS_NOT_JSON instead of invalid_grant, and the browser
    origin got no CORS answer. Every step of the relying party must pass."""
    async with httpx.AsyncClient(base_url=gateway_url, timeout=30) as http:
        issuer = (await http.get("/identity/.well-known/openid-configuration")).json()["issuer"]
    environment = {
        "RP_ISSUER": issuer,
        "RP_WEB_CLIENT": DEMO_WEB_CLIENT,
        "RP_WEB_REDIRECT": DEMO_WEB_REDIRECT_URIS[0],
        "RP_LOGIN": DEMO_PERSONS[0][1],
        "RP_PASSWORD": DEMO_PASSWORD,
        "RP_SYSTEM_CLIENT": SYSTEM_CLIENT,
        "RP_SYSTEM_SECRET": DEMO_CLIENT_SECRET,
    }
    code, out, err = await _run("node", "rp.mjs", env=environment, timeout=120)
    assert code == 0, f"the relying party crashed:\n{err}"
    steps: dict[str, dict[str, Any]] = json.loads(out)["steps"]
    failed = {name: result for name, result in steps.items() if not result["ok"]}
    assert not failed, json.dumps(failed, ensure_ascii=False, indent=1)
    assert set(steps) == set(STEPS)  # no step skipped, none unaccounted for
    assert steps["error_refresh_reuse_is_invalid_grant"]["code"] != "OAUTH_RESPONSE_IS_NOT_JSON"


async def _preflight(http: httpx.AsyncClient, path: str, origin: str) -> httpx.Response:
    headers = {
        "Origin": origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization",
    }
    return await http.options(path, headers=headers)


async def test_issue17_f8_cors_through_the_gateway_for_the_registered_origin_only(gateway_url: str) -> None:
    """Failure 8: a page on http://127.0.0.1:3000 (tongban-web's redirect URI) may call token, userinfo and
    revoke through the gateway; no other origin gets an allow header, and the rest of the API none at all."""
    async with httpx.AsyncClient(base_url=gateway_url, timeout=30) as http:
        for path in ("/identity/token", "/identity/userinfo", "/identity/revoke"):
            allowed = await _preflight(http, path, WEB_ORIGIN)
            assert allowed.status_code == 200, allowed.text
            assert allowed.headers["access-control-allow-origin"] == WEB_ORIGIN
            for stranger in ("http://127.0.0.1:3001", "https://127.0.0.1:3000", "http://evil.example"):
                refused = await _preflight(http, path, stranger)
                assert "access-control-allow-origin" not in refused.headers
        expired = {"Authorization": "Bearer a.b.c", "Origin": WEB_ORIGIN}
        userinfo = await http.get("/identity/userinfo", headers=expired)
        assert userinfo.status_code == 401
        assert (
            userinfo.headers["access-control-allow-origin"] == WEB_ORIGIN
        )  # identity answered, not the door
        assert "invalid_token" in userinfo.headers["www-authenticate"]
        for path in ("/cases/open-matters", "/identity/organizations"):
            other = await http.get(path, headers={"Origin": WEB_ORIGIN})
            assert "access-control-allow-origin" not in other.headers
