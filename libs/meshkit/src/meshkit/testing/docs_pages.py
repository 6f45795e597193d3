"""Checks that an app's API docs pages work on an intranet: nothing loaded from outside (issue 19, failure 16)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import httpx

from meshkit.docs_pages import ASSETS, ASSETS_PATH, DOCS_POLICY

__all__ = ["assert_offline_docs", "references"]

_URL_ATTRIBUTES = frozenset({"src", "href", "spec-url"})


class References(HTMLParser):
    """Every URL an HTML page makes a browser load: ``src``, ``href`` and ReDoc's ``spec-url``, and any URL written in
    its inline scripts (Swagger UI is started by one, naming the OpenAPI document)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls += [value for name, value in attrs if name in _URL_ATTRIBUTES and value]
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.urls += re.findall(r"""(?:https?:)?//[^\s'"`]+""", data)
            self.urls += re.findall(r"""url: '([^']+)'""", data)


def references(page: str) -> list[str]:
    parser = References()
    parser.feed(page)
    return parser.urls


async def assert_offline_docs(client: httpx.AsyncClient, *, title: str | None = None) -> None:
    """``/docs`` and ``/redoc`` of the app behind ``client`` name no other host, and each file they name (the
    assets and the OpenAPI document) answers 200 with its content type; ``title`` is on both pages."""
    for page in ("/docs", "/redoc"):
        response = await client.get(page)
        assert response.status_code == 200, page
        assert response.headers["content-type"].startswith("text/html")
        assert response.headers["content-security-policy"] == DOCS_POLICY
        assert title is None or title in response.text
        urls = references(response.text)
        assert urls, page
        external = [url for url in urls if urlsplit(url).netloc]
        assert external == [], f"{page} loads from outside the mesh: {external}"
        assets = [url for url in urls if url.startswith(ASSETS_PATH)]
        assert assets, page
        for url in [*assets, *(u for u in urls if u.endswith("openapi.json"))]:
            asset = await client.get(url)
            assert asset.status_code == 200, url
            name = url.rsplit("/", 1)[-1]
            expected = ASSETS.get(name, "application/json")
            assert asset.headers["content-type"].split(";")[0] == expected, url
            assert len(asset.content) > 1000 or name == "openapi.json", url
    swagger = (await client.get("/docs")).text
    assert f"{ASSETS_PATH}/swagger-ui-bundle.js" in swagger
    assert f"{ASSETS_PATH}/swagger-ui.css" in swagger
    assert f"{ASSETS_PATH}/redoc.standalone.js" in (await client.get("/redoc")).text
    assert "fonts.googleapis" not in (await client.get("/redoc")).text
    assert "SwaggerUIBundle" in (await client.get(f"{ASSETS_PATH}/swagger-ui-bundle.js")).text
    assert (await client.get("/docs/oauth2-redirect")).status_code == 200
