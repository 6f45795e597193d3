"""The problem catalogue (docs/problems.md) where every problem's ``type`` URI leads: ``GET /problems/{code}``
answers the code's entry as a page, ``GET /problems`` the whole catalogue as Markdown (RFC 9457 §3.1.1: a ``type``
that is a locator should lead to documentation a person can read)."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Response
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse

from meshkit.errors import ProblemError, problem_responses

__all__ = ["DEFAULT_CATALOGUE", "Catalogue", "problems_router"]

DEFAULT_CATALOGUE = Path(__file__).resolve().parents[3] / "docs" / "problems.md"
"""docs/problems.md of the source tree the gateway runs from (``GATEWAY_PROBLEMS_FILE`` points elsewhere)."""

_ENTRY = re.compile(r"^### `([a-z0-9_]+)`\s*$", re.MULTILINE)
_CODE_SPAN = re.compile(r"`([^`]+)`")


class Catalogue:
    """The entries of the catalogue, read once."""

    def __init__(self, path: Path) -> None:
        self.text = path.read_text(encoding="utf-8")
        self.entries: dict[str, str] = {}
        heads = list(_ENTRY.finditer(self.text))
        for head, following in zip(heads, [*heads[1:], None], strict=True):
            end = following.start() if following is not None else len(self.text)
            body = self.text[head.end() : end].split("\n## ", 1)[0]
            self.entries[head.group(1)] = body.strip()

    def page(self, code: str) -> str:
        parts = [part.strip() for part in self.entries[code].split("\n\n") if part.strip()]
        marked = [_CODE_SPAN.sub(r"<code>\1</code>", html.escape(part, quote=False)) for part in parts]
        paragraphs = "".join(f"<p>{part}</p>\n" for part in marked)
        return (
            '<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f"<title>{code} · 通办问题代码</title></head>\n<body>\n<h1><code>{code}</code></h1>\n{paragraphs}"
            '<p><a href="../problems">问题代码目录 (all problem codes)</a></p>\n</body></html>\n'
        )


def problems_router(catalogue: Catalogue) -> APIRouter:
    router = APIRouter(prefix="/problems", tags=["问题代码 (problem types)"])

    @router.get(
        "",
        response_class=Response,
        summary="The problem catalogue (问题代码目录)",
        operation_id="gateway_problem_catalogue",
        responses={200: {"content": {"text/markdown": {"schema": {"type": "string"}}}}},
    )
    async def catalogue_text() -> Response:
        """docs/problems.md: every problem `code` the services send, with its status and meaning."""
        return Response(catalogue.text, media_type="text/markdown; charset=utf-8")

    @router.get(
        "/{code}",
        response_class=HTMLResponse,
        summary="One problem type (问题类型)",
        operation_id="gateway_problem_type",
        responses={
            200: {"content": {"text/html": {"schema": {"type": "string"}}}},
            **problem_responses(404),
        },
    )
    async def problem_type(
        code: Annotated[str, PathParam(max_length=64, pattern="^[a-z0-9_]+$", examples=["matter_not_found"])],
    ) -> HTMLResponse:
        """Where a problem's `type` URI leads: the catalogue's entry for its `code`."""
        if code not in catalogue.entries:
            raise ProblemError(f"问题代码目录中没有 {code}", status=404, code="problem_type_not_found")
        return HTMLResponse(catalogue.page(code))

    return router
