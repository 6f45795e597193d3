"""Personal data at rest in the hub: identifiers become keyed lookup hashes (HMAC-SHA256 with a key derived from
the service secret), record payloads are encrypted (Fernet, key derived likewise). Neither is ever logged."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any

from cryptography.fernet import Fernet, InvalidToken

__all__ = ["Sealer", "Unsealable"]


class Unsealable(ValueError):
    """A stored payload does not open with this key (wrong secret or damaged data)."""


def _derive(secret: str, purpose: str) -> bytes:
    return hmac.new(secret.encode(), f"tongban-exchange/{purpose}".encode(), hashlib.sha256).digest()


class Sealer:
    def __init__(self, secret: str) -> None:
        self._ref_key = _derive(secret, "subject-ref")
        self._fernet = Fernet(base64.urlsafe_b64encode(_derive(secret, "records")))

    def subject_ref(self, kind: str, identifier: str) -> str:
        """The keyed hash that stands for a subject everywhere in the hub (records, log, events)."""
        return hmac.new(self._ref_key, f"{kind}:{identifier}".encode(), hashlib.sha256).hexdigest()

    def seal(self, data: dict[str, Any]) -> bytes:
        return self._fernet.encrypt(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())

    def open(self, token: bytes) -> dict[str, Any]:
        try:
            value = json.loads(self._fernet.decrypt(token))
        except InvalidToken as exc:
            raise Unsealable("sealed data does not open with this key") from exc
        if not isinstance(value, dict):
            raise Unsealable("sealed data is not an object")
        return value

    def seal_secret(self, secret: str) -> bytes:
        return self._fernet.encrypt(secret.encode())

    def open_secret(self, token: bytes) -> str:
        try:
            return self._fernet.decrypt(token).decode()
        except InvalidToken as exc:
            raise Unsealable("sealed secret does not open with this key") from exc
