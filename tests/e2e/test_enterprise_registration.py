"""A company is who the register says (issue 17, failure 2) through the running mesh: the 法人 record comes from
the market-regulation register (hosted resource 500110-SCJGJ-FR-001) through the exchange, read by identity's own
system under its registered duty; only the legal representative it names registers the company; she authorizes
an agent (经办人), who then acts for the company and sees who read the company's data."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import jwt
import pytest

from tongban.login import browser_login
from tongban.mesh import Mesh
from tongban.simulators.residents import NEIGHBOUR, residents

pytestmark = pytest.mark.e2e

SHOP = "92500110MA5U3G7K2T"  # 綦江区古南街道晓梅小吃店, legal representative 陈晓梅 (exchange demo data)
CHEN = "500222199803070028"
LEGAL_ENTITIES = "500110-SCJGJ-FR-001"


async def _ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, (
        f"{response.request.method} {response.request.url}: {response.text}"
    )
    return response.json()


async def _register(http: httpx.AsyncClient, mesh: Mesh, person: dict[str, Any], phone: str) -> None:
    await _ok(await http.post("/identity/persons/phone-codes", json={"phone": phone}), 202)
    sms = mesh.config.url(next(sim for sim in mesh.config.simulators if sim.name == "sms-sim"))
    texts = [m["text"] for m in (await http.get(f"{sms}/messages", params={"to": phone})).json()]
    code = re.search(r"验证码 (\d{6})", texts[-1])
    assert code, texts
    body = {
        "name": person["name"],
        "id_number": person["id_number"],
        "phone": phone,
        "phone_code": code.group(1),
        "password": "Jingban2026",
    }
    await _ok(await http.post("/identity/persons", json=body), 202)


async def test_only_the_registered_legal_representative_registers_the_company(
    http: httpx.AsyncClient, gateway_url: str, mesh: Mesh, client_address: dict[str, str]
) -> None:
    known = {CHEN, NEIGHBOUR["id_number"], "500222200305190153"}
    helper = [p for p in residents().values() if p["id_number"] not in known][-2]
    await _register(http, mesh, helper, "13922220001")
    helper_token = await browser_login(
        gateway_url, helper["id_number"], "Jingban2026", headers=client_address
    )
    as_helper = {"Authorization": f"Bearer {helper_token}"}
    stolen = await http.post("/identity/enterprises", json={"credit_code": SHOP}, headers=as_helper)
    assert (stolen.status_code, stolen.json()["code"]) == (403, "not_legal_representative"), stolen.text

    chen = {"Authorization": f"Bearer {await browser_login(gateway_url, CHEN, headers=client_address)}"}
    shop = await _ok(await http.post("/identity/enterprises", json={"credit_code": SHOP}, headers=chen), 201)
    assert shop["name"] == "綦江区古南街道晓梅小吃店"

    expires = (datetime.now(UTC) + timedelta(days=30)).isoformat()
    agent = await _ok(
        await http.post(
            f"/identity/enterprises/{shop['id']}/agents",
            json={"id_number": helper["id_number"], "expires_at": expires},
            headers=chen,
        ),
        201,
    )
    assert agent["active"] is True
    token = await browser_login(
        gateway_url, helper["id_number"], "Jingban2026", headers=client_address, credit_code=SHOP
    )
    claims = jwt.decode(token, options={"verify_signature": False})
    assert (claims["tb_kind"], claims["org"]) == ("enterprise", shop["id"])
    acting = {"Authorization": f"Bearer {token}"}
    # the company's "who read my data": the registration's reads of its 法人 record (the helper's refused try and
    # 陈晓梅's), by identity under its duty — visible to its agent
    seen = await _ok(await http.get("/exchange/access-log/mine", headers=acting))
    checks = [e for e in seen if e["resource_code"] == LEGAL_ENTITIES and e["system"] == "tongban-identity"]
    assert len(checks) >= 2, seen
    assert all("500110-ZWFWZX-LZ-SMHY" in (e["legal_basis"] or "") for e in checks)
