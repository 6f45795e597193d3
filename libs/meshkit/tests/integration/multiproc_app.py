"""An ASGI app for the multiprocess metrics test: ``/bump`` counts one event in this process, ``/metrics`` is
meshkit's exposition; both answer with the serving process's pid."""

from __future__ import annotations

import os

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from meshkit.exposition import CONTENT_TYPE_LATEST, render
from meshkit.observability import metrics


async def bump(request: Request) -> Response:
    metrics.outbox_published.labels("multiproc").inc()
    return PlainTextResponse(str(os.getpid()))


async def scrape(request: Request) -> Response:
    return Response(render(), media_type=CONTENT_TYPE_LATEST, headers={"X-Pid": str(os.getpid())})


def create() -> Starlette:
    return Starlette(routes=[Route("/bump", bump), Route("/metrics", scrape)])
