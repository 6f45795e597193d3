"""Issue 17, failure 9 (the parts about responses and bodies), against the real processes: no response says
``Server: uvicorn``, every response of every service and the gateway carries ``X-Content-Type-Options: nosniff``,
personal responses are ``Cache-Control: no-store`` (through the gateway and directly), and the cases API refuses
a large body on a JSON route when reached directly, not only through the gateway."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

from tongban.mesh import Mesh

pytestmark = pytest.mark.e2e

LogIn = Callable[..., Awaitable[tuple[dict[str, str], dict[str, Any]]]]
CHEN = "500222199803070028"  # demo person 陈晓梅


def _closed(response: httpx.Response) -> None:
    where = f"{response.request.method} {response.request.url} → {response.status_code}"
    assert "server" not in response.headers, where
    assert response.headers.get("x-content-type-options") == "nosniff", where


async def test_issue17_failure9_no_server_header_and_nosniff_everywhere(mesh: Mesh) -> None:
    specs = [*mesh.config.services, *mesh.config.lanes]
    assert mesh.config.gateway is not None
    urls = [mesh.config.url(spec) for spec in specs] + [mesh.config.url(mesh.config.gateway)]
    async with httpx.AsyncClient(timeout=30) as http:
        for url in urls:
            for path in ("/healthz", "/readyz", "/no-such-route", "/openapi.json"):
                _closed(await http.get(f"{url}{path}"))
        gateway = mesh.config.url(mesh.config.gateway)
        for path in ("/catalog/search?q=开饭店", "/cases/open-matters", "/identity/me", "/nowhere"):
            _closed(await http.get(f"{gateway}{path}"))


async def test_issue17_failure9_personal_responses_are_no_store(
    http: httpx.AsyncClient, log_in: LogIn, mesh: Mesh
) -> None:
    headers, claims = await log_in(CHEN)
    personal = [
        "/identity/me",
        "/identity/me/enterprises",
        "/identity/userinfo",
        f"/identity/persons/{claims['sub']}",
        f"/identity/persons/{claims['sub']}?reveal=true",
        "/cases/me/cases",
        "/exchange/access-log/mine",
    ]
    for path in personal:
        response = await http.get(path, headers=headers)
        assert response.status_code == 200, (path, response.text)
        assert response.headers.get("cache-control") == "no-store", path
        _closed(response)
    by_name = {spec.name: mesh.config.url(spec) for spec in mesh.config.services}
    async with httpx.AsyncClient(timeout=30) as direct:  # the services themselves, without the gateway
        for service, path in (("cases", "/me/cases"), ("exchange", "/access-log/mine"), ("identity", "/me")):
            response = await direct.get(f"{by_name[service]}{path}", headers=headers)
            assert response.status_code == 200, (service, path, response.text)
            assert response.headers.get("cache-control") == "no-store", (service, path)
    public = await http.get("/cases/open-matters")
    assert "no-store" not in public.headers.get("cache-control", "")  # what anyone may cache stays cacheable


async def test_issue17_failure9_cases_refuses_large_bodies_itself(log_in: LogIn, mesh: Mesh) -> None:
    headers, _ = await log_in(CHEN)
    cases = next(mesh.config.url(spec) for spec in mesh.config.services if spec.name == "cases")
    body = b'{"matter_code": "' + b"x" * (2 * 1024 * 1024) + b'"}'
    async with httpx.AsyncClient(timeout=30) as direct:
        for path in ("/cases", "/cases/00000000-0000-0000-0000-000000000000/actions"):
            refused = await direct.post(
                f"{cases}{path}", content=body, headers={**headers, "Content-Type": "application/json"}
            )
            assert refused.status_code == 413, (path, refused.text[:200])
            assert refused.json()["code"] == "payload_too_large"
