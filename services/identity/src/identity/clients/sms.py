"""The SMS gateway (短信网关): ``POST /messages`` with the number and the text. What a message says is ours; the
gateway only delivers it. The number and the text are never logged."""

from __future__ import annotations

import httpx

__all__ = ["SmsGateway", "SmsUnavailable"]


class SmsUnavailable(Exception):
    """The gateway did not accept the message."""


class SmsGateway:
    def __init__(self, http: httpx.AsyncClient) -> None:
        self._http = http

    async def send(self, *, phone: str, text: str) -> None:
        try:
            response = await self._http.post("/messages", json={"to": phone, "text": text})
        except httpx.HTTPError as exc:
            raise SmsUnavailable(f"{type(exc).__name__} calling the SMS gateway") from None
        if response.status_code not in (200, 201, 202):
            raise SmsUnavailable(f"the SMS gateway answered {response.status_code}")
