"""What the gateway changes in what it forwards: hop-by-hop headers out, X-Forwarded-* and trace context in,
the service prefix off the URL."""

from __future__ import annotations

from urllib.parse import quote, quote_from_bytes

from starlette.types import Scope

from gateway.routes import Route
from gateway.throttle import SOURCE, SOURCE_PROOF
from meshkit.observability import current_request_id, current_traceparent
from meshkit.peers import CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_PROOF_HEADER

__all__ = ["response_headers", "upstream_headers", "upstream_target"]

# Hop-by-hop headers (RFC 9110 §7.6.1; Expect is answered by the gateway's own server), plus the headers the
# gateway sets itself and the other ways a client could claim where a request came from (Forwarded, X-Real-IP:
# only the gateway says that). Every ``proxy-*`` and ``x-forwarded-*`` header is dropped too, any header that
# Connection names, and any name with an underscore (as nginx does by default: frameworks that map header names to
# variables read ``X_Forwarded_For`` as ``X-Forwarded-For``).
_HOP_BY_HOP = frozenset(
    {b"connection", b"keep-alive", b"te", b"trailer", b"transfer-encoding", b"upgrade", b"expect"}
)
_DROP_REQUEST = _HOP_BY_HOP | {
    b"host",
    b"x-request-id",
    b"traceparent",
    b"forwarded",
    b"x-real-ip",
    b"x-forwarded-for",
    CLIENT_ADDRESS_HEADER.encode(),
    CLIENT_ADDRESS_PROOF_HEADER.encode(),
}
_DROP_REQUEST_PREFIXES = (b"proxy-", b"x-forwarded-")
# The gateway's own server writes Date and Server; RequestContextMiddleware writes X-Request-Id.
_DROP_RESPONSE = _HOP_BY_HOP | {b"x-request-id", b"date", b"server"}
_URL_SAFE = "/%:@!$&'()*+,;=?-._~"
_CLIENT_ADDRESS = CLIENT_ADDRESS_HEADER.lower().encode()
_CLIENT_ADDRESS_PROOF = CLIENT_ADDRESS_PROOF_HEADER.lower().encode()


def upstream_headers(scope: Scope, route: Route) -> list[tuple[bytes, bytes]]:
    """The client's end-to-end headers plus X-Forwarded-*, the request id and this hop's traceparent, as bytes
    (the client's pass through as they came: httptools let no CR or LF into them)."""
    headers: list[tuple[bytes, bytes]] = []
    host = forwarded_for = connection = None
    for name, value in scope["headers"]:
        if name in _DROP_REQUEST or name.startswith(_DROP_REQUEST_PREFIXES) or b"_" in name:
            if name == b"host":
                host = value
            elif name == b"x-forwarded-for":
                forwarded_for = value
            elif name == b"connection":
                connection = value
            continue
        headers.append((name, value))
    if connection:
        named = {token.strip().lower().encode("latin-1") for token in connection.decode("latin-1").split(",")}
        headers = [(name, value) for name, value in headers if name not in named]
    client = scope.get("client")
    if client:
        previous = forwarded_for + b", " if forwarded_for else b""
        headers.append((b"x-forwarded-for", previous + client[0].encode()))
    headers.append((b"x-forwarded-proto", scope.get("scheme", "http").encode()))
    if host:
        headers.append((b"x-forwarded-host", host))
    headers.append((b"x-forwarded-prefix", route.raw_prefix))
    source = scope.get(SOURCE)
    if source:
        headers.append((_CLIENT_ADDRESS, source.encode()))
        headers.append((_CLIENT_ADDRESS_PROOF, scope[SOURCE_PROOF].encode()))
    request_id = current_request_id()
    if request_id:
        headers.append((b"x-request-id", request_id.encode()))
    traceparent = current_traceparent()
    if traceparent:
        headers.append((b"traceparent", traceparent.encode()))
    return headers


def response_headers(
    raw: list[tuple[bytes, bytes]], origin: tuple[bytes, bytes, bytes] | None = None
) -> list[tuple[bytes, bytes]]:
    """The upstream's end-to-end response headers, lower-cased for ASGI. ``origin``: the upstream's
    ``host:port``, its base path and the route's public prefix — a ``Location`` pointing at the upstream itself
    (a service's redirect, built from the ``Host`` the gateway sent) is made to point at the gateway's path for
    it, as nginx's ``proxy_redirect default`` does (outside try: ``/catalog/search/`` answered ``307`` to
    ``http://127.0.0.1:8802/search``, the service's inside address, without the prefix)."""
    headers = []
    connection = None
    for name, value in raw:
        lower = name.lower()
        if lower in _DROP_RESPONSE or lower.startswith(b"proxy-"):
            if lower == b"connection":
                connection = value
            continue
        if lower == b"location" and origin is not None:
            value = _public_location(value, *origin)
        headers.append((lower, value))
    if connection:
        named = {token.strip().lower().encode() for token in connection.decode("latin-1").split(",")}
        headers = [(name, value) for name, value in headers if name not in named]
    return headers


def _public_location(value: bytes, authority: bytes, base: bytes, prefix: bytes) -> bytes:
    for scheme in (b"http://", b"https://"):
        origin = scheme + authority
        if value.startswith(origin) and value[len(origin) : len(origin) + 1] in (b"/", b"?", b"#", b""):
            rest = value[len(origin) :]
            if base and rest.startswith(base):
                rest = rest[len(base) :]
            return prefix + (rest if rest.startswith(b"/") else b"/" + rest)
    return value


def _url_text(raw: bytes) -> str:
    """Raw path or query bytes as URL text, keeping the client's escapes; stray non-ASCII bytes get escaped."""
    return raw.decode("ascii") if raw.isascii() else quote_from_bytes(raw, safe=_URL_SAFE)


def upstream_target(scope: Scope, route: Route, base: bytes = b"") -> bytes:
    """``<base><path without the service prefix>?<query>`` for the request line, the client's escapes kept as
    sent (``base``: the upstream URL's own path, if it has one)."""
    prefix = route.raw_prefix
    raw_path: bytes | None = scope.get("raw_path")
    if raw_path is not None and raw_path.startswith(prefix):
        # raw_path keeps the client's percent-encoding; httpx's ASGITransport appends the query to it.
        rest = _url_text(raw_path[len(prefix) :].partition(b"?")[0])
    else:
        rest = quote(scope["path"][len(route.prefix) :])
    query: bytes = scope.get("query_string", b"")
    target = base + (rest or "/").encode("ascii")
    if query:
        target += b"?" + _url_text(query).encode("ascii")
    return target
