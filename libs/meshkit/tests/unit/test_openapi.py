"""meshkit.openapi: how a FastAPI document is finished (issue 18, failures 9, 10 and 12)."""

from __future__ import annotations

from urllib.parse import urljoin

import httpx
import pytest
from fastapi import FastAPI, Request, Response
from pydantic import BaseModel, Field

from meshkit.created import created_response, relative_reference, set_location
from meshkit.errors import PROBLEM_JSON, install_error_handlers, problem_responses
from meshkit.openapi import INVALID_INPUT_STATUS, install_openapi

pytestmark = pytest.mark.unit


class ThingIn(BaseModel):
    name: str = Field(max_length=20)
    code: str = Field(pattern=r"^[A-Z]{3}$", examples=["ABC"])


class ThingOut(BaseModel):
    id: str
    name: str


def _app() -> FastAPI:
    app = FastAPI()
    install_error_handlers(app)

    @app.post(
        "/things",
        status_code=201,
        response_model=ThingOut,
        responses={
            **problem_responses(409),
            **created_response(
                "the thing", operation="get_thing", parameters={"thing_id": "$response.body#/id"}
            ),
        },
    )
    async def create_thing(request: Request, response: Response, body: ThingIn) -> ThingOut:
        set_location(request, response, "/things/t1")
        return ThingOut(id="t1", name=body.name)

    @app.get("/things/{thing_id}", response_model=ThingOut, responses=problem_responses(404))
    async def get_thing(thing_id: str) -> ThingOut:
        return ThingOut(id=thing_id, name="x")

    @app.get("/oauth-ish", openapi_extra={INVALID_INPUT_STATUS: 400}, responses=problem_responses(400))
    async def oauth_ish(q: str) -> dict[str, str]:
        return {"q": q}

    install_openapi(app, service="things", direct="http://127.0.0.1:9999")
    return app


def test_issue18_f9_f10_errors_are_shared_problem_responses() -> None:
    document = _app().openapi()
    create = document["paths"]["/things"]["post"]["responses"]
    assert create["409"] == {"$ref": "#/components/responses/Conflict"}
    assert create["422"] == {"$ref": "#/components/responses/ValidationFailed"}  # not HTTPValidationError
    assert create["413"] == {"$ref": "#/components/responses/PayloadTooLarge"}
    assert "HTTPValidationError" not in document["components"]["schemas"]
    conflict = document["components"]["responses"]["Conflict"]["content"]
    assert list(conflict) == [PROBLEM_JSON]
    assert conflict[PROBLEM_JSON]["schema"] == {"$ref": "#/components/schemas/Problem"}
    oauth = document["paths"]["/oauth-ish"]["get"]
    assert set(oauth["responses"]) == {"200", "400"}  # bad input is 400 there, and says so
    assert INVALID_INPUT_STATUS not in oauth


def test_issue18_f12_servers_examples_and_created() -> None:
    document = _app().openapi()
    assert [s["url"] for s in document["servers"]] == ["{gateway}/things", "http://127.0.0.1:9999"]
    body = document["paths"]["/things"]["post"]["requestBody"]["content"]["application/json"]
    assert body["example"] == {"name": "示例", "code": "ABC"}  # a field's own example wins
    created = document["paths"]["/things"]["post"]["responses"]["201"]
    assert created["headers"]["Location"]["required"] is True
    assert created["links"]["get_thing"]["operationId"] == "get_thing"
    assert created["content"]["application/json"]["example"] == {"id": "示例", "name": "示例"}


async def test_issue18_f12_location_is_sent_relative_to_the_request() -> None:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=_app()), base_url="http://svc") as client:
        created = await client.post("/things", json={"name": "a", "code": "ABC"})
    assert created.status_code == 201
    assert created.headers["Location"] == "./things/t1"


@pytest.mark.parametrize(
    ("base", "target", "expected"),
    [
        ("/matters", "/matters/X/versions/1", "./matters/X/versions/1"),
        ("/matter-versions/ID/revise", "/matters/X/versions/2", "../../matters/X/versions/2"),
        ("/cases/c1/materials/m1/upload", "/cases/c1/uploads/u1", "../../uploads/u1"),
        ("/clients", "/clients/a:b", "./clients/a%3Ab"),
    ],
)
def test_relative_reference_resolves_directly_and_behind_a_prefix(
    base: str, target: str, expected: str
) -> None:
    reference = relative_reference(base, target)
    assert reference == expected
    assert urljoin(f"http://svc{base}", reference) == f"http://svc{target}".replace("a:b", "a%3Ab")
    assert urljoin(f"http://gw/prefix{base}", reference) == f"http://gw/prefix{target}".replace(
        "a:b", "a%3Ab"
    )
