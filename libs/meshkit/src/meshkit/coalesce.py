"""uvicorn's httptools protocol with a response's status line and headers sent in the same write as its body.

uvicorn writes the status line and headers when the app sends ``http.response.start`` and the body when it sends
``http.response.body``: two ``send()`` system calls and two TCP segments for every small response, where the
client (and, on loopback, the kernel on the client's behalf) wakes up twice. On the gateway's proxied
``/catalog/healthz`` the two writes were 18 % of a worker's samples (py-spy, issue 21).

:class:`CoalescingHttpToolsProtocol` hands uvicorn a transport that holds a write back until the end of the
event loop's current turn: a write that follows in the same turn (the body after the headers, which the ASGI app
sends without waiting in between) goes out together with it in one ``send()``. At most one write is held, for at
most one turn; closing the transport sends it first. Everything else is the real transport's.
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

__all__ = ["CoalescedTransport", "CoalescingHttpToolsProtocol"]


class CoalescedTransport:
    """Writes of one event-loop turn as one write to ``transport`` (see the module)."""

    __slots__ = ("_held", "_loop", "transport")

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self.transport = transport
        self._loop = loop
        self._held: bytes | None = None

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if self.transport.is_closing():  # the client is gone: uvloop would raise ("the handler is closed")
            self._held = None
            return
        held = self._held
        if held is None:
            self._held = bytes(data)
            self._loop.call_soon(self.flush)
            return
        self._held = None
        self.transport.write(held + data)

    def write_now(self, data: bytes) -> None:
        """Send what is held and ``data`` in one write, now (an answer written whole, ``gateway.server``)."""
        if self.transport.is_closing():
            self._held = None
            return
        held = self._held
        if held is not None:
            self._held = None
            data = held + data
        self.transport.write(data)

    def writelines(self, chunks: Any) -> None:
        self.write(b"".join(chunks))

    def flush(self) -> None:
        """Send what is held (nothing once the transport is closing: nobody is left to read it)."""
        held = self._held
        if held is not None:
            self._held = None
            if not self.transport.is_closing():
                self.transport.write(held)

    def close(self) -> None:
        self.flush()
        self.transport.close()

    def write_eof(self) -> None:
        self.flush()
        self.transport.write_eof()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.transport, name)


class CoalescingHttpToolsProtocol(HttpToolsProtocol):
    """``uvicorn --http meshkit.coalesce:CoalescingHttpToolsProtocol``: httptools with coalesced writes."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        # the flow control above keeps the real transport: pausing reads and writes is its business
        self.transport = CoalescedTransport(transport, self.loop)  # type: ignore[assignment]
