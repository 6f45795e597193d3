"""ES256 signing keys: generation, encryption at rest with the service secret, JWK export, signing (every token
identity issues — access, ID — through :func:`sign`, meshkit's lean ES256 signer)."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from dataclasses import dataclass, field
from typing import Any

import jwt
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from jwt.algorithms import ECAlgorithm

from meshkit.jws import Es256Signer

__all__ = ["ActiveKey", "decode_id_token", "load_key", "new_key", "sign"]


def _fernet(secret: str) -> Fernet:
    return Fernet(base64.urlsafe_b64encode(hashlib.sha256(f"signing-keys:{secret}".encode()).digest()))


@dataclass(frozen=True)
class ActiveKey:
    kid: str
    private_key: ec.EllipticCurvePrivateKey
    _signers: dict[str, Es256Signer] = field(default_factory=dict, repr=False, compare=False)

    def signer(self, typ: str) -> Es256Signer:
        """The key's signer for header ``typ`` (its header encoded once)."""
        signer = self._signers.get(typ)
        if signer is None:
            signer = self._signers[typ] = Es256Signer(self.private_key, kid=self.kid, typ=typ)
        return signer


def new_key(secret: str) -> tuple[str, bytes, str]:
    """(kid, encrypted private PEM, public JWK JSON) of a fresh P-256 key."""
    private_key = ec.generate_private_key(ec.SECP256R1())
    kid = secrets.token_urlsafe(12)
    pem = private_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    jwk: dict[str, Any] = json.loads(ECAlgorithm.to_jwk(private_key.public_key()))
    jwk.update({"kid": kid, "use": "sig", "alg": "ES256"})
    return kid, _fernet(secret).encrypt(pem), json.dumps(jwk, sort_keys=True)


def load_key(kid: str, encrypted: bytes, secret: str) -> ActiveKey:
    key = serialization.load_pem_private_key(_fernet(secret).decrypt(encrypted), password=None)
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    return ActiveKey(kid=kid, private_key=key)


def sign(key: ActiveKey, claims: dict[str, Any], *, typ: str = "at+jwt") -> str:
    """ES256 JWS with ``kid``; ``typ`` is ``at+jwt`` for access tokens (RFC 9068), ``JWT`` for ID tokens."""
    return key.signer(typ).sign(claims)


def decode_id_token(token: str, jwk: dict[str, Any], *, issuer: str) -> dict[str, Any]:
    """Claims of an ID token this OP signed, expired or not (``id_token_hint``); raises ``jwt.InvalidTokenError``."""
    key = jwt.PyJWK.from_dict(jwk)
    claims: dict[str, Any] = jwt.decode(
        token,
        key=key,
        algorithms=["ES256"],
        issuer=issuer,
        options={"verify_exp": False, "verify_aud": False, "require": ["iss", "sub", "aud"]},
    )
    return claims
