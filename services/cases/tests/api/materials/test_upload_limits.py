"""Issue 17, failure 9 (the cases part): the cases API took 10 MiB bodies on every route when reached directly, and
a material's uploads had no cap (every replaced file stays stored). Only the upload route takes a file-sized body;
every other route refuses more than ``max_body_bytes`` itself; uploads stop at a per-material and a per-case cap
with a 413 problem in Chinese."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from cases.main import create_app
from cases.settings import CasesSettings
from meshkit.db import Database
from meshkit.embedded import EmbeddedNats
from meshkit.testing.service import TEST_SECRET, app_client
from meshkit.testing.tokens import TokenFactory

from ..conftest import Flow, filing
from .conftest import REGISTRATION

pytestmark = pytest.mark.api

MIB = 1024 * 1024
FILE = b"%PDF-1.7\n" + b"0" * 591  # 600 bytes


def _file(headers: dict[str, str]) -> dict[str, str]:
    return {**headers, "Content-Type": "application/pdf", "X-Filename": "a.pdf"}


@pytest.fixture
async def capped(
    migrated_url: str, nats_server: EmbeddedNats, database: Database, tokens: TokenFactory
) -> AsyncIterator[Flow]:
    """The cases app with small caps: 1,500 bytes per material, 1,700 per case."""
    settings = CasesSettings(
        database_url=migrated_url,
        nats_url=nats_server.url,
        environment="test",
        secret_key=TEST_SECRET,
        issuer="http://issuer.test",
        client_secret="test-client-secret",
        material_upload_cap_bytes=1500,
        case_upload_cap_bytes=1700,
    )
    async with app_client(create_app(settings), database=database, tokens=tokens) as client:
        yield Flow(client, tokens, database)


async def _apply(flow: Flow) -> str:
    response = await flow.client.post(
        "/cases", json={"matter_code": REGISTRATION}, headers=filing(flow.citizen())
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def test_issue17_failure9_only_the_upload_route_takes_a_large_body(
    flow: Flow, registration: str
) -> None:
    """Reached directly (no gateway), a 2 MiB body is refused on a JSON route with 413, while the upload route
    takes a 2 MiB file."""
    case_id = await _apply(flow)
    big = b'{"action": "' + b"x" * (2 * MIB) + b'"}'
    for path in ("/cases", f"/cases/{case_id}/actions", f"/cases/{case_id}/evaluation"):
        refused = await flow.client.post(
            path, content=big, headers={**flow.citizen(), "Content-Type": "application/json"}
        )
        assert refused.status_code == 413, (path, refused.text)
        assert refused.headers["content-type"] == "application/problem+json"
        assert refused.json()["code"] == "payload_too_large"
        assert "请求体超过上限" in refused.json()["detail"]
    large_file = b"%PDF-1.7\n" + b"0" * (2 * MIB)
    uploaded = await flow.client.post(
        f"/cases/{case_id}/materials/M01/upload", content=large_file, headers=_file(flow.citizen())
    )
    assert uploaded.status_code == 201, uploaded.text


async def test_issue17_failure9_uploads_stop_at_the_material_and_case_caps(
    capped: Flow, registration: str
) -> None:
    flow = capped
    case_id = await _apply(flow)
    url = f"/cases/{case_id}/materials"
    for _ in range(2):  # 1,200 bytes of 1,500 for M01: a replaced file still counts
        ok = await flow.client.post(f"{url}/M01/upload", content=FILE, headers=_file(flow.citizen()))
        assert ok.status_code == 201, ok.text
    material_full = await flow.client.post(f"{url}/M01/upload", content=FILE, headers=_file(flow.citizen()))
    assert material_full.status_code == 413, material_full.text
    problem = material_full.json()
    assert problem["code"] == "material_upload_cap_reached"
    assert "本项材料累计上传已达上限 1500 字节" in problem["detail"]
    case_full = await flow.client.post(f"{url}/M03/upload", content=FILE, headers=_file(flow.citizen()))
    assert case_full.status_code == 413, case_full.text  # 1,200 + 600 > 1,700 for the case
    assert case_full.json()["code"] == "case_upload_cap_reached"
    assert "本件申请累计上传已达上限 1700 字节" in case_full.json()["detail"]
    listed = await flow.client.get(url, headers=flow.citizen())
    assert listed.status_code == 200, listed.text
    assert len(listed.json()["uploads"]) == 2  # nothing of the refused files was stored
