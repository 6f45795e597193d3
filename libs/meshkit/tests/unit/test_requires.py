"""meshkit.auth.Requires (who may call a route) and meshkit.access_docs (the `security` it declares)."""

from typing import Annotated

import httpx
import pytest
from fastapi import APIRouter, Depends, FastAPI
from pydantic import BaseModel

from meshkit.access_docs import declare_security, document_refusals
from meshkit.auth import CurrentPrincipal, OptionalPrincipal, Principal, Requires
from meshkit.errors import install_error_handlers
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.unit

EDITOR = Requires(kinds=("staff", "system"), roles=("editor",), scopes=("things:write",), what="编辑")


def _principal(kind: str, *, scopes: str = "", roles: tuple[str, ...] = ()) -> Principal:
    return Principal(
        sub="s", client_id="c", kind=kind, scopes=frozenset(scopes.split()), roles=frozenset(roles)
    )


@pytest.mark.parametrize(
    ("principal", "admitted"),
    [
        (_principal("staff", roles=("editor",)), True),
        (_principal("system", scopes="things:write other"), True),
        (_principal("staff", roles=("reviewer",)), False),
        (_principal("system", scopes="things:read"), False),
        (_principal("person", roles=("editor",), scopes="things:write"), False),  # kind first
    ],
)
def test_requires_admits_a_kind_with_any_of_the_scopes_or_roles(principal: Principal, admitted: bool) -> None:
    assert (EDITOR.refusal(principal) is None) is admitted


def test_refusals_say_who_may_in_chinese() -> None:
    kind = EDITOR.refusal(_principal("person"))
    assert kind is not None
    assert kind.startswith("编辑仅限")
    assert "个人" in kind
    grant = EDITOR.refusal(_principal("staff"))
    assert grant is not None
    assert "角色 editor" in grant
    assert "权限范围 things:write" in grant


def test_unknown_kinds_are_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown token kinds"):
        Requires(kinds=("citizen",))


class Body(BaseModel):
    n: int


def _app(tokens: TokenFactory) -> FastAPI:
    router = APIRouter()

    @router.post("/edit")
    async def edit(principal: Annotated[Principal, Depends(EDITOR)], body: Body) -> dict[str, int]:
        return {"n": body.n}

    @router.get("/mine")
    async def mine(principal: CurrentPrincipal) -> dict[str, str]:
        return {"sub": principal.sub}

    @router.get("/maybe")
    async def maybe(principal: OptionalPrincipal) -> dict[str, bool]:
        return {"known": principal is not None}

    @router.get("/open")
    async def open_to_all() -> dict[str, bool]:
        return {"ok": True}

    app = FastAPI()
    install_error_handlers(app)
    document_refusals([router])
    app.include_router(router)
    declare_security(app)
    app.state.verifier = tokens.verifier()
    return app


def test_security_is_derived_from_the_dependencies() -> None:
    document = _app(TokenFactory()).openapi()
    paths = document["paths"]
    assert paths["/edit"]["post"]["security"] == [{"bearer": []}]
    assert {"401", "403"} <= paths["/edit"]["post"]["responses"].keys()
    assert paths["/edit"]["post"]["x-tongban-permission"]["roles"] == ["editor"]
    assert "角色 editor" in paths["/edit"]["post"]["responses"]["403"]["description"]
    assert paths["/mine"]["get"]["security"] == [{"bearer": []}]
    assert "401" in paths["/mine"]["get"]["responses"]
    assert "403" not in paths["/mine"]["get"]["responses"]
    assert paths["/maybe"]["get"]["security"] == [{}, {"bearer": []}]
    assert paths["/open"]["get"]["security"] == []
    assert document["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"


async def test_401_then_403_then_422() -> None:
    tokens = TokenFactory()
    transport = httpx.ASGITransport(app=_app(tokens))
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        invalid = {"n": "not a number"}
        assert (await client.post("/edit", json=invalid)).status_code == 401
        citizen = tokens.headers(kind="person", scope="things:write")
        refused = await client.post("/edit", json=invalid, headers=citizen)
        assert refused.status_code == 403
        assert refused.json()["code"] == "insufficient_scope"
        editor = tokens.headers(kind="staff", roles=["editor"])
        assert (await client.post("/edit", json=invalid, headers=editor)).status_code == 422
        assert (await client.post("/edit", json={"n": 1}, headers=editor)).json() == {"n": 1}
        assert (await client.get("/maybe")).json() == {"known": False}
        assert (await client.get("/maybe", headers={"Authorization": "Bearer x"})).status_code == 401
