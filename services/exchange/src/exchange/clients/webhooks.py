"""Signed webhook deliveries to subscribers.

``POST <webhook_url>`` with the change as JSON and ``X-Tongban-Signature: sha256=<hex>``, the HMAC-SHA256 of
``<X-Tongban-Timestamp>.<body>`` under the subscription's secret; ``X-Tongban-Delivery`` identifies the delivery
(the same on retries, so receivers can drop duplicates). Any 2xx is success; a redirect is not followed.

Deliveries go through :class:`exchange.clients.outbound.Outbound` (the outbound policy, held where the connection
is made); what a failure records in the subscription's backlog is only refused by policy, unreachable, or the
status class of a subscriber that answered — never which port answered or how.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any

from exchange.clients.outbound import Outbound, OutboundFailed
from exchange.domain.outbound import UNREACHABLE, answered

__all__ = ["WebhookClient", "WebhookFailed", "webhook_signature"]


class WebhookFailed(Exception):
    """A delivery that did not land. ``refused``: the subscriber (or the outbound policy) turned it down — it counts
    towards the dead letters; otherwise the subscriber was unreachable, slow or failing (5xx, 408, 429), which is
    waited out however long it lasts."""

    def __init__(self, message: str, *, refused: bool) -> None:
        super().__init__(message)
        self.refused = refused


def _refusal(status: int) -> bool:
    return 400 <= status < 500 and status not in (408, 425, 429)


def webhook_signature(secret: str, timestamp: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


class WebhookClient:
    def __init__(self, outbound: Outbound, *, timeout: float) -> None:
        self._outbound = outbound
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
            async with self._outbound.post(
                url, data=body, headers=headers, timeout=self._timeout
            ) as response:
                status = response.status
        except OutboundFailed as exc:
            raise WebhookFailed(str(exc), refused=exc.refused) from exc
        except TimeoutError as exc:
            raise WebhookFailed(UNREACHABLE, refused=False) from exc
        if not 200 <= status < 300:
            raise WebhookFailed(answered(status), refused=_refusal(status))
