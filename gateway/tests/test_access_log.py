"""Issue 20, failure 4: the gateway wrote nothing per request (uvicorn's access log is at WARNING). Now one JSON-ready
access line per request: method, route template, status, duration, client id, and nothing the caller sent in the
path or query string."""

from __future__ import annotations

import json
import logging

import httpx
import pytest

from meshkit.observability import JsonFormatter
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api

ID_NUMBER = "500110199001011234"


async def test_failure4_one_access_line_per_request_with_route_client_and_trace_but_no_personal_data(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    """Issue 20, failure 4: no access log at the gateway; a request could not be followed."""
    trace_id = "0af7651916cd43dd8448eb211c80319c"
    headers = {
        **tokens.headers(sub="clerk-1", kind="staff", client_id="qijiang-window"),
        "traceparent": f"00-{trace_id}-b7ad6b7169203331-01",
    }
    lines = _Lines()
    access = logging.getLogger("meshkit.access")
    access.addHandler(lines)
    level = access.level
    access.setLevel(logging.INFO)
    try:
        response = await client.get(f"/catalog/echo/{ID_NUMBER}?id_number={ID_NUMBER}", headers=headers)
        await client.get("/healthz")
    finally:
        access.removeHandler(lines)
        access.setLevel(level)
    assert response.status_code == 200
    assert len(lines.lines) == 2  # one per request
    line = lines.lines[0]
    assert line["method"] == "GET"
    assert line["route"] == "/catalog/{path}"
    assert line["status"] == 200
    assert line["client_id"] == "qijiang-window"
    assert isinstance(line["duration_ms"], float)
    assert line["trace_id"] == trace_id  # the caller's trace, on the line written in the request's context
    assert line["request_id"] == response.headers["x-request-id"]
    assert ID_NUMBER[:10] not in json.dumps(line)  # no path, no query string
    assert "client_id" not in lines.lines[1]  # anonymous: none


class _Lines(logging.Handler):
    """Formats as the process's handler does: at emit, inside the request's context."""

    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(JsonFormatter("gateway"))
        self.lines: list[dict[str, object]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(json.loads(self.format(record)))
