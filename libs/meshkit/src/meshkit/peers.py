"""Who is on the other end: the client's address as the gateway determined it.

The gateway sets ``X-Tongban-Client-Address`` on everything it forwards (replacing whatever a client sent): the
connection's peer, or the address its trusted load balancers forwarded. Services are reached only from inside, so
they take the header as given; without it (a call from inside the mesh, or a test) the peer is the client.
"""

from __future__ import annotations

from starlette.requests import Request

__all__ = ["CLIENT_ADDRESS_HEADER", "client_address"]

CLIENT_ADDRESS_HEADER = "x-tongban-client-address"


def client_address(request: Request) -> str:
    forwarded = request.headers.get(CLIENT_ADDRESS_HEADER, "").strip()
    if forwarded:
        return forwarded[:64]
    return request.client.host if request.client else "unknown"
