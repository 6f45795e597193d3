"""HTTP out: typed clients of identity (applicants' identifiers) and the exchange (materials, certificates)."""

from cases.clients.errors import CallFailed
from cases.clients.exchange import ExchangeClient
from cases.clients.identity import IdentityClient, Subject

__all__ = ["CallFailed", "ExchangeClient", "IdentityClient", "Subject"]
