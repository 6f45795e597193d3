import re

import httpx

from cases.main import create_app
from cases.settings import CasesSettings
from cases.store import SERVICE_ROOT
from meshkit.testing.service import TEST_SECRET, service_fixtures

# identity's edge as the cases API sees it: the subjects identity knows. A clerk's filing (代办) asks
# GET /persons/{id} (or /enterprises/{id}) with the clerk's own token; a decision document asks the names with the
# platform's own token (POST /token, client credentials); anything else is 404, no token 401.
SUBJECT_PATH = re.compile(r"^/(persons|enterprises|newborns)/([^/]+)$")
# Whom a person may act for, as identity's records say (GET /persons/{id}/relations/{kind}/{subject id}): 陈晓梅
# (person-1) is the guardian of two newborns and the legal representative of enterprise-1.
NEWBORN_A, NEWBORN_B = "6a1f0c3e-8d2b-4f6a-9c1e-0b7d5e3a2f10", "7b2e1d4f-9e3c-4a7b-8d2f-1c8e6f4b3a21"
RELATIONS = {
    ("person-1", "newborn", NEWBORN_A): "guardian",
    ("person-1", "newborn", NEWBORN_B): "guardian",
    ("person-1", "enterprise", "enterprise-1"): "legal_representative",
}
# The names identity's records hold (a decision document and an issued certificate name the parties by them), and
# the identifiers identity shows masked. A newborn has no number yet.
NAMES = {
    "person-1": ("陈晓梅", "500222********0022"),
    "person-2": ("王德明", "500222********0013"),
    "person-7": ("王秀英", "500110********0041"),
    "person-9": ("赵德明", "500110********0057"),
    "enterprise-1": ("重庆綦河餐饮有限公司", "915001********0R3L"),
    NEWBORN_A: ("陈小宝", None),
    NEWBORN_B: ("陈小贝", None),
}
MASKED_FIELD = {"persons": "id_number_masked", "enterprises": "credit_code_masked"}
# identity's public organization tree (GET /organizations/{code}): the names cases shows beside org codes.
ORGANIZATIONS = {
    "500110-SCJGJ": "区市场监管局",
    "500110-YJJ": "区应急局",
    "500110-ZWFWZX": "綦江区行政服务中心",
    "500110001000-center": "古南街道公共服务中心",
    "500110001001-center": "綦河社区便民服务站",
    "500110109201-center": "永城镇中华村便民服务站",
}
ORGANIZATION_PATH = re.compile(r"^/organizations/([^/]+)$")
# identity's staff cards (GET /staff/{id}/card, staff tokens only): the names beside the staff ids cases records
# (the test tokens' subjects are ``role@organization``).
STAFF_NAMES = {
    "window_clerk@500110-ZWFWZX": "刘洋",
    "department_head@500110-SCJGJ": "张伟",
    "window_clerk@500110-SCJGJ": "李娜",
}
STAFF_CARD_PATH = re.compile(r"^/staff/([^/]+)/card$")
RELATION_PATH = re.compile(r"^/persons/([^/]+)/relations/(person|enterprise|newborn)/([^/]+)$")
KNOWN_SUBJECTS = {
    "persons": {"person-1", "person-2", "person-7", "person-9"},
    "enterprises": {"enterprise-1"},
    "newborns": {NEWBORN_A, NEWBORN_B},
}


def identity_edge(request: httpx.Request) -> httpx.Response:
    if request.method == "POST" and request.url.path == "/token":  # the platform's own client credentials
        if request.headers.get("authorization", "").startswith("Basic "):
            return httpx.Response(200, json={"access_token": "platform-token", "expires_in": 300})
        return httpx.Response(401, json={"code": "invalid_client"})
    organization = ORGANIZATION_PATH.match(request.url.path)
    if organization and request.method == "GET":  # public: no token needed
        name = ORGANIZATIONS.get(organization.group(1))
        if name is None:
            return httpx.Response(404, json={"code": "organization_not_found"})
        return httpx.Response(200, json={"code": organization.group(1), "name": name, "kind": "department"})
    if not request.headers.get("authorization", "").startswith("Bearer ") or request.method != "GET":
        return httpx.Response(401, json={"code": "invalid_token"})
    card = STAFF_CARD_PATH.match(request.url.path)
    if card:
        staff_id = card.group(1)
        if staff_id not in STAFF_NAMES:
            return httpx.Response(404, json={"code": "staff_not_found"})
        return httpx.Response(
            200, json={"id": staff_id, "name": STAFF_NAMES[staff_id], "organization_code": ""}
        )
    related = RELATION_PATH.match(request.url.path)
    if related:
        relation = RELATIONS.get((related.group(1), related.group(2), related.group(3)))
        body = {"person_id": related.group(1), "relation": relation}
        return httpx.Response(200, json=body)
    found = SUBJECT_PATH.match(request.url.path)
    if found and found.group(2) in KNOWN_SUBJECTS[found.group(1)]:
        name, masked = NAMES[found.group(2)]
        body = {"id": found.group(2), "name": name}
        if found.group(1) in MASKED_FIELD:
            body[MASKED_FIELD[found.group(1)]] = masked or ""
        return httpx.Response(200, json=body)
    return httpx.Response(
        404, json={"code": "not_found"}, headers={"content-type": "application/problem+json"}
    )


def _app(database_url: str, nats_url: str):  # type: ignore[no-untyped-def]
    return create_app(
        CasesSettings(
            database_url=database_url,
            nats_url=nats_url,
            environment="test",
            secret_key=TEST_SECRET,
            issuer="http://issuer.test",
            client_secret="test-client-secret",
        ),
        identity_transport=httpx.MockTransport(identity_edge),
    )


migrated_url, engine, database, tokens, client = service_fixtures(
    name="cases", service_root=SERVICE_ROOT, make_app=_app
)
