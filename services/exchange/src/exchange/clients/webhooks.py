"""Signed webhook deliveries to subscribers.

``POST <webhook_url>`` with the change as JSON and ``X-Tongban-Signature: sha256=<hex>``, the HMAC-SHA256 of
``<X-Tongban-Timestamp>.<body>`` under the subscription's secret; ``X-Tongban-Delivery`` identifies the delivery
(the same on retries, so receivers can drop duplicates). Any 2xx is success.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any

import httpx

__all__ = ["WebhookClient", "WebhookFailed", "webhook_signature"]


class WebhookFailed(Exception):
    pass


def webhook_signature(secret: str, timestamp: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


class WebhookClient:
    def __init__(self, http: httpx.AsyncClient, *, timeout: float) -> None:
        self._http = http
        self._timeout = timeout

    async def deliver(self, *, url: str, secret: str, delivery_id: str, change: dict[str, Any]) -> None:
        body = json.dumps(change, ensure_ascii=False, separators=(",", ":")).encode()
        timestamp = str(int(time.time()))
        headers = {
            "Content-Type": "application/json",
            "X-Tongban-Delivery": delivery_id,
            "X-Tongban-Timestamp": timestamp,
            "X-Tongban-Signature": webhook_signature(secret, timestamp, body),
        }
        try:
            response = await self._http.post(url, content=body, headers=headers, timeout=self._timeout)
        except httpx.HTTPError as exc:
            raise WebhookFailed(f"{type(exc).__name__}: {exc}"[:300]) from exc
        if not 200 <= response.status_code < 300:
            raise WebhookFailed(f"subscriber answered {response.status_code}")
