"""Issue 18 failure 12 at the gateway: its own 405s list every method, its problems' ``instance`` is safe."""

from __future__ import annotations

import httpx
import pytest

pytestmark = pytest.mark.api


async def test_issue_18_failure_12_gateway_405_allow_and_safe_instance(client: httpx.AsyncClient) -> None:
    """Issue 18 failure 12: ``Allow`` from every route of the path; ``instance`` percent-encoded, never raw."""
    refused = await client.delete("/healthz")
    unrouted = await client.get("/no%1B[2Jsuch/%E2%80%AEx")
    internal = await client.get("/catalog/metrics/%07")

    assert (refused.status_code, refused.headers["allow"]) == (405, "GET, HEAD")
    # control characters in the path: refused before any route is looked at (outside try, session 12)
    assert unrouted.status_code == internal.status_code == 400
    assert unrouted.json()["code"] == internal.json()["code"] == "malformed_path"
    assert unrouted.json()["instance"] == "/no%1B%5B2Jsuch/%E2%80%AEx"
    assert internal.json()["instance"] == "/catalog/metrics/%07"
    for problem in (refused.json(), unrouted.json(), internal.json()):
        assert not any(ord(c) < 32 or c == "\u202e" for c in problem["instance"] + problem["detail"]), problem


async def test_a_clients_forwarded_prefix_is_no_part_of_the_gateways_own_instance(
    client: httpx.AsyncClient,
) -> None:
    """issue 19 outside try: services now always put the gateway's X-Forwarded-Prefix before their paths; the
    gateway itself is the edge, so a prefix a client sends it never shows in the gateway's own problems."""
    unrouted = await client.get("/no-such", headers={"X-Forwarded-Prefix": "/evil"})
    assert unrouted.status_code == 404
    assert unrouted.json()["instance"] == "/no-such"
