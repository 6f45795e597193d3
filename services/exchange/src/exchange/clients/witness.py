"""The outside witness of the access log's checkpoints: a time-stamping authority (RFC 3161 style, JSON).

``POST <witness_url>`` with ``{"version": 1, "message_imprint": {"hash_algorithm": "sha256", "hashed_message":
<checkpoint digest>}, "nonce": <random>, "cert_req": false}``; the answer ``{"status": {"status": 0, …},
"time_stamp_token": {"tst_info", "signature", "algorithm", "key_id"}}`` is checked (the witness's trusted key,
the digest, the nonce) before it is kept: :func:`exchange.domain.checkpoints.parse_receipt`.
"""

from __future__ import annotations

import secrets

import httpx

from exchange.domain.checkpoints import Receipt, ReceiptError, TrustedKeys, parse_receipt

__all__ = ["WitnessClient", "WitnessFailed"]


class WitnessFailed(Exception):
    """No usable receipt this time (unreachable, an error status, a refusal, or a token that does not check)."""


class WitnessClient:
    def __init__(self, http: httpx.AsyncClient, *, url: str, keys: TrustedKeys, timeout: float) -> None:
        self._http = http
        self._url = url
        self._keys = keys
        self._timeout = timeout

    async def timestamp(self, digest: str) -> Receipt:
        nonce = secrets.randbelow(2**63)
        request = {
            "version": 1,
            "message_imprint": {"hash_algorithm": "sha256", "hashed_message": digest},
            "nonce": nonce,
            "cert_req": False,
        }
        try:
            response = await self._http.post(self._url, json=request, timeout=self._timeout)
        except httpx.HTTPError as exc:
            raise WitnessFailed(f"{type(exc).__name__}: {exc}"[:300]) from exc
        if response.status_code != 200:
            raise WitnessFailed(f"witness answered {response.status_code}")
        try:
            answer = response.json()
            status = answer["status"]
        except (ValueError, KeyError, TypeError) as exc:
            raise WitnessFailed("witness answered no time-stamp response") from exc
        if not isinstance(status, dict) or status.get("status") not in (0, 1):  # granted, grantedWithMods
            raise WitnessFailed(f"witness refused: {status}"[:300])
        token = answer.get("time_stamp_token")
        if not isinstance(token, dict):
            raise WitnessFailed("witness answered no time-stamp token")
        try:
            return parse_receipt(token, witness=self._keys, digest=digest, nonce=nonce)
        except ReceiptError as exc:
            raise WitnessFailed(str(exc)) from exc
