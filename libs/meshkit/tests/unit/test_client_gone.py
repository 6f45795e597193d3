"""A client that hangs up half-way through its body is not a server error (issue 21, outside try: every such
client left a service an ERROR line "error after the response was sent" with a ClientDisconnect traceback, and a
duration sample with status 500, though no 500 was ever sent)."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from fastapi import Request
from prometheus_client import REGISTRY

from meshkit.errors import install_error_handlers
from meshkit.keepalive import MeshApp
from meshkit.observability import RequestContextMiddleware


def _app() -> MeshApp:
    app = MeshApp()
    install_error_handlers(app)

    @app.post("/things")
    async def things(request: Request) -> dict[str, int]:
        return {"size": len(await request.body())}

    app.add_middleware(RequestContextMiddleware, service="gone-probe")
    return app


async def _leave_mid_body(app: MeshApp) -> list[dict[str, Any]]:
    messages = iter(
        [{"type": "http.request", "body": b'{"a":', "more_body": True}, {"type": "http.disconnect"}]
    )
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return next(messages)

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/things",
        "raw_path": b"/things",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"content-type", b"application/json"), (b"content-length", b"100")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    await app(scope, receive, send)
    return sent


async def test_a_client_gone_mid_body_is_logged_once_at_info_and_counted_499(
    caplog: pytest.LogCaptureFixture,
) -> None:
    labels = {"service": "gone-probe", "method": "POST", "route": "/things"}

    def count(status: str) -> float:
        return (
            REGISTRY.get_sample_value(
                "tongban_http_request_duration_seconds_count", {**labels, "status": status}
            )
            or 0.0
        )

    before = count("499"), count("500")
    caplog.set_level(logging.INFO, logger="meshkit.errors")
    sent = await _leave_mid_body(_app())
    assert sent[0]["status"] == 400  # the answer nobody reads: 400 malformed_body
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == []
    assert [r.getMessage() for r in caplog.records if r.name == "meshkit.errors"] == [
        "client disconnected before its request body arrived"
    ]
    assert (count("499") - before[0], count("500") - before[1]) == (1, 0)
