"""Proxied reads (接口): the hub forwards a read to the provider system's endpoint.

Request: ``POST <endpoint_url>`` with ``{"subject_kind", "identifier", "items"}`` and headers naming the calling
client, the request id, the user, the organization, the purpose and the case or legal basis (percent-encoded
UTF-8). Answer: 200 ``{"record": {...}}`` or 404 when the provider holds no record of the subject.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import httpx

__all__ = ["ForwardedContext", "ProviderClient", "ProviderError", "ProviderTimeout"]


class ProviderError(Exception):
    """The provider answered with an error, garbage, too much, or not at all."""


class ProviderTimeout(ProviderError):
    """The provider did not answer within the resource's timeout."""


@dataclass(frozen=True)
class ForwardedContext:
    client_id: str
    request_id: str | None
    user: str
    org: str | None
    purpose: str
    case_ref: str | None
    legal_basis: str | None

    def headers(self) -> dict[str, str]:
        headers = {
            "X-Tongban-Client": self.client_id,
            "X-Tongban-User": self.user,
            "X-Tongban-Org": self.org or "",
            "X-Tongban-Purpose": quote(self.purpose),
        }
        if self.request_id:
            headers["X-Request-Id"] = self.request_id
        if self.case_ref:
            headers["X-Tongban-Case"] = quote(self.case_ref)
        if self.legal_basis:
            headers["X-Tongban-Legal-Basis"] = quote(self.legal_basis)
        return headers


class ProviderClient:
    def __init__(self, http: httpx.AsyncClient, *, max_bytes: int) -> None:
        self._http = http
        self._max_bytes = max_bytes

    async def fetch(
        self, *, url: str, timeout: float, subject_kind: str, identifier: str, items: list[str],
        context: ForwardedContext,
    ) -> dict[str, Any] | None:  # fmt: skip
        """The provider's record of the subject, or None when it has none."""
        body = {"subject_kind": subject_kind, "identifier": identifier, "items": items}
        try:
            async with asyncio.timeout(timeout):
                return await self._post(url, body, context, timeout)
        except TimeoutError as exc:
            raise ProviderTimeout(f"no answer within {timeout:.1f}s") from exc
        except httpx.TimeoutException as exc:
            raise ProviderTimeout(f"no answer within {timeout:.1f}s") from exc
        except httpx.HTTPError as exc:
            raise ProviderError(f"{type(exc).__name__}") from exc

    async def _post(
        self, url: str, body: dict[str, Any], context: ForwardedContext, timeout: float
    ) -> dict[str, Any] | None:
        request = self._http.build_request("POST", url, json=body, headers=context.headers(), timeout=timeout)
        response = await self._http.send(request, stream=True)
        try:
            if response.status_code == 404:
                return None
            if response.status_code != 200:
                raise ProviderError(f"provider answered {response.status_code}")
            content = bytearray()
            async for chunk in response.aiter_bytes():
                content += chunk
                if len(content) > self._max_bytes:
                    raise ProviderError(f"answer larger than {self._max_bytes} bytes")
        finally:
            await response.aclose()
        try:
            record = json.loads(bytes(content)).get("record")
        except (ValueError, AttributeError) as exc:
            raise ProviderError("answer is not JSON with a record") from exc
        if not isinstance(record, dict):
            raise ProviderError("answer has no record object")
        return record
