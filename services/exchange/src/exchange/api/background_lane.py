"""The background lane's gate: the process on port N+24 serves only what the cases worker needs, to it alone.

The lane (``EXCHANGE_BACKGROUND_LANE``) runs the exchange's whole app at nice 19 for the cases worker's batch
reads. Without a gate it served the whole API to any caller who reached the port — a way around the priority of
the people-facing processes, and a second door to every route. Here only the routes of the cases platform's
client (:mod:`cases.clients.exchange`: its resource lookups, batch reads and certificate issues) and the operations
paths are served, and only to a verified token of one of ``clients`` (``EXCHANGE_BACKGROUND_LANE_CLIENTS``).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from starlette.types import ASGIApp, Receive, Scope, Send

from meshkit.auth import TokenVerifier, refuse_revoked
from meshkit.errors import ProblemError, problem_response

__all__ = ["LANE_ROUTES", "BackgroundLaneGate"]

# (method, path pattern) of what the cases worker calls on the lane
LANE_ROUTES = (
    ("GET", re.compile(r"/resources/[^/]+")),
    ("POST", re.compile(r"/reads")),
    ("POST", re.compile(r"/certificates")),
)
_OPERATIONS = frozenset({"/healthz", "/readyz", "/metrics"})  # the launcher's readiness wait, Prometheus


def _served(method: str, path: str) -> bool:
    return any(method == m and pattern.fullmatch(path) for m, pattern in LANE_ROUTES)


def _bearer(scope: Scope) -> str | None:
    for name, value in scope.get("headers", ()):
        if name == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            return token.strip() if scheme.lower() == "bearer" and token.strip() else None
    return None


class BackgroundLaneGate:
    """Outermost middleware of a background lane's app (see the module docstring)."""

    def __init__(self, app: ASGIApp, *, clients: Collection[str]) -> None:
        self.app = app
        self.clients = frozenset(clients)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or (scope["method"] == "GET" and scope["path"] in _OPERATIONS):
            await self.app(scope, receive, send)
            return
        refusal = await self._refusal(scope)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        await self.app(scope, receive, send)

    async def _refusal(self, scope: Scope) -> ASGIApp | None:
        path = scope["path"][:200]
        if not _served(scope["method"], scope["path"]):
            return problem_response(
                status=404,
                code="route_not_found",
                detail=f"后台通道只服务办件平台的批量读取，此路径请走交换平台的正常入口: {path} (not served on the background lane)",
                instance=path,
            )
        token = _bearer(scope)
        if token is None:
            return problem_response(
                status=401,
                code="unauthenticated",
                detail="需要登录 (a Bearer access token is required)",
                instance=path,
                headers={"WWW-Authenticate": "Bearer"},
            )
        state = scope["app"].state
        verifier: TokenVerifier = state.verifier
        try:
            principal = await verifier.verify(token)
            refuse_revoked(getattr(state, "revocations", None), principal)  # revoked: 401 like every route
        except ProblemError as exc:
            return problem_response(
                status=exc.status, code=exc.code, detail=exc.detail, instance=path, headers=exc.headers
            )
        if principal.client_id not in self.clients:
            return problem_response(
                status=403,
                code="background_lane_forbidden",
                detail="后台通道只供办件平台的后台任务使用，请通过交换平台的正常入口访问 (background lane: cases platform only)",
                instance=path,
            )
        return None
