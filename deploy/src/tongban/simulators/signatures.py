"""The city platform simulator's side of the signatures: its own SM2 key, the hub's public key, or a shared HMAC
key. Written against gmssl directly (with OpenSSL's SM3 from ``cryptography`` for the digests, since gmssl's pure
Python SM3 costs about a millisecond per kilobyte), independent of the hub's code, so the two sides check each
other."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping

from cryptography.hazmat.primitives import hashes
from gmssl import sm2  # type: ignore[import-untyped]
from pydantic_settings import SettingsConfigDict

from meshkit.settings import DEV_SECRET, SecretSafeSettings

__all__ = ["CitySimSettings", "sign", "verify"]

# Development keys only: the simulator's SM2 private key, and the public half of the hub's development key.
DEV_CITY_PRIVATE_KEY = "1d7dad02add271da4249dc98c3b775dc49189c7bcd4de6ab395ba6a14f1bde77"
DEV_EXCHANGE_PUBLIC_KEY = (
    "754826c54667efd0f69a49c036f3790a2ba3f867ca0067b72c5ac87bf77c591e"
    "677891642da548f175344599ea5d251e21a22f7e3a2306f2b3a28b2f1dce6c99"
)


class CitySimSettings(SecretSafeSettings):
    model_config = SettingsConfigDict(env_prefix="CITYSIM_", extra="ignore", frozen=True)

    private_key: str = DEV_CITY_PRIVATE_KEY
    exchange_public_key: str = DEV_EXCHANGE_PUBLIC_KEY
    hmac_key: str = "city-link:" + DEV_SECRET
    signing: str = "SM2-SM3"
    exchange_url: str = "http://127.0.0.1:8804"


def _message(timestamp: str, nonce: str, body: bytes) -> bytes:
    return f"{timestamp}\n{nonce}\n".encode() + body


def _sm3(data: bytes) -> bytes:
    digest = hashes.Hash(hashes.SM3())
    digest.update(data)
    return digest.finalize()


def sm2_digest(public_key: str, message: bytes) -> bytes:
    """e = SM3(Z ‖ M), Z over the default ID 1234567812345678, the curve and the public key (GB/T 32918.2)."""
    table = sm2.default_ecc_table
    z = bytes.fromhex("0080" + b"1234567812345678".hex() + table["a"] + table["b"] + table["g"] + public_key)
    return _sm3(_sm3(z) + message)


def verify(settings: CitySimSettings, headers: Mapping[str, str], body: bytes) -> bool:
    algorithm = headers.get("x-tongban-signature-alg", "")
    message = _message(headers.get("x-tongban-timestamp", ""), headers.get("x-tongban-nonce", ""), body)
    signature = headers.get("x-tongban-signature", "")
    if algorithm == "SM2-SM3":
        crypt = sm2.CryptSM2(private_key="", public_key=settings.exchange_public_key)
        try:
            return bool(crypt.verify(signature, sm2_digest(settings.exchange_public_key, message)))
        except (ValueError, TypeError):
            return False
    if algorithm == "HMAC-SHA256":
        expected = hmac.new(settings.hmac_key.encode(), message, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, signature)
    return False


def sign(settings: CitySimSettings, timestamp: str, nonce: str, body: bytes) -> dict[str, str]:
    message = _message(timestamp, nonce, body)
    if settings.signing == "HMAC-SHA256":
        signature = hmac.new(settings.hmac_key.encode(), message, hashlib.sha256).hexdigest()
    else:
        key = settings.private_key
        crypt = sm2.CryptSM2(private_key=key, public_key="")
        public = crypt._kg(int(key, 16), sm2.default_ecc_table["g"])
        crypt = sm2.CryptSM2(private_key=key, public_key=public)
        n = int(sm2.default_ecc_table["n"], 16)
        signature = crypt.sign(sm2_digest(public, message), f"{secrets.randbelow(n - 2) + 1:064x}")
    return {
        "X-Tongban-Signature-Alg": settings.signing,
        "X-Tongban-Timestamp": timestamp,
        "X-Tongban-Nonce": nonce,
        "X-Tongban-Signature": signature,
    }
