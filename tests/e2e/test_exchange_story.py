"""The exchange in the running mesh, through the gateway (DOMAIN.md §8): departments read 陈晓梅's data for her
cases — from the 公安 population simulator and the e-certificate registry — and she, logged in through
identity, sees exactly those reads in "who read my data". Case events reach the city-platform simulator, signed
with SM2 across processes, and the platform's 回流 push is verified by the hub."""

from __future__ import annotations

import os
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from identity.demo import DEMO_CLIENT_SECRET
from meshkit.events import CloudEvent
from meshkit.testing import eventually, filing
from meshkit.worker import connect_nats
from tongban.mesh import Mesh

pytestmark = pytest.mark.e2e

CHEN = "500222199803070028"  # 陈晓梅, identity's demo person and the population simulator's resident
LI = "500222200305190153"  # 李华
CERTIFICATE = "1.2.156.3005.2.11100000000013338W011.11500110MB1A0001X2.20230000405.001.G"  # 区市场监管局


def simulator_url(mesh: Mesh, name: str) -> str:
    return mesh.config.url(next(sim for sim in mesh.config.simulators if sim.name == name))


async def system_token(http: httpx.AsyncClient) -> dict[str, str]:
    """区市场监管局's department system (identity's demo client, client credentials)."""
    response = await http.post(
        "/identity/token",
        data={"grant_type": "client_credentials"},
        auth=("catalog-editor", DEMO_CLIENT_SECRET),
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


LogIn = Callable[..., Awaitable[tuple[dict[str, str], dict[str, Any]]]]


async def _publish_case_events(mesh: Mesh, data: dict[str, Any], steps: list[tuple[str, str]]) -> None:
    """Publish a case's events as the cases service does (a stand-in on the CASES stream): (event, status) each."""
    assert mesh.nats is not None
    nc = await connect_nats(mesh.nats.url_for("cases-worker"), name="e2e-cases-stand-in")
    try:
        js = nc.jetstream()
        for sequence, (name, status) in enumerate(steps, 1):
            event = CloudEvent(
                id=str(uuid.uuid4()),
                source="/tongban/cases",
                type=f"cases.{name}.v1",
                subject=data["case_id"],
                time=datetime.now(UTC),
                sequence=sequence,
                data={**data, "status": status},
            )
            await js.publish(event.type, event.model_dump_json().encode(), stream="CASES")
    finally:
        await nc.drain()


async def _announce_case(mesh: Mesh, *, number: str, applicant: str, approved: bool) -> None:
    """The cases service's events of a case handled by 区市场监管局, published as cases publishes them (a stand-in:
    the exchange learns who handles which case for whom from ``cases.>``)."""
    data = {
        "case_id": f"e2e-{number}",
        "case_number": number,
        "matter_code": "500110-SCJGJ-GTGSH-DJ",
        "matter_version": 1,
        "handling_org": "500110-SCJGJ",
        "received_by_org": "500110-ZWFWZX",
        "channel": "online",
        "national_code": 1,
        "occurred_at": datetime.now(UTC).isoformat(),
        "applicant_kind": "person",
        "applicant_id": applicant,
    }
    steps = [("case_submitted", "received")] + ([("case_concluded", "approved")] if approved else [])
    await _publish_case_events(mesh, data, steps)


async def test_who_read_my_data(http: httpx.AsyncClient, log_in: LogIn, mesh: Mesh) -> None:
    chen, claims = await log_in(CHEN)
    assert claims["tb_kind"] == "person"
    reviewer, staff_claims = await log_in("reviewer.djzc")  # 区市场监管局 登记注册 reviewer
    assert staff_claims["org"] == "500110-SCJGJ"
    case_a, case_b = f"E2E{uuid.uuid4().hex[:12]}A", f"E2E{uuid.uuid4().hex[:12]}B"
    await _announce_case(mesh, number=case_a, applicant=claims["sub"], approved=True)
    await _announce_case(mesh, number=case_b, applicant=claims["sub"], approved=False)
    why_a = {"purpose": "个体工商户设立登记 经营者身份核验", "case_ref": case_a}

    async def population_read() -> httpx.Response:
        response = await http.post(
            "/exchange/resources/500110-GAJ-RK-001/read",
            headers=reviewer,
            json={"identifier": CHEN, **why_a, "items": ["name", "address"]},
        )
        assert response.status_code == 200, response.text  # once the exchange has the case from its events
        return response

    population = await eventually(population_read, timeout=30, interval=0.3)
    assert population.json()["data"] == {
        "name": "陈晓梅",
        "address": "重庆市綦江区古南街道綦河社区沿河路12号",
    }
    forwarded = (await http.get(f"{simulator_url(mesh, 'population-sim')}/admin/requests")).json()
    assert any(r["case"] == case_a and r["org"] == "500110-SCJGJ" for r in forwarded)

    # the approved case stands behind the certificate; a reviewer of its department registers it
    # the read needs the case known, the certificate its approval: the second event may still be on its way
    async def issue() -> httpx.Response:
        issued = await http.post(
            "/exchange/certificates",
            headers=reviewer,
            json={
                "identifier": CERTIFICATE,
                "type_name": "营业执照",
                "holder_kind": "person",
                "holder_identifier": CHEN,
                "holder_name": "陈晓梅",
                "valid_from": "2026-06-15",
                "case_ref": case_a,
            },
        )
        assert issued.status_code in (201, 409), issued.text  # 409: a rerun on the same var/
        return issued

    await eventually(issue, timeout=30, interval=0.3)
    found = await http.post(
        "/exchange/certificates/lookup",
        headers=reviewer,
        json={
            "holder_kind": "person",
            "holder_identifier": CHEN,
            "type_code": "11100000000013338W011",
            "purpose": "食品经营许可 营业执照免提交",
            "case_ref": case_b,
        },
    )
    assert found.status_code == 200, found.text
    assert CERTIFICATE in [
        c["identifier"] for c in found.json()["certificates"]
    ]  # cases may have issued more

    # 李华 is no party to her case: refused, and the refusal is his to see, not hers
    other = await http.post(
        "/exchange/resources/500110-GAJ-RK-001/read",
        headers=reviewer,
        json={"identifier": LI, "person_id": claims["sub"], "purpose": "核验", "case_ref": case_b},
    )
    assert (other.status_code, other.json()["code"]) == (403, "subject_not_in_case")
    refused = await http.post(
        "/exchange/resources/500110-GAJ-RK-001/read",
        headers=reviewer,
        json={"identifier": CHEN, "case_ref": case_a},
    )
    assert (refused.status_code, refused.json()["code"]) == (400, "purpose_required")
    catalog = await system_token(http)  # a system with only the catalog's scopes reads nothing
    scoped = await http.post(
        "/exchange/resources/500110-GAJ-RK-001/read", headers=catalog, json={"identifier": CHEN, **why_a}
    )
    assert (scoped.status_code, scoped.json()["code"]) == (403, "not_permitted")

    mine = await http.get("/exchange/access-log/mine", headers=chen)
    assert mine.status_code == 200, mine.text
    seen = {
        (m["case_ref"], m["resource_code"], m["organization"], m["outcome"], m["reason"]) for m in mine.json()
    }
    assert {
        (case_a, "500110-GAJ-RK-001", "区市场监管局", "granted", None),
        (case_b, "500110-ZWFWZX-ZZ-001", "区市场监管局", "granted", None),
        (case_a, "500110-GAJ-RK-001", "区市场监管局", "refused", "purpose_required"),
        (case_a, "500110-GAJ-RK-001", "区市场监管局", "refused", "not_permitted"),
    } <= seen, seen
    assert all(m["purpose"] != "核验" for m in mine.json())  # 李华's read is not hers
    auditor, _ = await log_in("auditor")
    chain = (await http.get("/exchange/access-log/chain", headers=auditor)).json()
    assert chain["intact"] is True, chain


async def test_case_events_reach_the_city_platform_signed(http: httpx.AsyncClient, mesh: Mesh) -> None:
    city = simulator_url(mesh, "city-platform-sim")
    number = f"5001102026{uuid.uuid4().int % 10**10:010d}"
    data = {
        "case_id": f"e2e-{number}",
        "case_number": number,
        "matter_code": "500110-SCJGJ-GTGSH-DJ",
        "status": "accepted",
        "national_code": 2,
        "handling_org": "500110-SCJGJ",
    }
    await _publish_case_events(mesh, data, [("case_submitted", "received"), ("case_accepted", "accepted")])

    async def arrived() -> None:
        received = (await http.get(f"{city}/admin/received", params={"case_number": number})).json()
        assert [r["kind"] for r in received["records"]] == ["process", "acceptance", "process"]
        assert {r["signature_alg"] for r in received["records"]} == {"SM2-SM3"}
        assert received["bad_signatures"] == 0

    await eventually(arrived, timeout=60, interval=0.5)
    pushed = await http.post(
        f"{city}/admin/push",
        json={
            "kind": "matters",
            "batch": f"CQ-{number}",
            "items": [{"matter_code": "11500000MB1234567X-XK-001", "name": "食品经营许可"}],
        },
    )
    assert pushed.json()["status"] == 202, pushed.text
    assert pushed.json()["body"]["received"] == 1


async def test_the_districts_calendar_reaches_the_exchange(http: httpx.AsyncClient, log_in: LogIn) -> None:
    """A year's holiday notice entered by the district administrator in cases is the one the exchange counts
    share requests' answer dates in (cases.calendar_published.v1 over JetStream). Test data, a far year."""
    admin, _ = await log_in("admin")
    notice = {
        "source": "测试数据: 2090 年节假日安排",
        "holidays": ["2090-10-02", "2090-10-03"],
        "makeup_workdays": ["2090-09-30"],
    }
    entered = await http.put("/cases/calendar/years/2090", headers=admin, json=notice)
    assert entered.status_code == 200, entered.text
    department = await system_token(http)

    async def arrived() -> None:
        years = {
            y["year"]: y for y in (await http.get("/exchange/calendar/years", headers=department)).json()
        }
        assert 2090 in years
        assert years[2090]["revision"] >= 1
        assert {k: years[2090][k] for k in notice} == notice

    await eventually(arrived, timeout=30, interval=0.3)


async def test_the_cases_worker_reads_through_the_exchanges_background_lane(
    http: httpx.AsyncClient, log_in: LogIn, mesh: Mesh
) -> None:
    """The exchange's background lane serves the cases worker's batch reads at the workers' priority, below
    the exchange's interactive processes; an application's materials are read there."""
    (lane,) = mesh.config.lanes
    pids = mesh.pids()
    assert os.getpriority(os.PRIO_PROCESS, pids[lane.name]) > os.getpriority(
        os.PRIO_PROCESS, pids["exchange"]
    )
    chen, _ = await log_in(CHEN)
    applied = await http.post(
        "/cases/cases",
        headers=filing(chen),
        json={
            "matter_code": "500110-SCJGJ-GTGSH-SL",
            "form": {"字号": "綦河小馆", "经营场所": "古南街道沿河路"},
        },
    )
    assert applied.status_code == 201, applied.text

    async def read_in_the_lane() -> None:
        metrics = (await http.get(f"{mesh.config.url(lane)}/metrics")).text
        served = [
            line
            for line in metrics.splitlines()
            if line.startswith("tongban_http_request_duration_seconds_count") and 'route="/reads"' in line
        ]
        assert served, "no batch read reached the lane"
        assert sum(float(line.rsplit(" ", 1)[1]) for line in served) >= 1

    await eventually(read_in_the_lane, timeout=30, interval=0.3)


async def test_checkpoints_are_signed_and_witnessed_while_the_mesh_runs(
    http: httpx.AsyncClient, log_in: LogIn, mesh: Mesh
) -> None:
    """The exchange worker signs the access log's head (every second in this mesh) and the time-stamping
    simulator witnesses each checkpoint; the verifier checks the chain against them."""
    system = await system_token(http)
    body = {
        "identifier": LI,
        "person_id": "li-hua",
        "purpose": "核验",
        "case_ref": f"E2E{uuid.uuid4().hex[:12]}",
    }
    read = await http.post("/exchange/resources/500110-GAJ-RK-001/read", headers=system, json=body)
    assert read.json()["access_log_id"], (
        read.text
    )  # refused (no basis for this system): logged and chained too
    admin, _ = await log_in("admin")
    tsa = simulator_url(mesh, "timestamping-sim")

    async def witnessed() -> dict[str, Any]:
        chain = (await http.get("/exchange/access-log/chain", headers=admin)).json()
        assert chain["intact"] is True, chain
        last = chain["last_checkpoint"]
        assert last is not None
        assert last["witnessed_at"] is not None
        assert last["seq"] >= chain["head_seq"] - chain["entries_since_checkpoint"]
        stamped = (await http.get(f"{tsa}/admin/stamped")).json()["stamped"]
        assert last["digest"] in [s["hashed_message"] for s in stamped]
        return dict(chain)

    chain = await eventually(witnessed, timeout=30, interval=0.5)
    assert chain["checkpoints_checked"] >= 1
    listed = (await http.get("/exchange/access-log/checkpoints", headers=admin)).json()
    assert listed[-1]["n"] >= chain["last_checkpoint"]["n"]
    keys = (await http.get("/exchange/access-log/checkpoint-keys")).json()  # public: no token
    assert chain["last_checkpoint"]["key_id"] in [
        k["key_id"] for k in keys["checkpoint_keys"] if k["current"]
    ]


async def _client_token(http: httpx.AsyncClient, client_id: str) -> dict[str, str]:
    response = await http.post(
        "/identity/token", data={"grant_type": "client_credentials"}, auth=(client_id, DEMO_CLIENT_SECRET)
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


async def test_a_department_trying_every_way_around_the_rules_is_refused(
    http: httpx.AsyncClient, log_in: LogIn, mesh: Mesh
) -> None:
    """区税务局's system and a village clerk, through the gateway, against 陈晓梅's data: each way around the rules
    is refused with its code, and each refused read is hers to see."""
    chen, claims = await log_in(CHEN)
    tax = await _client_token(http, "swj-collection")
    clerk, _ = await log_in("clerk.qihe")
    head, _ = await log_in("head.gaj")
    case = f"E2E{uuid.uuid4().hex[:12]}T"
    await _announce_case(mesh, number=case, applicant=claims["sub"], approved=True)
    population = "/exchange/resources/500110-GAJ-RK-001/read"
    why = {"identifier": CHEN, "purpose": "稽查核验"}

    async def refused(
        caller: dict[str, str], body: dict[str, Any], code: str, path: str = population
    ) -> None:
        response = await http.post(path, headers=caller, json=body)
        assert (response.status_code, response.json().get("code")) == (403, code), response.text

    async def known() -> None:  # once the exchange has the case from its events
        await refused(tax, {**why, "case_ref": case}, "case_not_handled_by_reader")

    await eventually(known, timeout=30, interval=0.3)
    await refused(tax, why, "basis_required")
    await refused(tax, {**why, "legal_basis": "《税收征收管理法》第五十七条"}, "legal_basis_unknown")
    await refused(tax, {**why, "case_ref": "NO-SUCH-CASE"}, "case_unknown")
    await refused(clerk, {**why, "case_ref": case}, "case_not_handled_by_reader")
    await refused(
        head, {**why, "case_ref": case, "hidden_until": "2027-01-01T00:00:00Z"}, "case_not_handled_by_reader"
    )
    await refused(
        tax,
        {"holder_kind": "person", "holder_identifier": CHEN, "purpose": "核验", "case_ref": case},
        "case_not_handled_by_reader",
        "/exchange/certificates/lookup",
    )
    issue = {
        "type_code": "ZZ-YYZZ",
        "holder_kind": "person",
        "holder_identifier": CHEN,
        "holder_name": "陈晓梅",
        "valid_from": "2026-06-15",
        "case_ref": case,
    }
    assert (await http.post("/exchange/certificates", headers=tax, json=issue)).status_code == 403
    subscribe = {
        "resource_code": "500110-GAJ-RK-001",
        "channel": "webhook",
        "webhook_url": "http://127.1:8801/",
    }
    assert (await http.post("/exchange/subscriptions", headers=tax, json=subscribe)).status_code == 403
    endpoint = await http.put(
        "/exchange/resources/500110-GAJ-RK-001",
        headers=tax,
        json={
            "name": "人口基础信息",
            "provider_code": "500110-GAJ",
            "summary": "改道",
            "sharing_type": "unconditional",
            "items": [{"key": "name", "name": "姓名", "type": "string"}],
            "sharing_method": "api",
            "update_cycle": "实时",
            "published_on": "2026-01-01",
            "endpoint_url": "http://127.0.0.1:8801/",
        },
    )
    assert endpoint.status_code == 403
    for content_type in (
        "application/json",
        "application/vnd.tongban+json",
    ):  # refused by the exchange's guard
        nul = await http.post(
            population,
            headers={**tax, "content-type": content_type},
            content=b'{"identifier": "500222199803070028", "purpose": "\\u0000"}',
        )
        assert (nul.status_code, nul.json()["code"]) == (422, "validation_failed")
        assert [e["field"] for e in nul.json()["errors"]] == ["body.purpose"]

    mine = (await http.get("/exchange/access-log/mine", headers=chen)).json()
    reasons = {m["reason"] for m in mine if m["outcome"] == "refused"}
    assert {"basis_required", "legal_basis_unknown", "case_unknown", "case_not_handled_by_reader"} <= reasons


INSIDE = ["127.0.0.1:8801", "127.1", "2130706433", "0x7f000001", "[::1]", "169.254.169.254", "10.0.0.5"]


async def test_a_department_cannot_aim_the_hub_inside(http: httpx.AsyncClient, log_in: LogIn) -> None:
    """区市场监管局's own system may keep its resources, but through the gateway it can point none of them at an
    address inside (any spelling), at a host not on its allowlist, or at another department's resource; an
    administrator's webhook cannot name an inside address either. Each refusal says which rule."""
    registry = await _client_token(http, "scjgj-registry")
    admin, _ = await log_in("admin")
    legal = "/exchange/resources/500110-SCJGJ-FR-001"
    current = (await http.get(legal, headers=registry)).json()
    definition = {
        key: current[key]
        for key in (
            "name",
            "provider_code",
            "summary",
            "sharing_type",
            "items",
            "update_cycle",
            "published_on",
        )
    }

    async def point(url: str, path: str = legal) -> httpx.Response:
        body = {**definition, "sharing_method": "api", "endpoint_url": url}
        return await http.put(path, headers=registry, json=body)

    for host in INSIDE:
        refused = await point(f"https://{host}/query")
        assert refused.status_code == 422, (host, refused.text)
        assert refused.json()["code"] in {"endpoint_refused", "endpoint_host_not_allowed"}, refused.text
    unlisted = await point("https://registry.scjgj.example/query")
    assert (unlisted.status_code, unlisted.json()["code"]) == (422, "endpoint_host_not_allowed")
    foreign = await point("https://registry.scjgj.example/query", "/exchange/resources/500110-GAJ-RK-001")
    assert foreign.status_code == 403, foreign.text
    after = (await http.get(legal, headers=registry)).json()
    assert (after["sharing_method"], after.get("endpoint_url")) == (current["sharing_method"], None)

    for host in INSIDE:
        hook = {
            "resource_code": "500110-SCJGJ-FR-001",
            "channel": "webhook",
            "webhook_url": f"https://{host}/h",
        }
        refused = await http.post("/exchange/subscriptions", headers=admin, json=hook)
        assert (refused.status_code, refused.json()["code"]) == (422, "webhook_url_refused"), refused.text
