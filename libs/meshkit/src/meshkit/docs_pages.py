"""Swagger UI (``/docs``) and ReDoc (``/redoc``) served from the mesh's own files, for every service and the gateway.

FastAPI's pages load Swagger UI, ReDoc, their stylesheet, a favicon and Google Fonts from public CDNs, so on a
government intranet they stay blank (issue 19, failure 16). The assets come from the ``fastapi-offline`` package
instead (a maintained wheel shipping swagger-ui-dist's bundle and stylesheet and redoc's standalone bundle), served
under :data:`ASSETS_PATH`; the pages are FastAPI's own HTML pointed at them. Why a package rather than files fetched
at build time: docs/architecture.md, "API docs without a CDN".

The pages also send a ``Content-Security-Policy`` that keeps images and fonts to the mesh's own origin: ReDoc's
sidebar shows a logo from its vendor's CDN, which a browser then does not even try to load.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

__all__ = ["ASSETS", "ASSETS_PATH", "DOCS_POLICY", "install_docs_pages"]

ASSETS_PATH = "/docs-assets"
ASSETS: dict[str, str] = {
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui.css": "text/css",
    "redoc.standalone.js": "text/javascript",
    "favicon.png": "image/png",
}
"""The files the pages load, each with the content type it is served as."""
DOCS_POLICY = "img-src 'self' data: blob:; font-src 'self' data:"
"""The pages' ``Content-Security-Policy``: images and fonts from the mesh only (scripts and styles are ours by the
HTML itself; requests a reader sends with "Try it out" go to the API's servers and are not restricted)."""
_SWAGGER_PARAMETERS = {"validatorUrl": None}  # no badge asking the public swagger.io validator


def _asset_directory() -> Path:
    return Path(str(files("fastapi_offline") / "static"))


def install_docs_pages(app: FastAPI, *, title: str, openapi_url: str = "/openapi.json") -> None:
    """Serve ``/docs``, its OAuth2 redirect page, ``/redoc`` and the assets under :data:`ASSETS_PATH` on ``app``,
    which was made with ``docs_url=None, redoc_url=None`` (FastAPI's CDN pages off)."""
    app.include_router(_pages_router(title=title, openapi_url=openapi_url))
    app.mount(ASSETS_PATH, StaticFiles(directory=_asset_directory()), name="docs-assets")


def _pages_router(*, title: str, openapi_url: str) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    redirect = "/docs/oauth2-redirect"

    @router.get("/docs")
    async def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        page = get_swagger_ui_html(
            openapi_url=f"{root}{openapi_url}",
            title=f"{title} - Swagger UI",
            oauth2_redirect_url=f"{root}{redirect}",
            swagger_js_url=f"{root}{ASSETS_PATH}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{ASSETS_PATH}/swagger-ui.css",
            swagger_favicon_url=f"{root}{ASSETS_PATH}/favicon.png",
            swagger_ui_parameters=_SWAGGER_PARAMETERS,
        )
        page.headers["content-security-policy"] = DOCS_POLICY
        return page

    @router.get(redirect)
    async def swagger_ui_redirect() -> HTMLResponse:
        page = get_swagger_ui_oauth2_redirect_html()
        page.headers["content-security-policy"] = DOCS_POLICY
        return page

    @router.get("/redoc")
    async def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        page = get_redoc_html(
            openapi_url=f"{root}{openapi_url}",
            title=f"{title} - ReDoc",
            redoc_js_url=f"{root}{ASSETS_PATH}/redoc.standalone.js",
            redoc_favicon_url=f"{root}{ASSETS_PATH}/favicon.png",
            with_google_fonts=False,
        )
        page.headers["content-security-policy"] = DOCS_POLICY
        return page

    return router
