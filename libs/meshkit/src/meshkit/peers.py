"""Who is on the other end: the client's address as the gateway determined it, and proven to come from it.

The gateway sets ``X-Tongban-Client-Address`` on everything it forwards (replacing whatever a client sent): the
connection's peer, or the address its trusted load balancers forwarded; and ``X-Tongban-Client-Address-Proof``,
an HMAC-SHA256 of that address under the forwarding key the gateway and the services share
(``TONGBAN_FORWARDING_KEY``; the launcher generates one per ``var/``). A service believes the header only with a
valid proof: whoever reaches a service's port directly cannot choose the address its limits and locks count
against — the peer is the client then.
"""

from __future__ import annotations

import hashlib
import hmac

from starlette.requests import Request

__all__ = [
    "CLIENT_ADDRESS_HEADER",
    "CLIENT_ADDRESS_PROOF_HEADER",
    "address_proof",
    "client_address",
    "forwarded",
]

CLIENT_ADDRESS_HEADER = "x-tongban-client-address"
CLIENT_ADDRESS_PROOF_HEADER = "x-tongban-client-address-proof"


def address_proof(key: str, address: str) -> str:
    return hmac.new(key.encode(), f"client-address:{address}".encode(), hashlib.sha256).hexdigest()


def forwarded(key: str, address: str) -> dict[str, str]:
    """The two headers the gateway sends for ``address`` (tests that stand in for the gateway use it too)."""
    return {CLIENT_ADDRESS_HEADER: address, CLIENT_ADDRESS_PROOF_HEADER: address_proof(key, address)}


def client_address(request: Request) -> str:
    """The address the gateway vouched for, else the connection's peer."""
    peer = request.client.host if request.client else "unknown"
    claimed = request.headers.get(CLIENT_ADDRESS_HEADER, "").strip()
    proof = request.headers.get(CLIENT_ADDRESS_PROOF_HEADER, "")
    if not claimed or len(claimed) > 64 or not proof:
        return peer
    key = request.app.state.settings.forwarding_key.get_secret_value()
    return claimed if hmac.compare_digest(proof, address_proof(key, claimed)) else peer
