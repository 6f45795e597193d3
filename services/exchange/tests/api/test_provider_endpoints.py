"""Provider endpoints belong to the provider: only its administrators or its own system set one, on a host the
hub's operators listed for it, at an address the outbound policy admits as written."""

from typing import Any

import httpx
import pytest

from meshkit.db import Database

pytestmark = pytest.mark.api

POPULATION = "500110-GAJ-RK-001"
GAJ, SCJGJ = "500110-GAJ", "500110-SCJGJ"
WRITE = "exchange:resources:write"
BACKEND = "https://population.gaj.example/internal/addresses"  # the 公安 population system's backend


def proxied(provider: str, endpoint_url: str | None, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "常住人口地址",
        "provider_code": provider,
        "summary": "常住人口的居住地址",
        "items": [
            {"key": "name", "name": "姓名", "type": "string"},
            {"key": "address", "name": "居住地址", "type": "string"},
        ],
        "sharing_type": "not_shared",
        "legal_basis": "《中华人民共和国居民身份证法》第十三条",
        "sharing_method": "api",
        "update_cycle": "实时",
        "published_on": "2026-01-01",
        "endpoint_url": endpoint_url,
    }
    body.update(overrides)
    return body


async def list_hosts(client: httpx.AsyncClient, headers, member: str, hosts: list[str]) -> None:  # type: ignore[no-untyped-def]
    listed = await client.put(
        f"/members/{member}/endpoint-hosts", json={"hosts": hosts}, headers=headers.operator()
    )
    assert listed.status_code == 200, listed.text


async def population_endpoint(
    client: httpx.AsyncClient, headers, url: str | None, **overrides: Any
) -> httpx.Response:  # type: ignore[no-untyped-def]
    """GAJ's own administrator sets the population resource's endpoint (the demo's resource, other fields kept)."""
    return await client.put(
        f"/resources/{POPULATION}",
        json=population_body(url, **overrides),
        headers=headers.staff(GAJ, "admin"),
    )


def population_body(url: str | None, **overrides: Any) -> dict[str, Any]:
    return proxied(GAJ, url, name="人口基础信息", sharing_type="unconditional", legal_basis=None, **overrides)


async def test_staff_of_another_department_cannot_point_an_endpoint_at_a_backend(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    scjgj_admin = headers.staff(SCJGJ, "admin", sub="scjgj-admin")
    # the reported case: a not-shared resource of its own department, pointed at the 公安 backend (a host the
    # operators never listed for 市场监管局)
    own = await client.put(
        "/resources/500110-SCJGJ-RK-900", json=proxied(SCJGJ, BACKEND), headers=scjgj_admin
    )
    assert own.status_code == 422, own.text
    assert own.json()["code"] == "endpoint_host_not_allowed"
    assert "PUT /members/500110-SCJGJ/endpoint-hosts" in own.json()["detail"]
    # the 公安's own resource: only the 公安's administrators or system set its endpoint
    theirs = await client.put(f"/resources/{POPULATION}", json=population_body(BACKEND), headers=scjgj_admin)
    assert theirs.status_code == 403
    assert theirs.json()["code"] == "endpoint_not_allowed"
    assert "500110-GAJ" in theirs.json()["detail"]
    # a system of another department, with the scope: the same
    system = headers.system(SCJGJ, scope=WRITE)
    by_system = await client.put(f"/resources/{POPULATION}", json=population_body(BACKEND), headers=system)
    assert by_system.json()["code"] == "endpoint_not_allowed"
    # nor by taking the 公安's resource over, endpoint and all (the host is listed for 公安 only)
    await list_hosts(client, headers, GAJ, ["population.gaj.example"])
    endpoint = "https://population.gaj.example/query"
    assert (await population_endpoint(client, headers, endpoint)).status_code == 200
    taken = await client.put(
        f"/resources/{POPULATION}", json=population_body(endpoint, provider_code=SCJGJ), headers=scjgj_admin
    )
    assert taken.status_code == 403  # another department's admin is no operator: 公安's resource stays 公安's
    found = (await client.get("/resources", params={"provider": SCJGJ})).json()
    assert not {"500110-SCJGJ-RK-900", POPULATION} & {r["code"] for r in found}


async def test_reviewer_cannot_set_endpoint(client: httpx.AsyncClient, demo: Database, headers) -> None:  # type: ignore[no-untyped-def]
    reviewer = headers.staff(SCJGJ, "reviewer", sub="scjgj-reviewer")
    # the reported case: a 市场监管局 reviewer registers a not-shared proxied resource of the department
    new = await client.put(
        "/resources/500110-SCJGJ-RK-901",
        json=proxied(SCJGJ, "https://backend.scjgj.example/q"),
        headers=reviewer,
    )
    assert new.status_code == 403
    assert new.json()["code"] == "endpoint_not_allowed"
    assert "管理员" in new.json()["detail"]
    # the 公安's own reviewer and head, on the 公安's resource
    gaj_reviewer = headers.staff(GAJ, "reviewer", "department_head")
    changed = await client.put(
        f"/resources/{POPULATION}",
        json=population_body("https://population.gaj.example/v2"),
        headers=gaj_reviewer,
    )
    assert changed.status_code == 403
    assert changed.json()["code"] == "endpoint_not_allowed"
    # without an endpoint, a reviewer defines nothing either
    table = proxied(SCJGJ, None, sharing_method="table")
    refused = await client.put("/resources/500110-SCJGJ-RK-902", json=table, headers=reviewer)
    assert refused.json()["code"] == "not_permitted"
    # the department's administrator and its own system may (on a host listed for it)
    await list_hosts(client, headers, SCJGJ, ["backend.scjgj.example"])
    admin = headers.staff(SCJGJ, "admin")
    body = proxied(SCJGJ, "https://backend.scjgj.example/q")
    assert (await client.put("/resources/500110-SCJGJ-RK-901", json=body, headers=admin)).status_code == 200
    system = headers.system(SCJGJ, scope=WRITE)
    body = proxied(SCJGJ, "https://backend.scjgj.example/q2")
    assert (await client.put("/resources/500110-SCJGJ-RK-901", json=body, headers=system)).status_code == 200
    unscoped = await client.put(
        "/resources/500110-SCJGJ-RK-901", json=proxied(SCJGJ, None), headers=headers.system(SCJGJ)
    )
    assert unscoped.status_code == 403


async def test_an_operator_changes_neither_a_departments_resource_nor_its_endpoint(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    demo_endpoint = "http://127.0.0.1:8810/population/query"  # what the demo loader registered
    operator = headers.operator()
    renamed = population_body(demo_endpoint, summary="户籍人口的身份信息（更新）")
    renaming = await client.put(f"/resources/{POPULATION}", json=renamed, headers=operator)
    assert (renaming.status_code, renaming.json()["code"]) == (403, "not_permitted")
    elsewhere = population_body("https://population.gaj.example/other")
    refused = await client.put(f"/resources/{POPULATION}", json=elsewhere, headers=operator)
    assert refused.status_code == 403
    assert refused.json()["code"] == "endpoint_not_allowed"
    cleared = population_body(None, sharing_method="table")
    assert (await client.put(f"/resources/{POPULATION}", json=cleared, headers=operator)).json()["code"] == (
        "endpoint_not_allowed"
    )


async def test_endpoint_host_must_be_allowlisted_for_the_provider(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    url = "https://Population-V2.gaj.example:8443/query"
    unlisted = await population_endpoint(client, headers, url)
    assert unlisted.status_code == 422
    assert unlisted.json()["code"] == "endpoint_host_not_allowed"
    assert "population-v2.gaj.example:8443" in unlisted.json()["detail"]
    await list_hosts(client, headers, GAJ, ["population-v2.gaj.example:8443"])
    assert (await population_endpoint(client, headers, url)).status_code == 200
    other_port = await population_endpoint(client, headers, "https://population-v2.gaj.example/query")
    assert other_port.json()["code"] == "endpoint_host_not_allowed"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://127.0.0.1:5432/", "loopback"),
        ("https://127.1/", "loopback"),
        ("https://2130706433/", "loopback"),
        ("https://0x7f000001/", "loopback"),
        ("https://017700000001/", "loopback"),
        ("https://localhost:8810/population/query", "loopback"),
        ("https://[::1]/", "loopback"),
        ("https://[::ffff:127.0.0.1]/", "ipv4_mapped"),
        ("https://0.0.0.0/", "unspecified"),
        ("https://169.254.169.254/latest/meta-data/", "link_local"),
        ("https://10.10.1.20:8080/population", "private"),
        ("https://192.168.10.5/", "private"),
        ("http://population.gaj.example/query", "scheme"),
    ],
)
async def test_endpoint_url_refused_as_written(
    client: httpx.AsyncClient, demo: Database, headers, url: str, reason: str
) -> None:  # type: ignore[no-untyped-def]
    response = await population_endpoint(client, headers, url)
    assert response.status_code == 422
    assert response.json()["code"] == "endpoint_refused"
    assert response.json()["errors"][0]["reason"] == reason


async def test_endpoint_name_resolving_inside_is_refused_at_registration(
    client: httpx.AsyncClient, demo: Database, headers, resolver
) -> None:  # type: ignore[no-untyped-def]
    resolver.script("population.gaj.example", ["10.10.1.20", "fd00::20"])
    response = await population_endpoint(client, headers, "https://population.gaj.example/query")
    assert response.status_code == 422
    assert response.json()["code"] == "endpoint_refused"
    assert resolver.asked == ["population.gaj.example"]


async def test_only_operators_keep_endpoint_hosts(client: httpx.AsyncClient, demo: Database, headers) -> None:  # type: ignore[no-untyped-def]
    body = {"hosts": ["Population.GAJ.example", "10.10.1.20:8443", "[::1]:9"]}
    path = f"/members/{GAJ}/endpoint-hosts"
    # a department's administrator (an operator-like role of old) widens no department's list, its own included
    for caller in (
        headers.staff(SCJGJ, "admin"),
        headers.staff(GAJ, "admin"),
        headers.system(GAJ, scope=WRITE),
    ):
        refused = await client.put(path, json=body, headers=caller)
        assert refused.status_code == 403
    listed = await client.put(path, json=body, headers=headers.operator())
    assert listed.json() == {
        "member_code": GAJ,
        "hosts": ["10.10.1.20:8443", "[::1]:9", "population.gaj.example"],
    }
    assert (await client.get(path, headers=headers.staff(GAJ, "admin"))).json()["hosts"] == listed.json()[
        "hosts"
    ]
    assert (await client.get(path, headers=headers.staff(SCJGJ, "admin"))).status_code == 403
    assert (await client.get(path, headers=headers.staff(GAJ, "reviewer"))).status_code == 403
    bad = await client.put(
        path, json={"hosts": ["https://x.example/path", "a b"]}, headers=headers.operator()
    )
    assert bad.status_code == 422
    assert bad.json()["code"] == "invalid_endpoint_host"
    assert {e["field"] for e in bad.json()["errors"]} == {"body.hosts.0", "body.hosts.1"}
    unknown = await client.put("/members/500110-NONE/endpoint-hosts", json=body, headers=headers.operator())
    assert unknown.status_code == 404
    emptied = await client.put(path, json={"hosts": []}, headers=headers.operator())
    assert emptied.json()["hosts"] == []
