"""A 500 the app has answered does not cost the connection (issue 18, failure 6).

Starlette's ``ServerErrorMiddleware`` sends the 500 that the app's handler made (``meshkit.errors``, which logs
the traceback) and then re-raises the exception "so that servers can log it". uvicorn then logs it a second time
and, since a response was started, *closes the connection* — after a keep-alive 500, and only once that second
traceback is written. A client pooling connections (the gateway) may meanwhile have sent another request on it,
which is cut off: a 502 for a request that had nothing to do with the failure.

:class:`MeshApp` (FastAPI with one more layer outside Starlette's own stack) ends such an exception once the
response has been sent whole: the connection stays open, the traceback is logged once. An exception raised
after a response that was not a 500 (a background task after a 200, say) is logged here instead, since no
handler saw it. Before the response is complete nothing is caught: the server still answers or cuts off.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from meshkit.errors import ANSWERED

__all__ = ["AnsweredErrors", "MeshApp"]

log = logging.getLogger("meshkit.errors")


class AnsweredErrors:
    """Outermost: swallow an exception that escapes after the whole response went out (see the module)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status = 0
        complete = False

        async def watched(message: Message) -> None:
            nonlocal status, complete
            await send(message)
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body" and not message.get("more_body", False):
                complete = True

        try:
            await self.app(scope, receive, watched)
        except Exception as exc:
            if not complete:
                raise
            # the app's handler for unexpected errors made the answer and logged the exception as what it was (a
            # 500 with its traceback, a client gone mid-body at INFO, an outage): only an exception no handler saw
            # (a background task's after a 200, say) is logged here
            if not scope.get(ANSWERED):
                log.error("error after the response was sent", exc_info=exc, extra={"path": scope["path"]})


class MeshApp(FastAPI):
    """FastAPI whose middleware stack (Starlette's server-error layer included) is wrapped in AnsweredErrors."""

    def build_middleware_stack(self) -> ASGIApp:
        return AnsweredErrors(super().build_middleware_stack())
