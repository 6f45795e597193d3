"""Dependencies of the OpenID Provider routes: OAuth-style request errors, client authentication, the token
policy, the signing keys, identity's own access-token verifier, and the OP's cookies."""

from __future__ import annotations

import base64
from collections.abc import Callable, Coroutine, Mapping
from datetime import UTC, datetime
from typing import Annotated, Any
from urllib.parse import unquote_plus, urlsplit

import httpx
from fastapi import Depends, FastAPI, Form, Request, Response, Security
from fastapi.exceptions import RequestValidationError
from fastapi.security import HTTPBasic, HTTPBasicCredentials

from identity.api.dependencies import CipherDep, SettingsDep, UowDep
from identity.domain.tokens import TokenPolicy
from identity.settings import IdentitySettings
from identity.store.models import Client
from identity.use_cases.oauth_keys import KeyCache, KeyRing
from identity.use_cases.tokens import ClientCredentials, OAuthError, authenticate_client
from meshkit.auth import TokenVerifier
from meshkit.bodies import BodyRefused
from meshkit.errors import ProblemError
from meshkit.guard import GuardedRoute
from meshkit.messages import message_of
from meshkit.openapi import INVALID_INPUT_STATUS

__all__ = [
    "LOGIN_COOKIE",
    "SESSION_COOKIE",
    "AccessTokenCheckDep",
    "CipherDep",
    "ClientCredentialsDep",
    "ConfidentialClientDep",
    "KeyRingDep",
    "OAuthRoute",
    "PolicyDep",
    "clear_cookie",
    "key_cache",
    "local_jwks_client",
    "local_verifier",
    "presented_credentials",
    "set_cookie",
]

SESSION_COOKIE = "tb_session"  # the login session (single sign-on)
LOGIN_COOKIE = "tb_login"  # binds a login form to the browser that asked for it (CSRF)


class OAuthRoute(GuardedRoute):
    """Bad parameters at the OAuth endpoints are RFC 6749 ``invalid_request`` (400), not 422 — also what meshkit's
    guard refuses (control characters, a body that is not a form or does not parse), after the client is known —
    and their documents say so."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **options: Any) -> None:
        options["openapi_extra"] = {**(options.get("openapi_extra") or {}), INVALID_INPUT_STATUS: 400}
        super().__init__(path, endpoint, **options)

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            try:
                return await handler(request)
            except RequestValidationError as exc:
                fields = sorted({str(e.get("loc", ("", ""))[-1]) for e in exc.errors()})
                why = "；".join(f"{e.get('loc', ('', ''))[-1]}：{message_of(e)}" for e in exc.errors()[:5])
                raise OAuthError(
                    f"请求参数缺失或不符合要求：{why} (invalid or missing: {', '.join(fields)})"
                ) from exc
            except BodyRefused as exc:
                raise OAuthError(f"{exc.detail} (the body must be a form)") from exc

        return route


def key_cache(settings: IdentitySettings) -> KeyCache:
    return KeyCache(
        secret=settings.secret_key.get_secret_value(),
        policy=settings.rotation_policy(),
        max_age=settings.key_cache_seconds,
    )


class _LocalJwks(httpx.AsyncBaseTransport):
    """Serves identity's own JWKS to its verifier straight from the key table (no HTTP round trip)."""

    def __init__(self, app: FastAPI) -> None:
        self._app = app

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        cache: KeyCache = self._app.state.keys
        ring = await cache.ring(self._app.state.database, fresh=True)
        return httpx.Response(200, json=ring.jwks(datetime.now(UTC)), request=request)


def local_jwks_client(app: FastAPI) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=_LocalJwks(app))


def local_verifier(settings: IdentitySettings, client: httpx.AsyncClient) -> TokenVerifier:
    """The same verifier every service uses (typ, ES256, iss, aud, exp, unknown kid → one refetch), over
    identity's own keys (``client`` from :func:`local_jwks_client`). Revocation is checked separately."""
    return TokenVerifier(
        jwks_url="http://identity.local/.well-known/jwks.json",
        issuer=settings.issuer.rstrip("/"),
        audience=settings.audience,
        client=client,
    )


async def _policy(settings: SettingsDep) -> TokenPolicy:
    return settings.token_policy()


async def _ring(request: Request) -> KeyRing:
    cache: KeyCache = request.app.state.keys
    return await cache.ring(request.app.state.database)


def _access_token_check(request: Request) -> Callable[[str], Coroutine[Any, Any, Mapping[str, Any] | None]]:
    verifier: TokenVerifier = request.app.state.op_verifier

    async def check(token: str) -> Mapping[str, Any] | None:
        try:
            return (await verifier.verify(token)).claims
        except ProblemError:
            return None

    return check


def _basic(request: Request) -> tuple[str, str] | None:
    scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        client_id, colon, secret = base64.b64decode(encoded, validate=True).decode().partition(":")
    except (
        ValueError
    ) as exc:  # binascii.Error, UnicodeDecodeError, and a str with non-ASCII (outside try: 500)
        raise OAuthError(
            "Basic 认证头格式错误 (malformed Basic credentials)",
            status=401,
            code="invalid_client",
            headers={"WWW-Authenticate": 'Basic realm="tongban"'},
        ) from exc
    if not colon:
        raise OAuthError(
            "Basic 认证头格式错误 (malformed Basic credentials)",
            status=401,
            code="invalid_client",
            headers={"WWW-Authenticate": 'Basic realm="tongban"'},
        )
    # RFC 6749 §2.3.1: both parts are form-urlencoded before the Basic encoding.
    return unquote_plus(client_id), unquote_plus(secret)


# Client authentication at the token, introspection and revocation endpoints, declared in the OpenAPI document
# (the header itself is read by _basic, for OAuth's own errors). OpenAPI has no scheme for credentials in a form
# body: client_secret_post sends the same pair as the form fields client_id and client_secret instead.
class _DeclaredBasic(HTTPBasic):
    """Only declares the scheme: :func:`_basic` reads the header, with OAuth's own errors."""

    async def __call__(self, request: Request) -> HTTPBasicCredentials | None:  # type: ignore[override]
        return None


CLIENT_BASIC = _DeclaredBasic(
    scheme_name="client_basic",
    auto_error=False,
    description="OAuth client authentication (客户端认证, RFC 6749 §2.3.1): client_secret_basic, `client_id:client_"
    "secret` form-urlencoded then Basic-encoded. client_secret_post is accepted instead: the same two values as "
    "the form fields `client_id` and `client_secret`.",
)


async def _client_credentials(
    request: Request,
    _declared: Annotated[HTTPBasicCredentials | None, Security(CLIENT_BASIC)],
    client_id: Annotated[str | None, Form(max_length=64)] = None,
    client_secret: Annotated[str | None, Form(max_length=200)] = None,
) -> ClientCredentials:
    return presented_credentials(request, client_id=client_id, client_secret=client_secret)


def presented_credentials(
    request: Request, *, client_id: str | None, client_secret: str | None
) -> ClientCredentials:
    """What the client presented: the Basic header, or the form's ``client_id`` and ``client_secret`` (both at
    once is ``invalid_request``). The dependency above, and the token endpoint's lane (``api.token_lane``)."""
    basic = _basic(request)
    if basic is not None:
        if client_secret or (client_id and client_id != basic[0]):
            raise OAuthError("只能使用一种客户端认证方式 (use exactly one client authentication method)")
        return ClientCredentials(client_id=basic[0], secret=basic[1], method="client_secret_basic")
    if client_secret:
        return ClientCredentials(client_id=client_id or "", secret=client_secret, method="client_secret_post")
    return ClientCredentials(client_id=client_id or "", secret=None, method="none")


async def _confidential_client(
    uow: UowDep, settings: SettingsDep, credentials: ClientCredentialsDep
) -> Client:
    """A confidential client that proved its secret (basic or post), else 401 ``invalid_client`` — before the
    request's other parameters are looked at."""
    return await authenticate_client(
        uow, credentials=credentials, pepper=settings.secret_key.get_secret_value(), confidential_only=True
    )


def set_cookie(
    response: Response, settings: IdentitySettings, name: str, value: str, *, max_age: int
) -> None:
    """HttpOnly, SameSite=Lax, Secure unless dev, scoped to the issuer's path (``/identity`` via the gateway)."""
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path=_cookie_path(settings),
        secure=settings.cookie_secure,
        httponly=True,
        samesite="lax",
    )


def clear_cookie(response: Response, settings: IdentitySettings, name: str) -> None:
    response.delete_cookie(
        name, path=_cookie_path(settings), secure=settings.cookie_secure, httponly=True, samesite="lax"
    )


def _cookie_path(settings: IdentitySettings) -> str:
    return urlsplit(settings.issuer).path.rstrip("/") or "/"


PolicyDep = Annotated[TokenPolicy, Depends(_policy)]
KeyRingDep = Annotated[KeyRing, Depends(_ring)]
ClientCredentialsDep = Annotated[ClientCredentials, Depends(_client_credentials)]
ConfidentialClientDep = Annotated[Client, Depends(_confidential_client)]
AccessTokenCheckDep = Annotated[
    Callable[[str], Coroutine[Any, Any, Mapping[str, Any] | None]], Depends(_access_token_check)
]
