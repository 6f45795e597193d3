"""The gateway's own routes: health, aggregated readiness, metrics, combined OpenAPI, Swagger UI and ReDoc."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from meshkit.testing.docs_pages import assert_offline_docs

pytestmark = pytest.mark.api


async def test_healthz(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "service": "gateway"}


async def test_readyz_lists_every_upstream_and_fails_when_one_is_down(client: httpx.AsyncClient) -> None:
    response = await client.get("/readyz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "not_ready"
    assert body["checks"]["catalog"] == "ok"
    assert body["checks"]["cases"] == "ok"
    assert body["checks"]["identity"].startswith("down: ")
    assert body["checks"]["exchange"].startswith("down: ")


async def test_readyz_is_ready_when_all_upstreams_are(gateway: Any, upstreams: dict[str, Any]) -> None:
    up = upstreams["catalog"].url
    async with gateway(identity_url=up, exchange_url=up) as client:
        response = await client.get("/readyz")

    assert response.status_code == 200
    assert response.json()["checks"] == dict.fromkeys(
        ("identity", "catalog", "cases", "exchange", "revocations"), "ok"
    )


async def test_metrics_name_the_upstream_route(gateway: Any) -> None:
    async with gateway(metrics_networks=["127.0.0.7/32"]) as client:  # the test client's address is inside
        await client.get("/catalog/echo/m")
        response = await client.get("/metrics")
    assert response.status_code == 200
    assert 'route="/catalog/{path}"' in response.text


async def test_issue17_failure9_the_gateways_own_metrics_are_for_the_inside_only(gateway: Any) -> None:
    """The gateway's /metrics answers its inside networks only (default loopback): to the public, also through
    a trusted load balancer naming an outside client, it does not exist."""
    async with gateway(asgi=True) as client:  # the test client, 203.0.113.7, is outside
        outside = await client.get("/metrics")
    assert (outside.status_code, outside.json()["code"]) == (404, "route_not_found")
    async with gateway(
        asgi=True, trusted_proxies=["203.0.113.0/24"], metrics_networks=["203.0.113.0/24"]
    ) as client:
        through = await client.get("/metrics", headers={"X-Forwarded-For": "198.51.100.8"})
        assert through.status_code == 404
        assert (await client.get("/metrics")).status_code == 200  # the balancer's own scrape


def resolve(doc: dict[str, Any], ref: str) -> Any:
    assert ref.startswith("#/"), ref
    node: Any = doc
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def all_refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return own + [ref for value in node.values() for ref in all_refs(value)]
    if isinstance(node, list):
        return [ref for item in node for ref in all_refs(item)]
    return []


async def test_combined_openapi(client: httpx.AsyncClient) -> None:
    response = await client.get("/openapi.json")

    assert response.status_code == 200
    doc = response.json()
    assert doc["info"]["title"] == "通办 Tongban API"
    paths = doc["paths"]
    assert {"/healthz", "/readyz", "/catalog/items/{code}", "/cases/items/{code}"} <= set(paths)
    assert "/openapi.json" not in paths
    schemas = doc["components"]["schemas"]
    assert {"catalog_MatterOut", "catalog_Material", "cases_CaseOut", "cases_Material"} <= set(schemas)
    assert "MatterOut" not in schemas
    assert schemas["catalog_MatterOut"]["properties"]["materials"]["items"]["$ref"] == (
        "#/components/schemas/catalog_Material"
    )
    refs = all_refs(doc)
    assert refs
    for ref in refs:
        resolve(doc, ref)  # every $ref points at something that exists
    operation = paths["/catalog/items/{code}"]["get"]
    assert operation["operationId"].startswith("catalog_")
    assert operation["tags"] == ["catalog: items"]
    assert operation["security"] == [{"HTTPBearer": []}]
    assert list(doc["components"]["securitySchemes"]) == ["HTTPBearer"]
    operation_ids = [
        op["operationId"] for item in paths.values() for op in item.values() if "operationId" in op
    ]
    assert len(operation_ids) == len(set(operation_ids))
    assert {entry["service"] for entry in doc["x-unavailable"]} == {"identity", "exchange"}
    assert "identity" in doc["info"]["description"]


async def test_docs_page(client: httpx.AsyncClient) -> None:
    response = await client.get("/docs")

    assert response.status_code == 200
    assert "通办 Tongban API" in response.text
    assert "/openapi.json" in response.text


async def test_issue19_failure16_gateway_docs_load_nothing_from_a_public_cdn(
    client: httpx.AsyncClient,
) -> None:
    """Failure 16: the gateway's combined ``/docs`` (and ``/redoc``) were blank on an intranet, Swagger UI coming
    from a public CDN; now every file they load is the gateway's own."""
    await assert_offline_docs(client, title="通办 Tongban API")
