"""Issue 18, failures 9, 10 (documentation) and 12: what the committed OpenAPI documents must say, checked on
every document in contracts/openapi/ (each service's, the gateway's and the combined one)."""

from __future__ import annotations

import json
import re
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.contract

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = {
    p.stem: json.loads(p.read_text()) for p in sorted((ROOT / "contracts" / "openapi").glob("*.json"))
}
METHODS = ("get", "put", "post", "delete", "patch", "options", "head", "trace")
PROBLEM = "application/problem+json"
# RFC 6749 §5.2: the token, revocation and introspection endpoints answer their errors as OAuth errors.
OAUTH_ERRORS = {
    "/token",
    "/revoke",
    "/introspect",
    "/identity/token",
    "/identity/revoke",
    "/identity/introspect",
}


def operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    ]


def resolve(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        section, name = node["$ref"].split("/")[-2:]
        node = document["components"][section][name]
    return node


def test_issue18_f9_every_error_response_is_problem_json_with_its_schema() -> None:
    """Failure 9: the Problem schema was declared under application/json (never sent) and problem+json had no
    schema, on every error response of every service."""
    checked = 0
    for name, document in DOCUMENTS.items():
        for path, method, operation in operations(document):
            for status, declared in operation["responses"].items():
                if not status.isdigit() or int(status) < 400:
                    continue
                response = resolve(document, declared)
                content = response.get("content", {})
                if path in OAUTH_ERRORS and status in {"400", "401", "500"}:
                    assert list(content) == ["application/json"], (name, path, status)
                    continue
                if path.endswith("/readyz") and status == "503":
                    continue  # the readiness report itself, not a problem
                if "text/html" in operation["responses"].get("200", {}).get("content", {}) and not content:
                    continue  # a page for a person (login): its refusals are pages too
                if list(content) == ["text/html"] and ("/authorize" in path or path.endswith("/end-session")):
                    continue  # the login and logout pages tell the person, in a page

                assert list(content) == [PROBLEM], (name, method, path, status, list(content))
                assert resolve(document, content[PROBLEM]["schema"])["title"] == "Problem", (
                    name,
                    path,
                    status,
                )
                assert content[PROBLEM]["example"]["status"] == int(status)
                checked += 1
    assert checked > 500


def test_issue18_f9_problem_schema_describes_errors_items() -> None:
    for document in DOCUMENTS.values():
        problem = document["components"]["schemas"]["Problem"]
        assert set(problem["required"]) >= {"title", "status", "detail", "code"}
        items = problem["properties"]["errors"]["anyOf"][0]["items"]
        item = resolve(document, items)
        assert set(item["required"]) == {"field", "type", "message"}


def test_issue18_f9_error_responses_come_from_one_shared_set() -> None:
    """One shared set of error responses: every problem response is a $ref into components/responses, and each
    document declares the same definition under the same name."""
    shared: dict[str, Any] = {}
    for name, document in DOCUMENTS.items():
        for path, _, operation in operations(document):
            for status, declared in operation["responses"].items():
                if (
                    status.isdigit()
                    and int(status) >= 400
                    and PROBLEM in resolve(document, declared).get("content", {})
                ):
                    assert "$ref" in declared, (name, path, status)
        for response_name, response in document["components"].get("responses", {}).items():
            assert shared.setdefault(response_name, response) == response, (name, response_name)
    assert {"BadRequest", "Unauthorized", "Forbidden", "NotFound", "Conflict", "PayloadTooLarge"} <= set(
        shared
    )
    assert {"UnsupportedMediaType", "ValidationFailed", "TooManyRequests"} <= set(shared)


def test_issue18_f10_no_operation_documents_fastapi_validation_shape() -> None:
    """Failure 10: 43 operations documented FastAPI's default 422 (HTTPValidationError)."""
    for name, document in DOCUMENTS.items():
        text = json.dumps(document)
        assert "HTTPValidationError" not in text, name
        assert '"ValidationError"' not in text, name
        for path, method, operation in operations(document):
            if "422" in operation["responses"]:
                assert operation["responses"]["422"]["$ref"] == "#/components/responses/ValidationFailed"
            if operation.get("requestBody"):
                declared = set(operation["responses"])  # OAuth endpoints answer bad input 400 invalid_request
                assert "413" in declared, (name, method, path)
                assert declared & {"400", "422"}, (name, method, path)


def test_issue18_f12_every_document_says_where_its_api_lives() -> None:
    for name, document in DOCUMENTS.items():
        servers = document["servers"]
        gateway = servers[0]
        prefix = "" if name in {"gateway", "tongban"} else f"/{name}"
        assert gateway["url"] == "{gateway}" + prefix
        assert gateway["variables"]["gateway"]["default"].startswith("http")
        if prefix:
            assert re.fullmatch(r"http://127\.0\.0\.1:88\d\d", servers[1]["url"]), servers


def _segments(path: str) -> list[str | None]:
    """A template's segments, a parameter as None."""
    return [None if re.fullmatch(r"\{[^}]+\}", s) else s for s in path.strip("/").split("/")]


def collide(a: str, b: str) -> bool:
    """Equivalent (the same but for parameter names) or ambiguous: one concrete path matches both, and neither
    is more specific in every segment (``/x/types/{code}`` vs ``/x/{id}/status`` both match ``/x/types/status``)."""
    left, right = _segments(a), _segments(b)
    if len(left) != len(right):
        return False
    if any(x is not None and y is not None and x != y for x, y in zip(left, right, strict=True)):
        return False
    left_literal = any(x is not None and y is None for x, y in zip(left, right, strict=True))
    right_literal = any(x is None and y is not None for x, y in zip(left, right, strict=True))
    return left_literal == right_literal  # both (crossing) or neither (equivalent)


def test_issue18_f12_collision_rule_itself() -> None:
    assert collide("/matters/{code}", "/matters/{matter_id}")
    assert collide("/certificates/types/{code}", "/certificates/{identifier}/status")
    assert not collide("/certificate-types/missing", "/certificate-types/{code}")  # the literal one wins
    assert not collide("/matters/{code}/history", "/matter-versions/{matter_id}/submit")


def test_issue18_f12_no_two_path_templates_are_equivalent_or_ambiguous() -> None:
    """Failure 12: catalog GET /matters/{code} vs PUT /matters/{matter_id} (and bundles), exchange
    /certificates/types/{code} vs /certificates/{identifier}/…."""
    for name, document in DOCUMENTS.items():
        clashes = [(a, b) for a, b in combinations(document["paths"], 2) if collide(a, b)]
        assert clashes == [], (name, clashes)


def test_issue18_f12_file_and_signed_uploads_document_their_bodies() -> None:
    catalog, exchange = DOCUMENTS["catalog"]["paths"], DOCUMENTS["exchange"]["paths"]
    imports = catalog["/imports"]["post"]["requestBody"]
    assert imports["required"]
    assert {"text/csv", "application/octet-stream"} <= set(imports["content"])
    assert any("spreadsheetml" in media for media in imports["content"])
    push = exchange["/city-link/inbound/{kind}"]["post"]["requestBody"]["content"]["application/json"]
    assert push["schema"]["required"] == ["batch", "items"]
    assert push["example"]["items"]
    combined = DOCUMENTS["tongban"]["paths"]
    assert "requestBody" in combined["/catalog/imports"]["post"]
    assert "requestBody" in combined["/exchange/city-link/inbound/{kind}"]["post"]


def test_issue18_f12_me_discriminator_property_is_required() -> None:
    document = DOCUMENTS["identity"]
    schema = document["paths"]["/me"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    prop = schema["discriminator"]["propertyName"]
    for option in schema["oneOf"]:
        assert prop in resolve(document, option)["required"], option


def test_issue18_f12_every_201_names_location_and_links_to_what_it_created() -> None:
    seen = 0
    for name, document in DOCUMENTS.items():
        ids = {operation.get("operationId") for _, _, operation in operations(document)}
        for path, method, operation in operations(document):
            created = operation["responses"].get("201")
            if created is None:
                continue
            seen += 1
            assert created["headers"]["Location"]["required"], (name, path)
            links = created.get("links", {})
            assert links, (name, method, path)
            for link in links.values():
                assert link["operationId"] in ids, (name, path, link)  # renamed with the merge too
    assert seen >= 2 * 14  # fourteen in the services, the same in the combined document


def _has_example(document: dict[str, Any], media: dict[str, Any]) -> bool:
    return (
        "example" in media or "examples" in media or bool(resolve(document, media["schema"]).get("examples"))
    )


def test_issue18_f12_examples_on_every_request_body_and_successful_response() -> None:
    for name, document in DOCUMENTS.items():
        for path, method, operation in operations(document):
            body = operation.get("requestBody", {}).get("content", {})
            for media_type, media in body.items():
                if media_type.startswith(("application/json", "application/x-www-form", "text/csv")):
                    assert _has_example(document, media), (name, method, path, media_type)
            for status, response in operation["responses"].items():
                media = resolve(document, response).get("content", {}).get("application/json")
                if status.startswith("2") and media and media.get("schema"):
                    assert _has_example(document, media), (name, method, path, status)


def test_issue18_f12_problem_types_lead_to_the_catalogue() -> None:
    """Every example problem's `type` is the gateway's page of its code in docs/problems.md."""
    catalogue = (ROOT / "docs" / "problems.md").read_text()
    for document in DOCUMENTS.values():
        for response in document["components"]["responses"].values():
            example = response["content"][PROBLEM]["example"]
            assert example["type"].endswith(f"/problems/{example['code']}")
            assert f"### `{example['code']}`" in catalogue, example["code"]


def test_every_routed_operation_documents_the_gateways_401_for_a_token_that_is_no_good() -> None:
    """Outside try of issue 18: a bad Bearer token on a public operation (`GET /catalog/search`, `security: []`)
    is answered 401 by the gateway, which no operation documented."""
    combined = DOCUMENTS["tongban"]
    missing = [
        f"{method.upper()} {path}"
        for path, method, operation in operations(combined)
        if path.split("/")[1] in ("identity", "catalog", "cases", "exchange")
        and "401" not in operation["responses"]
    ]
    assert missing == []
