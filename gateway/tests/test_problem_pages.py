"""Issue 18, failure 12: problem `type` URIs led nowhere. The gateway serves docs/problems.md: each problem's
`type` (`<TONGBAN_PUBLIC_URL>/problems/<code>`) is a page of the catalogue."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from gateway.problems import DEFAULT_CATALOGUE, Catalogue

pytestmark = pytest.mark.api

CATALOGUE = Catalogue(DEFAULT_CATALOGUE)


def test_the_catalogue_is_the_repository_docs() -> None:
    assert Path(__file__).resolve().parents[2] / "docs" / "problems.md" == DEFAULT_CATALOGUE
    assert len(CATALOGUE.entries) > 150
    assert "HTTP 404" in CATALOGUE.entries["matter_not_found"]


async def test_issue18_f12_every_catalogued_code_has_a_page(client: httpx.AsyncClient) -> None:
    for code in CATALOGUE.entries:
        page = await client.get(f"/problems/{code}")
        assert page.status_code == 200, code
        assert page.headers["content-type"].startswith("text/html")
        assert f"<code>{code}</code>" in page.text
    unknown = await client.get("/problems/no_such_problem")
    assert (unknown.status_code, unknown.json()["code"]) == (404, "problem_type_not_found")
    whole = await client.get("/problems")
    assert whole.headers["content-type"].startswith("text/markdown")
    assert whole.text == DEFAULT_CATALOGUE.read_text()


async def test_issue18_f12_a_problems_type_resolves_to_its_page(gateway: Any) -> None:
    """The gateway's own problem names its public base; following `type` answers the catalogue's entry."""
    async with gateway(public_url="https://tongban.qijiang.example") as client:
        refused = await client.get("/nowhere/at/all")
        problem = refused.json()
        assert problem["type"] == "https://tongban.qijiang.example/problems/route_not_found"
        page = await client.get(urlsplit(problem["type"]).path)
    assert page.status_code == 200
    assert "<code>route_not_found</code>" in page.text
    assert "HTTP 404" in page.text


def test_page_text_is_escaped(tmp_path: Path) -> None:
    catalogue = tmp_path / "problems.md"
    catalogue.write_text("# x\n\n### `evil`\n\nHTTP 400 · x\n\n<script>alert(1)</script> `a<b>`\n")
    page = Catalogue(catalogue).page("evil")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<code>a&lt;b&gt;</code>" in page
