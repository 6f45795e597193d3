"""ES256 compact JWS signing and verification for access tokens, without PyJWT's per-token overhead (issue 21).

The signature check itself is OpenSSL's P-256 ECDSA through ``cryptography`` (the same call PyJWT makes). What
this module drops is the rest of PyJWT's per-token work, measured at more than the verify itself: PyJWT 2.15
checks every character of every segment against the base64url alphabet in a Python generator (its fix for
GHSA-hxm8-2xgr-2p9m), re-encodes each decoded segment to compare, and the verifier parsed the header twice. Here
one compiled regular expression admits only the canonical shape of an ES256 token (three unpadded base64url
segments, a 64-byte signature), which is stricter than PyJWT's check; the header and claims are decoded once
(binascii, strictly), a header already seen is not decoded again (an issuer's tokens share a handful of headers;
kept by its exact text), and the public key object is built once per JWKS fetch (``TokenVerifier``).

Claims are checked as PyJWT checks them with the verifier's options: ``exp``, ``iat``, ``sub`` and ``iss``
required; ``exp`` and ``nbf`` with leeway; ``iat`` a number not in the future; ``iss`` equal; ``aud`` holding
the audience.

Signing (:class:`Es256Signer`) is the counterpart: the same bytes PyJWT's ``jwt.encode`` writes (header with
sorted keys, compact JSON, unpadded base64url, the DER signature turned into ``r || s``), with the header segment
encoded once per key and type instead of per token, and none of PyJWT's per-call option and algorithm lookups.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

__all__ = ["Es256Signer", "ExpiredToken", "InvalidToken", "decode_header", "verify_es256"]

# header.payload.signature; an ES256 signature is r || s, 64 bytes: 86 base64url characters without padding
_COMPACT = re.compile(r"([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{86})")
_ECDSA_SHA256 = ec.ECDSA(hashes.SHA256())
_REQUIRED = ("exp", "iat", "sub", "iss")
# what json.dumps(claims, separators=(",", ":")) writes, without building an encoder per token
_COMPACT_JSON = json.JSONEncoder(separators=(",", ":")).encode


def _b64(raw: bytes) -> bytes:
    return base64.urlsafe_b64encode(raw).rstrip(b"=")


class Es256Signer:
    """Signs claims as compact ES256 JWS with one P-256 key and a fixed header (``alg`` ES256 plus ``fields``,
    e.g. ``kid`` and ``typ``), byte for byte what ``jwt.encode`` writes for the same header and claims."""

    __slots__ = ("_header", "_key")

    def __init__(self, key: ec.EllipticCurvePrivateKey, **fields: str) -> None:
        if not isinstance(key.curve, ec.SECP256R1):
            raise ValueError("ES256 signs with a P-256 key")
        self._key = key
        header = json.dumps({"alg": "ES256", **fields}, separators=(",", ":"), sort_keys=True)
        self._header = _b64(header.encode())

    def sign(self, claims: dict[str, Any]) -> str:
        """``claims`` are JSON values already (numbers for ``exp``/``iat``, as the verifier requires)."""
        payload = _b64(_COMPACT_JSON(claims).encode())
        signing_input = self._header + b"." + payload
        r, s = decode_dss_signature(self._key.sign(signing_input, _ECDSA_SHA256))
        signature = _b64(r.to_bytes(32, "big") + s.to_bytes(32, "big"))
        return (signing_input + b"." + signature).decode("ascii")


class InvalidToken(ValueError):
    """The token is not a valid ES256 access token; the message says why (English, for the problem's detail)."""


class ExpiredToken(InvalidToken):
    pass


_TO_STANDARD = bytes.maketrans(b"-_", b"+/")  # bytes.translate: a third of str.translate's cost (measured)
_PADDING = ("", "", "==", "=")  # by length % 4; a length of 1 mod 4 is no base64 (binascii refuses it)
_HEADERS: dict[str, dict[str, Any]] = {}  # header segment -> its JSON: an issuer's tokens share a handful
_HEADERS_KEPT = 64


def _segment(text: str) -> bytes:
    # the regex admitted only the base64url alphabet: translate to the standard one and decode strictly
    try:
        standard = (text + _PADDING[len(text) % 4]).encode("ascii").translate(_TO_STANDARD)
        return binascii.a2b_base64(standard, strict_mode=True)
    except (binascii.Error, ValueError) as exc:
        raise InvalidToken("malformed token") from exc


def _json_object(raw: bytes, what: str) -> dict[str, Any]:
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise InvalidToken(f"malformed {what}") from exc
    if not isinstance(value, dict):
        raise InvalidToken(f"malformed {what}")
    return value


def decode_header(token: str) -> tuple[dict[str, Any], re.Match[str]]:
    """The JOSE header of a token of the ES256 compact shape, and the match (for :func:`verify_es256`)."""
    match = _COMPACT.fullmatch(token)
    if match is None:
        raise InvalidToken("malformed token")
    segment = match.group(1)
    header = _HEADERS.get(segment)
    if header is None:
        header = _json_object(_segment(segment), "header")
        if (
            len(_HEADERS) >= _HEADERS_KEPT
        ):  # headers vary only by kid and typ: a full table means something odd
            _HEADERS.clear()
        _HEADERS[segment] = header
    return dict(header), match


def verify_es256(
    match: re.Match[str],
    key: ec.EllipticCurvePublicKey,
    *,
    issuer: str,
    audience: str | None,
    leeway: float,
    now: float,
) -> dict[str, Any]:
    """The claims of a token whose header :func:`decode_header` read, once its signature and claims hold."""
    signature = _segment(match.group(3))
    if len(signature) != 64 or not isinstance(key.curve, ec.SECP256R1):
        raise InvalidToken("signature is not ES256")
    der = encode_dss_signature(int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big"))
    signing_input = match.string[: match.end(2)].encode("ascii")
    try:
        key.verify(der, signing_input, _ECDSA_SHA256)
    except InvalidSignature as exc:
        raise InvalidToken("signature verification failed") from exc
    claims = _json_object(_segment(match.group(2)), "claims")
    _check_claims(claims, issuer=issuer, audience=audience, leeway=leeway, now=now)
    return claims


def _number(claims: dict[str, Any], name: str) -> float:
    value = claims[name]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidToken(f"{name} must be a number")
    return float(value)


def _check_claims(
    claims: dict[str, Any], *, issuer: str, audience: str | None, leeway: float, now: float
) -> None:
    for name in _REQUIRED:
        if name not in claims:
            raise InvalidToken(f'token is missing the "{name}" claim')
    if _number(claims, "exp") <= now - leeway:
        raise ExpiredToken("signature has expired")
    if _number(claims, "iat") > now + leeway:
        raise InvalidToken("the token is not yet valid (iat)")
    if "nbf" in claims and _number(claims, "nbf") > now + leeway:
        raise InvalidToken("the token is not yet valid (nbf)")
    if claims["iss"] != issuer:
        raise InvalidToken("invalid issuer")
    aud = claims.get("aud")
    if audience is None:
        if aud is not None:  # as PyJWT: a token for some audience is not for a verifier that names none
            raise InvalidToken("invalid audience")
        return
    audiences = [aud] if isinstance(aud, str) else aud
    if not isinstance(audiences, list) or audience not in audiences:
        raise InvalidToken("invalid audience")
