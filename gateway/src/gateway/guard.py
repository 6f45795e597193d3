"""The gateway's token check: a Bearer token that is invalid, expired or revoked (the deny list kept from
identity's revocation events, :mod:`meshkit.revocation`) never reaches a service.

Requests without a Bearer token pass (the service decides whether it needs one), and so do other schemes
(e.g. HTTP Basic for client authentication at identity's token endpoint). Services verify again (zero trust).
"""

from __future__ import annotations

from starlette.types import ASGIApp, Scope

from gateway.routes import Route
from gateway.throttle import PRINCIPAL
from meshkit.auth import TokenVerifier, refuse_revoked
from meshkit.errors import ProblemError, problem_response
from meshkit.revocation import DenyList

__all__ = ["TokenGuard"]


class TokenGuard:
    def __init__(self, verifier: TokenVerifier, deny: DenyList | None = None) -> None:
        self._verifier = verifier
        self._deny = deny

    async def __call__(self, scope: Scope, route: Route) -> ASGIApp | None:
        token = _bearer_token(scope)
        if token is None:
            return None
        try:
            principal = await self._verifier.verify(token)
            refuse_revoked(self._deny, principal)
            scope[PRINCIPAL] = principal
        except ProblemError as exc:
            return problem_response(
                status=exc.status,
                code=exc.code,
                detail=exc.detail,
                instance=scope.get("path"),
                headers=exc.headers,
            )
        return None


def _bearer_token(scope: Scope) -> str | None:
    for name, value in scope["headers"]:
        if name == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            if scheme.lower() == "bearer":
                return token.strip() or "-"
            return None
    return None
