"""``NATS_URL`` as a list of servers: ``nats://a:4222,nats://b:4222,nats://c:4222`` names the nodes of a NATS
cluster, and a client connects to any of them and fails over to the others (nats-py takes a list, not a
comma-separated string). One URL is a list of one; the user in the first URL is the login."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

__all__ = ["nats_login", "nats_servers", "without_credentials"]


def nats_servers(url: str) -> list[str]:
    """The servers of a comma-separated ``NATS_URL``, in order, blanks dropped."""
    servers = [part.strip() for part in url.split(",") if part.strip()]
    if not servers:
        raise ValueError("NATS_URL names no server")
    return servers


def nats_login(url: str) -> str | None:
    """The user named in the first server's URL (``nats://user:password@host``), if any."""
    return unquote(urlsplit(nats_servers(url)[0]).username or "") or None


def without_credentials(url: str) -> str:
    """The servers as an operator may read them in a log: no user, no password."""
    shown = []
    for server in nats_servers(url):
        parts = urlsplit(server)
        host = parts.hostname or ""
        shown.append(parts._replace(netloc=host if parts.port is None else f"{host}:{parts.port}").geturl())
    return ",".join(shown)
