"""Access-token verification against identity's JWKS, and the route dependencies that say who may call.

Every service verifies tokens itself (zero trust). The JWKS is cached; a token with an unknown ``kid`` triggers
one refetch, at most once per ``refetch_interval``.

Routes state who may call them with a dependency, checked before the request body is looked at:
``OptionalPrincipal`` (anyone; a token, when sent, must be valid), ``CurrentPrincipal`` (any valid token), or
``Requires(kinds=…, scopes=…, roles=…)`` (a valid token of one of ``kinds`` holding one of the scopes or roles).
What depends on the record (this clerk's department, this applicant's case) stays the owning service's domain
rule, checked in its use case. :mod:`meshkit.access_docs` derives each operation's OpenAPI ``security`` from
these dependencies.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Annotated, Any

import httpx
from cryptography.hazmat.primitives.asymmetric import ec
from fastapi import Depends, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from jwt import PyJWK

from meshkit.errors import ProblemError
from meshkit.jws import ExpiredToken, InvalidToken, decode_header, verify_es256
from meshkit.revocation import DenyList

__all__ = [
    "KIND_NAMES",
    "CurrentPrincipal",
    "OptionalPrincipal",
    "Principal",
    "Requires",
    "TokenVerifier",
    "Unauthorized",
    "bearer_scheme",
    "current_principal",
    "optional_principal",
    "refuse_revoked",
]

ALGORITHMS = ["ES256"]


class Unauthorized(ProblemError):
    status = 401
    code = "invalid_token"

    def __init__(self, detail: str) -> None:
        super().__init__(detail, headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})


@dataclass(frozen=True)
class Principal:
    """Who is calling, from the verified token's claims (ARCHITECTURE §7)."""

    sub: str
    client_id: str
    kind: str  # person | enterprise | staff | system
    scopes: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    acr: int = 0
    org: str | None = None
    region: str | None = None
    token_id: str | None = None
    claims: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def has_scope(self, scope: str) -> bool:
        return scope in self.scopes

    def has_role(self, *roles: str) -> bool:
        return not self.roles.isdisjoint(roles)

    @classmethod
    def from_claims(cls, claims: dict[str, Any]) -> Principal:
        acr = claims.get("acr", "0")
        return cls(
            sub=str(claims["sub"]),
            client_id=str(claims.get("client_id", "")),
            kind=str(claims.get("tb_kind", "person")),
            scopes=frozenset(str(claims.get("scope", "")).split()),
            roles=frozenset(claims.get("roles") or ()),
            acr=int(acr) if str(acr).isdigit() else 0,
            org=claims.get("org"),
            region=claims.get("region"),
            token_id=claims.get("jti"),
            claims=claims,
        )


class TokenVerifier:
    def __init__(
        self,
        *,
        jwks_url: str,
        issuer: str,
        audience: str | None,
        client: httpx.AsyncClient,
        refetch_interval: float = 30.0,
        leeway: float = 5.0,
        cache_size: int = 10_000,
    ) -> None:
        self._jwks_url = jwks_url
        self._issuer = issuer
        self._audience = audience
        self._client = client
        self._refetch_interval = refetch_interval
        self._leeway = leeway
        self._keys: dict[str, ec.EllipticCurvePublicKey] = {}
        self._last_forced = float("-inf")
        self._lock = asyncio.Lock()
        self.fetch_count = 0
        # Verified tokens until they expire: a signature check costs far more than a dict lookup.
        self._verified: OrderedDict[str, tuple[Principal, float]] = OrderedDict()
        self._cache_size = cache_size

    async def _refresh(self, *, force: bool) -> None:
        async with self._lock:
            if not force and self._keys:
                return
            if force:
                if time.monotonic() - self._last_forced < self._refetch_interval:
                    return  # an unknown kid may trigger one refetch per interval, not one per request
                self._last_forced = time.monotonic()
            try:
                response = await self._client.get(self._jwks_url, timeout=5.0)
                response.raise_for_status()
                keys = response.json().get("keys", [])
            except (httpx.HTTPError, ValueError) as exc:
                raise ProblemError(
                    "暂时无法获取签名公钥 (JWKS unavailable)", status=503, code="jwks_unavailable"
                ) from exc
            self.fetch_count += 1
            parsed = {}
            for key in keys:
                if "kid" in key and key.get("use", "sig") == "sig":
                    public = PyJWK.from_dict(key).key  # parsed once per fetch, not per token
                    if isinstance(public, ec.EllipticCurvePublicKey):
                        parsed[key["kid"]] = public
            self._keys = parsed

    async def verify(self, token: str) -> Principal:
        cached = self._verified.get(token)
        if cached is not None:
            if time.time() < cached[1]:
                return cached[0]
            del self._verified[token]
        principal = await self._verify_signed(token)
        if self._cache_size:
            self._verified[token] = (principal, float(principal.claims["exp"]))
            if len(self._verified) > self._cache_size:
                self._verified.popitem(last=False)
        return principal

    async def _verify_signed(self, token: str) -> Principal:
        try:
            header, compact = decode_header(token)  # meshkit.jws: one parse, OpenSSL's ES256 (issue 21)
        except InvalidToken as exc:
            raise Unauthorized("令牌格式无效 (malformed token)") from exc
        if header.get("alg") not in ALGORITHMS:
            raise Unauthorized(f"不接受的签名算法 {header.get('alg')!r} (only ES256)")
        if str(header.get("typ", "")).lower() not in ("at+jwt", "application/at+jwt"):
            raise Unauthorized("不是访问令牌 (typ must be at+jwt)")
        kid = header.get("kid")
        if not self._keys:  # the first token: fetch the JWKS (under the lock); later ones skip the lock
            await self._refresh(force=False)
        if not isinstance(kid, str) or kid not in self._keys:
            await self._refresh(force=True)
        key = self._keys.get(kid) if isinstance(kid, str) else None
        if key is None:
            raise Unauthorized("未知的签名密钥 (unknown kid)")
        try:
            claims = verify_es256(
                compact,
                key,
                issuer=self._issuer,
                audience=self._audience,
                leeway=self._leeway,
                now=time.time(),
            )
        except ExpiredToken as exc:
            raise Unauthorized("令牌已过期 (token expired)") from exc
        except InvalidToken as exc:
            raise Unauthorized(f"令牌无效 (invalid token: {exc})") from exc
        return Principal.from_claims(claims)


def _bearer(request: Request) -> str | None:
    value = request.headers.get("authorization")
    if not value:
        return None
    scheme, _, token = value.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise Unauthorized("Authorization 头须为 Bearer 令牌")
    return token.strip()


# Declares the scheme in the OpenAPI document; the header itself is parsed by _bearer for precise errors.
bearer_scheme = HTTPBearer(
    auto_error=False,
    scheme_name="bearer",
    bearerFormat="JWT",
    description="Access token (访问令牌; RFC 9068 JWT, ES256) issued by identity",
)


async def optional_principal(
    request: Request, _credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer_scheme)]
) -> Principal | None:
    token = _bearer(request)
    if token is None:
        return None
    verifier: TokenVerifier = request.app.state.verifier
    principal = await verifier.verify(token)
    refuse_revoked(getattr(request.app.state, "revocations", None), principal)
    return principal


def refuse_revoked(deny: DenyList | None, principal: Principal) -> None:
    """401 for a token identity has revoked (its ``jti``, session, family, subject or client): an in-memory
    lookup in this process's deny list (:mod:`meshkit.revocation`), no I/O."""
    if deny is not None:
        reason = deny.refusal(principal.claims)
        if reason is not None:
            raise Unauthorized(reason)


async def current_principal(
    request: Request, _credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer_scheme)]
) -> Principal:
    principal = await optional_principal(request, _credentials)
    if principal is None:
        raise ProblemError(
            "需要登录 (a Bearer access token is required)",
            status=401,
            code="unauthenticated",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return principal


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]
OptionalPrincipal = Annotated[Principal | None, Depends(optional_principal)]


KIND_NAMES = {"person": "个人", "enterprise": "企业", "staff": "工作人员", "system": "部门系统"}


class Requires:
    """Route dependency: a valid token (else 401) whose kind is one of ``kinds`` and that holds at least one of
    ``scopes`` or ``roles`` (else 403 with ``code``: ``insufficient_scope`` unless the service keeps its own),
    checked before the body is validated. Empty ``kinds`` admits every kind; empty ``scopes`` and ``roles`` admit
    every holder of an admitted kind. Returns the :class:`Principal` for the use case's own, record-dependent
    checks. ``what`` names the operation in the refusal.

    ``Annotated[Principal, Depends(Requires(roles=("catalog_editor",), scopes=("catalog:write",)))]``
    """

    def __init__(
        self,
        *,
        kinds: Iterable[str] = (),
        scopes: Iterable[str] = (),
        roles: Iterable[str] = (),
        what: str = "此操作",
        code: str = "insufficient_scope",
    ) -> None:
        self.kinds = frozenset(kinds)
        unknown = self.kinds - KIND_NAMES.keys()
        if unknown:
            raise ValueError(f"unknown token kinds: {sorted(unknown)}")
        self.scopes = frozenset(scopes)
        self.roles = frozenset(roles)
        self.what = what
        self.code = code

    def __repr__(self) -> str:
        return (
            f"Requires(kinds={sorted(self.kinds)}, scopes={sorted(self.scopes)}, roles={sorted(self.roles)})"
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Requires) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def _key(self) -> tuple[frozenset[str], frozenset[str], frozenset[str], str, str]:
        return self.kinds, self.scopes, self.roles, self.what, self.code

    def _grants(self) -> str:
        grants = [f"角色 {r}" for r in sorted(self.roles)] + [f"权限范围 {s}" for s in sorted(self.scopes)]
        return " 或 ".join(grants)

    def description(self) -> str:
        """Who may call, in words (the 403's description in the OpenAPI document)."""
        parts = []
        if self.kinds:
            parts.append("令牌类型为 " + " / ".join(f"{KIND_NAMES[k]} ({k})" for k in sorted(self.kinds)))
        if self.scopes or self.roles:
            parts.append("持有" + self._grants())
        return "，".join(parts)

    def refusal(self, principal: Principal) -> str | None:
        """Why ``principal`` may not call, in Chinese; None when it may."""
        if self.kinds and principal.kind not in self.kinds:
            allowed = "、".join(KIND_NAMES[k] for k in sorted(self.kinds))
            held = KIND_NAMES.get(principal.kind, principal.kind)
            return f"{self.what}仅限{allowed}，当前令牌属于{held} (token kind {principal.kind} not allowed)"
        if (self.scopes or self.roles) and not (
            self.scopes & principal.scopes or self.roles & principal.roles
        ):
            return f"{self.what}需要{self._grants()} (insufficient scope or role)"
        return None

    async def __call__(self, principal: CurrentPrincipal) -> Principal:
        reason = self.refusal(principal)
        if reason is not None:
            raise ProblemError(
                reason,
                status=403,
                code=self.code,
                headers={"WWW-Authenticate": 'Bearer error="insufficient_scope"'},
            )
        return principal
