"""Request signatures with the city platform: SM2 with SM3 (GB/T 32918, via ``gmssl``) or HMAC-SHA256.

Both directions sign ``<timestamp>\\n<nonce>\\n<body>`` (:func:`exchange.domain.city.signing_input`) and send
``X-Tongban-Signature-Alg``, ``X-Tongban-Timestamp``, ``X-Tongban-Nonce`` and ``X-Tongban-Signature`` (hex).
gmssl is pure Python: its point arithmetic costs tens of milliseconds per operation, so callers run these in a worker
thread; its SM3 costs about a millisecond per kilobyte, so the SM3 digests (``e = SM3(Z ‖ M)``, GB/T 32918.2) are
computed with OpenSSL's SM3 through ``cryptography`` and only the point arithmetic is left to gmssl. The result is
the same signature (a test checks both against gmssl's own ``sign_with_sm3``/``verify_with_sm3``).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from functools import lru_cache

from cryptography.hazmat.primitives import hashes
from gmssl import sm2  # type: ignore[import-untyped]

__all__ = [
    "HEADER_ALG",
    "HEADER_NONCE",
    "HEADER_SIGNATURE",
    "HEADER_TIMESTAMP",
    "Signer",
    "Verifier",
    "sm2_public_key",
    "sm3_digest",
]

HEADER_ALG = "X-Tongban-Signature-Alg"
HEADER_TIMESTAMP = "X-Tongban-Timestamp"
HEADER_NONCE = "X-Tongban-Nonce"
HEADER_SIGNATURE = "X-Tongban-Signature"

SM2_ALG = "SM2-SM3"
HMAC_ALG = "HMAC-SHA256"
_N = int(sm2.default_ecc_table["n"], 16)


def sm2_public_key(private_key: str) -> str:
    """The public point (x‖y, hex) of an SM2 private key."""
    crypt = sm2.CryptSM2(private_key=private_key, public_key="")
    return str(crypt._kg(int(private_key, 16), sm2.default_ecc_table["g"]))


def _sm3(data: bytes) -> bytes:
    digest = hashes.Hash(hashes.SM3())
    digest.update(data)
    return digest.finalize()


@lru_cache(maxsize=16)
def _z(public_key: str) -> bytes:
    """Z = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA) with the default ID 1234567812345678, as gmssl computes it."""
    table = sm2.default_ecc_table
    return _sm3(
        bytes.fromhex("0080" + b"1234567812345678".hex() + table["a"] + table["b"] + table["g"] + public_key)
    )


def sm3_digest(public_key: str, message: bytes) -> bytes:
    """What SM2 signs for ``message``: e = SM3(Z ‖ M)."""
    return _sm3(_z(public_key) + message)


def _nonce_k() -> str:
    # gmssl's own helper draws k from `random`; an SM2 nonce must be unpredictable.
    return f"{secrets.randbelow(_N - 2) + 1:064x}"


@dataclass(frozen=True)
class Signer:
    algorithm: str
    key: str | bytes  # SM2 private key (hex) or HMAC key
    public_key: str = ""  # SM2 only: computed once, since a point multiplication costs as much as a signature

    @classmethod
    def sm2(cls, private_key: str) -> Signer:
        return cls(SM2_ALG, private_key, sm2_public_key(private_key))

    @classmethod
    def hmac(cls, key: bytes) -> Signer:
        return cls(HMAC_ALG, key)

    def sign(self, message: bytes) -> str:
        if self.algorithm == SM2_ALG:
            assert isinstance(self.key, str)
            crypt = sm2.CryptSM2(private_key=self.key, public_key=self.public_key)
            return str(crypt.sign(sm3_digest(self.public_key, message), _nonce_k()))
        assert isinstance(self.key, bytes)
        return hmac.new(self.key, message, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Verifier:
    """Checks the other side's signatures: an SM2 public key and/or an HMAC key."""

    sm2_public_key: str | None = None
    hmac_key: bytes | None = None

    def verify(self, algorithm: str, message: bytes, signature: str) -> bool:
        if algorithm == SM2_ALG and self.sm2_public_key:
            crypt = sm2.CryptSM2(private_key="", public_key=self.sm2_public_key)
            try:
                return bool(crypt.verify(signature, sm3_digest(self.sm2_public_key, message)))
            except (ValueError, TypeError):
                return False
        if algorithm == HMAC_ALG and self.hmac_key:
            expected = hmac.new(self.hmac_key, message, hashlib.sha256).hexdigest()
            return hmac.compare_digest(expected, signature)
        return False
