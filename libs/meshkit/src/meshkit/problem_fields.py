"""Two fields of a problem answer that come from the request, made safe and complete.

- ``instance`` (RFC 9457 §3.1.5, a URI reference): the request's path *percent-encoded* — RFC 3986 path
  characters kept, everything else (control characters, spaces, quotes, non-ASCII, ``%`` itself) as ``%XX`` of
  its UTF-8 bytes — and at most :data:`INSTANCE_MAX` characters. A path made of ordinary characters reads as
  before; a decoded ``%00`` or U+202E is never echoed back into a log viewer, a terminal or an HTML error page.
  Chosen over the request id URN because an integrator reading a problem wants to see which resource it was
  about; the request id travels in ``request_id`` anyway.
- ``Allow`` on a 405 (RFC 9110 §15.5.6): every method some route of the app declares for the path. Starlette's
  router names only the first route whose path matched, so ``DELETE /organizations`` was told ``Allow: GET``
  although ``POST /organizations`` is a route too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import quote

from starlette.routing import BaseRoute, Match
from starlette.types import Scope

__all__ = ["INSTANCE_MAX", "allowed_methods", "instance_uri"]

INSTANCE_MAX = 512
_PATH_SAFE = "/-._~!$&'()*+,;=:@"  # RFC 3986 pchar and "/" but "%": a decoded "%" is shown as %25
_CUT_ESCAPE = re.compile(r"%[0-9A-F]?$")
_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT")


def instance_uri(path: str | None) -> str | None:
    """``path`` (decoded, as ASGI gives it) as a percent-encoded URI reference of at most INSTANCE_MAX chars."""
    if path is None:
        return None
    encoded = quote(path[: INSTANCE_MAX + 1], safe=_PATH_SAFE)
    if len(encoded) > INSTANCE_MAX:
        encoded = _CUT_ESCAPE.sub("", encoded[:INSTANCE_MAX])
    return encoded


def allowed_methods(routes: Sequence[BaseRoute], scope: Scope) -> set[str]:
    """Each method for which some route of ``routes`` would take the request at ``scope["path"]``: asked of the
    routes themselves (``BaseRoute.matches``), so included routers, mounts and path converters count as the
    router counts them. Only run for a 405, where nine probes cost nothing that matters."""
    allowed: set[str] = set()
    for method in _METHODS:
        probe = {**scope, "method": method}
        if any(route.matches(probe)[0] is Match.FULL for route in routes):
            allowed.add(method)
    return allowed
