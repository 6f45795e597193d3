"""The token endpoint's lane (issue 21): the plain client-credentials request answered before FastAPI's
dependency solving and form parsing, everything else handed on to the route (``api.oauth_token``).

Plain means what :func:`meshkit.lane_forms.plain_form` admits (a URL-encoded form of declared fields, each once,
none empty, too long or hostile, no query string) with ``grant_type=client_credentials``. The lane answers such
a request with the route's own parts, in the route's order: the key ring, the presented credentials
(``presented_credentials``: Basic or form, not both), the same use case (``client_credentials_grant``), the same
OAuth error JSON and ``no-store`` headers (``api.oauth_responses``). Any other request — another grant, a repeated
or unknown parameter, a broken or unusual body, a missing ``grant_type`` — goes to the route, which refuses it
as it always has: there is one place that decides each refusal.
"""

from __future__ import annotations

from datetime import UTC, datetime

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from identity.api.oauth_deps import presented_credentials
from identity.api.oauth_responses import (
    NO_STORE,
    OAuthEndpointRoute,
    oauth_error_response,
    server_error_response,
)
from identity.settings import IdentitySettings
from identity.use_cases.client_credentials import client_credentials_grant
from identity.use_cases.oauth_keys import KeyCache
from meshkit.errors import ProblemError
from meshkit.lane_forms import plain_form
from meshkit.lanes import ServedFirstBy

__all__ = ["TokenRoute", "serve_token"]


async def serve_token(request: Request) -> Response | None:
    """A token response for a plain client-credentials request; None hands any other request to the route."""
    fields = await plain_form(request)
    if fields is None or fields.get("grant_type") != "client_credentials":
        return None
    state = request.app.state
    settings: IdentitySettings = state.settings
    keys: KeyCache = state.keys
    try:
        ring = await keys.ring(state.database)
        credentials = presented_credentials(
            request, client_id=fields.get("client_id"), client_secret=fields.get("client_secret")
        )
        grant = await client_credentials_grant(
            state.database,
            state.client_grants,
            credentials=credentials,
            scope=fields.get("scope"),
            ring=ring,
            policy=settings.token_policy(),
            pepper=settings.secret_key.get_secret_value(),
            now=datetime.now(UTC),
        )
    except ProblemError as problem:
        return oauth_error_response(problem)
    except Exception as exc:
        return await server_error_response(request, exc)
    return JSONResponse(grant.body(), headers=NO_STORE)


class TokenRoute(OAuthEndpointRoute, ServedFirstBy):
    """``POST /token``: served by the route's own handler, except what :func:`serve_token` answers."""

    handler = staticmethod(serve_token)
