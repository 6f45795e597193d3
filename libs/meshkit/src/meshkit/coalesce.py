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
    """``uvicorn --http meshkit.coalesce:CoalescingHttpToolsProtocol``: httptools with coalesced writes, and the
    trailer fields of a chunked body dropped.

    httptools reports a chunked body's trailer fields through the same callback as the head's fields, and uvicorn
    appends them to the request's headers — the list its ``scope`` holds, which the app may already have read and
    will read again after the body. A client could so add a header after anything that checked the head: at the
    gateway a trailer ``Content-Length: 0`` reached the upstream with the body behind it, which the upstream read
    as the next request on its pooled connection (request smuggling, outside try). Trailers carry nothing any
    route here uses, and RFC 9110 §6.5.1 lets a recipient discard them: they are dropped."""

    head_complete = False  # the request's head is parsed: what the parser reports as a field now is a trailer

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        # the flow control above keeps the real transport: pausing reads and writes is its business
        self.transport = CoalescedTransport(transport, self.loop)  # type: ignore[assignment]

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self.head_complete = False

    def on_header(self, name: bytes, value: bytes) -> None:
        if self.head_complete:
            return  # a trailer field: never one of the request's headers
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self.head_complete = True
        super().on_headers_complete()
