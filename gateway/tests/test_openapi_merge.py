"""Merging OpenAPI documents: pure functions, no I/O."""

from __future__ import annotations

from typing import Any

import pytest

from gateway.openapi import merge_openapi

pytestmark = pytest.mark.unit

GATEWAY: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "通办 Tongban API", "version": "0.1.0"},
    "paths": {"/healthz": {"get": {"operationId": "gateway_healthz", "responses": {}}}},
}


def service_doc(scheme: dict[str, Any]) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "svc", "version": "1"},
        "security": [{"bearer": ["read"]}],
        "tags": [{"name": "pets", "description": "宠物"}],
        "paths": {
            "/pets/{id}": {
                "parameters": [{"$ref": "#/components/parameters/Id"}],
                "get": {
                    "operationId": "get_pet",
                    "tags": ["pets"],
                    "responses": {
                        "200": {
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}
                        }
                    },
                },
                "delete": {"operationId": "gateway_healthz", "security": [], "responses": {}},
            }
        },
        "components": {
            "schemas": {
                "Pet": {
                    "oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
                    "discriminator": {
                        "propertyName": "kind",
                        "mapping": {"cat": "#/components/schemas/Cat", "dog": "Dog"},
                    },
                },
                "Cat": {"type": "object", "properties": {"kind": {"const": "cat"}}},
                "Dog": {
                    "type": "object",
                    "properties": {"owner": {"$ref": "#/components/schemas/Cat/properties/kind"}},
                },
            },
            "parameters": {
                "Id": {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
            },
            "securitySchemes": {"bearer": scheme},
        },
    }


def test_paths_components_and_refs_are_prefixed() -> None:
    jwt = {"type": "http", "scheme": "bearer"}
    merged = merge_openapi(GATEWAY, {"cases": service_doc(jwt)}, {})

    item = merged["paths"]["/cases/pets/{id}"]
    assert item["parameters"] == [{"$ref": "#/components/parameters/cases_Id"}]
    schema = item["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/cases_Pet"}
    pet = merged["components"]["schemas"]["cases_Pet"]
    assert pet["discriminator"]["mapping"] == {"cat": "#/components/schemas/cases_Cat", "dog": "cases_Dog"}
    dog = merged["components"]["schemas"]["cases_Dog"]
    assert dog["properties"]["owner"]["$ref"] == "#/components/schemas/cases_Cat/properties/kind"
    assert item["get"]["tags"] == ["cases: pets"]
    assert merged["tags"] == [{"name": "cases: pets", "description": "宠物"}]
    assert item["get"]["security"] == [{"bearer": ["read"]}]  # the service-wide default, made explicit
    assert item["delete"]["security"] == []
    assert GATEWAY["paths"].keys() == {"/healthz"}  # the input is not changed


def test_operation_ids_are_prefixed_and_unique() -> None:
    jwt = {"type": "http", "scheme": "bearer"}
    doc = service_doc(jwt)
    doc["paths"]["/pets/{id}"]["delete"]["operationId"] = "get_pet"
    merged = merge_openapi(GATEWAY, {"cases": doc}, {})

    item = merged["paths"]["/cases/pets/{id}"]
    assert item["get"]["operationId"] == "cases_get_pet"
    assert item["delete"]["operationId"] == "cases_get_pet_2"


def test_security_schemes_merge_by_name_and_rename_on_conflict() -> None:
    jwt = {"type": "http", "scheme": "bearer"}
    oauth = {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "/identity/token", "scopes": {}}}}
    merged = merge_openapi(
        GATEWAY, {"catalog": service_doc(jwt), "cases": service_doc(jwt), "exchange": service_doc(oauth)}, {}
    )

    assert merged["components"]["securitySchemes"] == {"bearer": jwt, "exchange_bearer": oauth}
    assert merged["paths"]["/catalog/pets/{id}"]["get"]["security"] == [{"bearer": ["read"]}]
    assert merged["paths"]["/exchange/pets/{id}"]["get"]["security"] == [{"exchange_bearer": ["read"]}]


def test_unavailable_services_are_reported() -> None:
    merged = merge_openapi(GATEWAY, {}, {"identity": "ClientConnectorError"})

    assert merged["x-unavailable"] == [{"service": "identity", "reason": "ClientConnectorError"}]
    assert "identity" in merged["info"]["description"]
    assert list(merged["paths"]) == ["/healthz"]
