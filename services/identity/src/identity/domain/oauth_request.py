"""The authorization request (RFC 6749 §4.1, OIDC Core §3.1.2) as a pure check, where its answer goes, and the
pending request carried through the login form, signed and bound to the browser."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, Protocol
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from identity.domain.oauth import valid_code_challenge
from identity.domain.tokens import granted_scopes

__all__ = [
    "PROMPTS",
    "AuthorizationError",
    "AuthorizationRequest",
    "RegisteredClient",
    "check_authorization_request",
    "open_pending",
    "redirect_to",
    "seal_pending",
    "unique_params",
]

PROMPTS = frozenset({"none", "login", "consent", "select_account"})


class RegisteredClient(Protocol):
    @property
    def client_id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def active(self) -> bool: ...
    @property
    def scopes(self) -> str: ...
    @property
    def grant_types(self) -> list[str]: ...
    @property
    def redirect_uris(self) -> list[str]: ...


class AuthorizationError(Exception):
    """``redirect_uri`` None: shown as an error page, never redirected (unknown client or redirect URI)."""

    def __init__(
        self,
        error: str,
        description: str,
        message: str,
        *,
        redirect_uri: str | None = None,
        state: str | None = None,
    ) -> None:
        super().__init__(description)
        self.error = error
        self.description = description  # ASCII, for error_description (RFC 6749 §4.1.2.1)
        self.message = message  # Chinese, for the person at the browser
        self.redirect_uri = redirect_uri
        self.state = state


@dataclass(frozen=True)
class AuthorizationRequest:
    client_id: str
    redirect_uri: str
    scopes: tuple[str, ...]
    code_challenge: str
    client_name: str = ""  # shown on the login page
    state: str | None = None
    nonce: str | None = None
    prompt: tuple[str, ...] = ()
    max_age: int | None = None
    acr_values: tuple[str, ...] = ()
    login_hint: str | None = None
    hint_sub: str | None = None  # the account a valid id_token_hint names (its sub towards this client)
    hint_kind: str | None = None  # and its tb_kind

    @property
    def forces_login(self) -> bool:
        """``prompt=login``, ``max_age=0``, or ``prompt=select_account``: Tongban has one login per browser,
        so choosing an account means logging in with it on the login page (OIDC Core §3.1.2.1)."""
        return "login" in self.prompt or "select_account" in self.prompt or self.max_age == 0

    def accepts_session(self, *, auth_time: datetime, now: datetime) -> bool:
        """Whether an existing login may answer this request without showing the login page (SSO)."""
        if self.forces_login:
            return False
        return self.max_age is None or (now - auth_time).total_seconds() <= self.max_age


_LIMITS = {
    "state": 1024,
    "nonce": 255,
    "login_hint": 64,
    "id_token_hint": 4096,
    "acr_values": 64,
    "scope": 1000,
    "redirect_uri": 2000,
}


def check_authorization_request(
    params: Mapping[str, str], client: RegisteredClient | None
) -> AuthorizationRequest:
    """Validate in the order RFC 6749 §4.1.2.1 demands: client and redirect URI first (errors shown, not
    redirected), then everything else (errors redirected to the client with ``state``)."""
    if client is None or not client.active:
        raise AuthorizationError("invalid_client", "unknown client", "应用未注册或已停用，无法登录。")
    redirect_uri = params.get("redirect_uri", "")
    if redirect_uri not in client.redirect_uris:
        raise AuthorizationError(
            "invalid_request",
            "redirect_uri is not registered for this client",
            "回调地址与应用登记的不一致，已拒绝跳转。",
        )
    state = params.get("state") or None

    def fail(error: str, description: str, message: str) -> AuthorizationError:
        return AuthorizationError(error, description, message, redirect_uri=redirect_uri, state=state)

    for name, limit in _LIMITS.items():
        if len(params.get(name, "")) > limit:
            raise fail("invalid_request", f"{name} is too long", f"参数 {name} 过长。")
    if "request" in params:
        raise fail("request_not_supported", "request objects are not supported", "不支持 request 参数。")
    if "request_uri" in params:
        raise fail("request_uri_not_supported", "request_uri is not supported", "不支持 request_uri 参数。")
    if params.get("response_type") != "code":
        raise fail("unsupported_response_type", "only response_type=code is supported", "仅支持授权码模式。")
    if params.get("response_mode", "query") != "query":
        raise fail("invalid_request", "only response_mode=query is supported", "仅支持 query 响应方式。")
    if "authorization_code" not in client.grant_types:
        raise fail(
            "unauthorized_client",
            "client may not use the authorization code grant",
            "该应用未开通授权码模式。",
        )
    challenge = params.get("code_challenge", "")
    if not challenge:
        raise fail("invalid_request", "code_challenge is required (PKCE)", "缺少 PKCE 参数 code_challenge。")
    if params.get("code_challenge_method") != "S256":
        raise fail("invalid_request", "code_challenge_method must be S256", "PKCE 只支持 S256 方法。")
    if not valid_code_challenge(challenge):
        raise fail(
            "invalid_request", "code_challenge is not BASE64URL(SHA256)", "code_challenge 格式不正确。"
        )
    scopes = granted_scopes(params.get("scope"), client.scopes)
    if scopes is None:
        raise fail(
            "invalid_scope", "scope exceeds what the client may request", "申请的权限超出应用的允许范围。"
        )
    prompt = tuple(params.get("prompt", "").split())
    if not set(prompt) <= PROMPTS or ("none" in prompt and len(prompt) > 1):
        raise fail("invalid_request", "unsupported prompt value", "prompt 参数无效。")
    max_age = params.get("max_age")
    if max_age is not None and not (max_age.isascii() and max_age.isdigit() and len(max_age) <= 9):
        raise fail("invalid_request", "max_age must be a non-negative integer", "max_age 参数无效。")
    return AuthorizationRequest(
        client_id=client.client_id,
        redirect_uri=redirect_uri,
        scopes=tuple(scopes),
        code_challenge=challenge,
        client_name=client.name,
        state=state,
        nonce=params.get("nonce") or None,
        prompt=prompt,
        max_age=int(max_age) if max_age is not None else None,
        acr_values=tuple(params.get("acr_values", "").split()),
        login_hint=params.get("login_hint") or None,
    )


def redirect_to(redirect_uri: str, params: Mapping[str, str | None]) -> str:
    """The registered redirect URI with the response parameters added to its query (its own query kept)."""
    parts = urlsplit(redirect_uri)
    query = parse_qsl(parts.query, keep_blank_values=True)
    query += [(key, value) for key, value in params.items() if value is not None]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def _signature(secret: str, payload: str, binding: str) -> str:
    key = hashlib.sha256(f"pending-authorization:{secret}".encode()).digest()
    digest = hmac.new(key, f"{payload}.{binding}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def seal_pending(request: AuthorizationRequest, *, secret: str, binding: str, expires_at: datetime) -> str:
    """The pending request for the login form's hidden field: signed, expiring, and valid only together with
    the browser's login cookie (``binding``), so it doubles as the form's CSRF token."""
    body = {"request": asdict(request), "exp": int(expires_at.timestamp())}
    payload = base64.urlsafe_b64encode(json.dumps(body, separators=(",", ":")).encode()).rstrip(b"=").decode()
    return f"{payload}.{_signature(secret, payload, binding)}"


def open_pending(sealed: str, *, secret: str, binding: str, now: datetime) -> AuthorizationRequest | None:
    """The request sealed by :func:`seal_pending`, or None when forged, expired or from another browser."""
    payload, _, signature = sealed.partition(".")
    if not binding or not hmac.compare_digest(signature, _signature(secret, payload, binding)):
        return None
    try:
        body: dict[str, Any] = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (ValueError, binascii.Error):
        return None
    if int(body.get("exp", 0)) < now.timestamp():
        return None
    fields = body["request"]
    for name in ("scopes", "prompt", "acr_values"):
        fields[name] = tuple(fields[name])
    return AuthorizationRequest(**fields)


def unique_params(items: Sequence[tuple[str, str]]) -> dict[str, str] | None:
    """Request parameters as a dict; None when one is repeated (RFC 6749 §3.1 forbids it)."""
    params: dict[str, str] = {}
    for key, value in items:
        if key in params:
            return None
        params[key] = value
    return params
