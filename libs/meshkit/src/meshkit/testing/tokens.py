"""Mint access tokens for tests with a throwaway ES256 key; serve its JWKS through httpx.MockTransport."""

from __future__ import annotations

import json
import time
import uuid
from typing import Any

import httpx
import jwt
from cryptography.hazmat.primitives.asymmetric import ec
from jwt.algorithms import ECAlgorithm

from meshkit.auth import TokenVerifier

__all__ = ["TokenFactory"]


class TokenFactory:
    def __init__(
        self, *, issuer: str = "http://issuer.test", audience: str = "tongban", kid: str = "test-key"
    ):
        self.issuer = issuer
        self.audience = audience
        self.kid = kid
        self._key = ec.generate_private_key(ec.SECP256R1())
        self.jwks_requests = 0

    def jwks(self) -> dict[str, Any]:
        jwk = json.loads(ECAlgorithm.to_jwk(self._key.public_key()))
        jwk.update({"kid": self.kid, "use": "sig", "alg": "ES256"})
        return {"keys": [jwk]}

    def token(
        self, *, sub: str = "subject-1", kind: str = "system", scope: str = "", ttl: int = 300, **claims: Any
    ) -> str:
        now = int(time.time())
        body = {
            "iss": self.issuer,
            "aud": self.audience,
            "sub": sub,
            "client_id": claims.pop("client_id", "test"),
            "scope": scope,
            "tb_kind": kind,
            "iat": now,
            "exp": now + ttl,
            "jti": uuid.uuid4().hex,
            **claims,
        }
        return jwt.encode(body, self._key, algorithm="ES256", headers={"kid": self.kid, "typ": "at+jwt"})

    def headers(self, **kwargs: Any) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(**kwargs)}"}

    def transport(self) -> httpx.MockTransport:
        def handle(request: httpx.Request) -> httpx.Response:
            self.jwks_requests += 1
            return httpx.Response(200, json=self.jwks())

        return httpx.MockTransport(handle)

    def verifier(self) -> TokenVerifier:
        client = httpx.AsyncClient(transport=self.transport())
        return TokenVerifier(
            jwks_url="http://jwks.test/jwks", issuer=self.issuer, audience=self.audience, client=client
        )
