"""The city-level approval platform's case-exchange API, as the hub calls it: one signed POST per record.

Body: the record with its sync metadata (``batch``, ``operation``, ``sync_time``, ``source``). Headers: the
signature set of :mod:`exchange.signing` and ``Idempotency-Key`` = the record id, so a retry after a lost answer
is recognised. 2xx (and 409 "already have it") is success.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import time
from typing import Any

import httpx

from exchange.domain.city import signing_input
from exchange.signing import HEADER_ALG, HEADER_NONCE, HEADER_SIGNATURE, HEADER_TIMESTAMP, Signer

__all__ = ["CityPlatformClient", "CityRefused", "signed_headers"]


class CityRefused(Exception):
    """The platform did not take the record (down, slow, or refusing it)."""


def signed_headers(signer: Signer, body: bytes) -> dict[str, str]:
    """The signature headers for ``body`` (blocking: call in a thread for SM2)."""
    timestamp, nonce = str(int(time.time())), secrets.token_hex(16)
    return {
        HEADER_ALG: signer.algorithm,
        HEADER_TIMESTAMP: timestamp,
        HEADER_NONCE: nonce,
        HEADER_SIGNATURE: signer.sign(signing_input(timestamp, nonce, body)),
    }


class CityPlatformClient:
    def __init__(self, http: httpx.AsyncClient, *, url: str, signer: Signer, timeout: float) -> None:
        self._http = http
        self._url = url
        self._signer = signer
        self._timeout = timeout

    async def deliver(self, record: dict[str, Any]) -> None:
        body = json.dumps(record, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
        headers = await asyncio.to_thread(signed_headers, self._signer, body)
        headers.update({"Content-Type": "application/json", "Idempotency-Key": str(record["record_id"])})
        try:
            async with asyncio.timeout(self._timeout):
                response = await self._http.post(
                    self._url, content=body, headers=headers, timeout=self._timeout
                )
        except (TimeoutError, httpx.TimeoutException) as exc:
            raise CityRefused(f"no answer within {self._timeout:.1f}s") from exc
        except httpx.HTTPError as exc:
            raise CityRefused(f"{type(exc).__name__}: {exc}"[:300]) from exc
        if response.status_code == 409 or 200 <= response.status_code < 300:
            return
        raise CityRefused(f"platform answered {response.status_code}: {response.text[:200]}")
