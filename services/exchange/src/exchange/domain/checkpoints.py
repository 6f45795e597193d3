"""Signed checkpoints of the access log's chain, and the outside witness's receipts for them.

A checkpoint says "at ``signed_at`` the chain had ``seq`` links and its hash there was ``hash``", signed with an
Ed25519 key that the database does not hold (the worker's setting). The signed message is the canonical JSON
(sorted keys, no whitespace, UTF-8) of ``{"log", "n", "seq", "hash", "signed_at", "key_id"}``; the checkpoint's
digest, which the witness time-stamps, is ``SHA-256(message ‖ signature)``. The witness (a time-stamping
authority, RFC 3161 style) answers a token: the exact bytes of its TSTInfo (JSON: version, policy, message
imprint, serial number, generation time, nonce, TSA) and its Ed25519 signature over them.

Rewriting the chain anywhere before a checkpoint changes the hash at the checkpoint's ``seq``, and a new
signature needs the key; a checkpoint time-stamped by the witness is also known outside the hub.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

__all__ = [
    "LOG_NAME",
    "CheckpointSigner",
    "Receipt",
    "ReceiptError",
    "SignedCheckpoint",
    "TrustedKeys",
    "checkpoint_due",
    "checkpoint_message",
    "key_id",
    "parse_receipt",
]

LOG_NAME = "tongban.exchange.access_log"
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def _utc(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("checkpoint times must be timezone-aware")
    return value.astimezone(UTC).strftime(_TIME_FORMAT)


def _canonical(body: Mapping[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def key_id(public_key: bytes) -> str:
    """A key's id: the first 16 hex digits of SHA-256 over its raw 32-byte public key."""
    return hashlib.sha256(public_key).hexdigest()[:16]


def _public_bytes(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def checkpoint_message(*, n: int, seq: int, hash: str, signed_at: datetime, key: str) -> bytes:
    """The exact bytes a checkpoint's signature covers."""
    return _canonical(
        {"log": LOG_NAME, "n": n, "seq": seq, "hash": hash, "signed_at": _utc(signed_at), "key_id": key}
    )


@dataclass(frozen=True)
class SignedCheckpoint:
    n: int
    seq: int
    hash: str
    signed_at: datetime
    key_id: str
    signature: str  # base64 of the 64-byte Ed25519 signature

    @property
    def message(self) -> bytes:
        return checkpoint_message(
            n=self.n, seq=self.seq, hash=self.hash, signed_at=self.signed_at, key=self.key_id
        )

    @property
    def digest(self) -> str:
        """What the witness time-stamps: SHA-256 over the message and the raw signature (hex)."""
        try:
            raw = base64.b64decode(self.signature, validate=True)
        except (binascii.Error, ValueError):
            raw = self.signature.encode()
        return hashlib.sha256(self.message + raw).hexdigest()


class CheckpointSigner:
    """Signs checkpoints with the hub's Ed25519 key (hex of its 32-byte seed; a setting, never in the database)."""

    def __init__(self, private_key_hex: str) -> None:
        try:
            self._key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(private_key_hex))
        except ValueError as exc:
            raise ValueError("the checkpoint signing key is the hex of a 32-byte Ed25519 seed") from exc
        self.public_key = _public_bytes(self._key.public_key())
        self.key_id = key_id(self.public_key)

    def sign(self, *, n: int, seq: int, hash: str, signed_at: datetime) -> SignedCheckpoint:
        message = checkpoint_message(n=n, seq=seq, hash=hash, signed_at=signed_at, key=self.key_id)
        signature = base64.b64encode(self._key.sign(message)).decode()
        return SignedCheckpoint(n, seq, hash, signed_at, self.key_id, signature)


class TrustedKeys:
    """Public keys (hex, raw 32 bytes) whose signatures are accepted, by key id: the hub's current and earlier
    checkpoint keys, or the witness's keys. They come from settings, never from the database."""

    def __init__(self, public_keys_hex: Iterable[str]) -> None:
        self._keys: dict[str, Ed25519PublicKey] = {}
        for text in public_keys_hex:
            raw = bytes.fromhex(text.strip())
            self._keys[key_id(raw)] = Ed25519PublicKey.from_public_bytes(raw)

    @property
    def ids(self) -> list[str]:
        return list(self._keys)

    def public_key_hex(self, kid: str) -> str:
        return _public_bytes(self._keys[kid]).hex()

    def verify(self, kid: str | None, signature_b64: str, message: bytes) -> bool:
        key = self._keys.get(kid or "")
        if key is None:
            return False
        try:
            key.verify(base64.b64decode(signature_b64, validate=True), message)
        except (InvalidSignature, binascii.Error, ValueError):
            return False
        return True

    def verify_checkpoint(self, checkpoint: SignedCheckpoint) -> bool:
        return self.verify(checkpoint.key_id, checkpoint.signature, checkpoint.message)


class ReceiptError(ValueError):
    """A witness's answer that does not time-stamp what was sent (or is not signed by the witness)."""


@dataclass(frozen=True)
class Receipt:
    """A witness's time-stamp token for one checkpoint, as stored: the TSTInfo bytes and the signature (base64)."""

    tst_info: str
    signature: str
    key_id: str
    gen_time: datetime
    serial_number: int

    def as_json(self) -> dict[str, Any]:
        return {
            "tst_info": self.tst_info,
            "signature": self.signature,
            "algorithm": "Ed25519",
            "key_id": self.key_id,
        }


def parse_receipt(
    token: Mapping[str, Any], *, witness: TrustedKeys, digest: str, nonce: int | None = None
) -> Receipt:
    """Check a time-stamp token against the trusted witness keys and the checkpoint's digest (and the request's
    nonce, when answering one); the receipt, or :class:`ReceiptError` saying what is wrong."""
    try:
        tst_info, signature = str(token["tst_info"]), str(token["signature"])
        kid = str(token.get("key_id") or "")
        raw = base64.b64decode(tst_info, validate=True)
    except (KeyError, TypeError, binascii.Error, ValueError) as exc:
        raise ReceiptError("时间戳凭证格式不对 (malformed time-stamp token)") from exc
    if not witness.verify(kid, signature, raw):
        raise ReceiptError("时间戳凭证的签名无效 (time-stamp token signature invalid)")
    try:
        info = json.loads(raw)
        imprint = info["message_imprint"]
        gen_time = datetime.strptime(info["gen_time"], _TIME_FORMAT).replace(tzinfo=UTC)
        serial = int(info["serial_number"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ReceiptError("时间戳凭证内容不全 (time-stamp token incomplete)") from exc
    if imprint.get("hash_algorithm") != "sha256" or imprint.get("hashed_message") != digest:
        raise ReceiptError("时间戳凭证盖的不是本检查点 (time-stamp token is for another digest)")
    if nonce is not None and info.get("nonce") != nonce:
        raise ReceiptError("时间戳凭证的随机数不符 (nonce does not match the request)")
    return Receipt(tst_info, signature, kid, gen_time, serial)


def checkpoint_due(
    *,
    head_seq: int,
    last_seq: int,
    last_at: datetime | None,
    now: datetime,
    interval: timedelta,
    every_entries: int,
) -> bool:
    """A new checkpoint is due when the chain grew since the last one and either ``every_entries`` links were
    appended or ``interval`` passed (whichever first). An idle chain gets none: nothing could be cut."""
    if head_seq <= last_seq:
        return False
    if head_seq - last_seq >= every_entries or last_at is None:
        return True
    return now - last_at >= interval
