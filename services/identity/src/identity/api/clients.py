"""OAuth clients (接入系统): department systems, the city platform, web and mobile apps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response, status
from pydantic import MISSING, BaseModel, ConfigDict, Field

from identity.api.access import AdministratorActorDep, AdminOnlyActorDep
from identity.api.dependencies import SettingsDep, UowDep
from identity.domain.clients import GrantType
from identity.store.models import Client
from identity.use_cases import clients_admin as cases
from meshkit.created import created_response, set_location
from meshkit.errors import problem_responses
from meshkit.headers import NoStore

__all__ = ["router"]

router = APIRouter(prefix="/clients", tags=["接入系统 (clients)"], dependencies=[NoStore])

ClientId = Annotated[str, Path(max_length=64, pattern=r"^[a-z0-9][a-z0-9._-]{2,63}$")]
Scope = Annotated[str, Field(max_length=64, pattern=r"^[a-z0-9][a-z0-9_.:-]{0,63}$")]
Audience = Annotated[str, Field(min_length=1, max_length=100)]
Uri = Annotated[str, Field(min_length=1, max_length=500)]


class ClientSettingsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, Field(min_length=1, max_length=100, description="系统名称")]
    organization_code: Annotated[str | None, Field(max_length=40, description="所属组织代码")] = None
    scopes: Annotated[list[Scope], Field(max_length=50)] = []
    audiences: Annotated[list[Audience], Field(min_length=1, max_length=10)] = ["tongban"]
    sector: Annotated[str | None, Field(max_length=64, description="pairwise subject ids per sector")] = None
    redirect_uris: Annotated[list[Uri], Field(max_length=10)] = []
    grant_types: Annotated[list[GrantType], Field(min_length=1, max_length=3)] = [
        GrantType.CLIENT_CREDENTIALS
    ]


class ClientIn(ClientSettingsIn):
    client_id: Annotated[
        str, Field(max_length=64, pattern=r"^[a-z0-9][a-z0-9._-]{2,63}$", examples=["qj-scjgj-approval"])
    ]
    confidential: bool = Field(
        default=True, description="false for public apps that use PKCE without a secret"
    )


class ClientPatch(BaseModel):
    """Only the fields sent change. ``null`` is taken only where it means something (no organization, no
    sector); elsewhere it is refused (422), never read as "unchanged" or stored."""

    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, Field(min_length=1, max_length=100)] | MISSING = MISSING
    organization_code: Annotated[str | None, Field(max_length=40, description="null: none")] | MISSING = (
        MISSING
    )
    scopes: Annotated[list[Scope], Field(max_length=50)] | MISSING = MISSING
    audiences: Annotated[list[Audience], Field(min_length=1, max_length=10)] | MISSING = MISSING
    sector: Annotated[str | None, Field(max_length=64, description="null: none")] | MISSING = MISSING
    redirect_uris: Annotated[list[Uri], Field(max_length=10)] | MISSING = MISSING
    grant_types: Annotated[list[GrantType], Field(min_length=1, max_length=3)] | MISSING = MISSING


class ClientOut(BaseModel):
    client_id: str
    name: str
    organization_code: str | None
    scopes: list[str]
    audiences: list[str]
    sector: str | None
    redirect_uris: list[str]
    grant_types: list[str]
    confidential: bool
    active: bool
    created_at: datetime

    @classmethod
    def of(cls, client: Client) -> ClientOut:
        return cls(
            client_id=client.client_id,
            name=client.name,
            organization_code=client.organization_code,
            scopes=client.scopes.split(),
            audiences=list(client.audiences),
            sector=client.sector,
            redirect_uris=list(client.redirect_uris),
            grant_types=list(client.grant_types),
            confidential=client.secret_hash is not None,
            active=client.active,
            created_at=client.created_at,
        )


class ClientWithSecret(ClientOut):
    client_secret: str | None = Field(description="shown once; store it now (only its hash is kept)")


class ClientPage(BaseModel):
    items: list[ClientOut]
    total: int
    limit: int
    offset: int


def _with_secret(issued: cases.IssuedClient) -> ClientWithSecret:
    return ClientWithSecret(**ClientOut.of(issued.client).model_dump(), client_secret=issued.secret)


def _tuples(values: dict[str, Any]) -> dict[str, Any]:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in values.items()}


@router.post(
    "",
    response_model=ClientWithSecret,
    status_code=status.HTTP_201_CREATED,
    responses={
        **problem_responses(401, 403, 409, 422),
        **created_response(
            "the client", operation="get_client", parameters={"client_id": "$response.body#/client_id"}
        ),
    },
)
async def create_client(
    request: Request,
    uow: UowDep,
    settings: SettingsDep,
    actor: AdminOnlyActorDep,
    body: ClientIn,
    response: Response,
) -> ClientWithSecret:
    """Register a client (注册接入系统); administrators. The generated secret is returned once."""
    response.headers["Cache-Control"] = "no-store"
    fields = cases.ClientFields(**_tuples(body.model_dump(exclude={"client_id"})))
    issued = await cases.create_client(
        uow, actor, pepper=settings.secret_key.get_secret_value(), client_id=body.client_id, fields=fields
    )
    created = _with_secret(issued)
    set_location(request, response, f"/clients/{created.client_id}")
    return created


@router.get("", response_model=ClientPage, responses=problem_responses(401, 403, 422))
async def list_clients(
    uow: UowDep,
    actor: AdministratorActorDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> ClientPage:
    """Clients within the administrator's territory (接入系统列表)."""
    items, total = await cases.list_clients(uow, actor, limit=limit, offset=offset)
    return ClientPage(items=[ClientOut.of(c) for c in items], total=total, limit=limit, offset=offset)


@router.get("/{client_id}", response_model=ClientOut, responses=problem_responses(401, 403, 404))
async def get_client(uow: UowDep, actor: AdministratorActorDep, client_id: ClientId) -> ClientOut:
    """One client (接入系统详情)."""
    return ClientOut.of(await cases.get_client(uow, actor, client_id=client_id))


@router.patch("/{client_id}", response_model=ClientOut, responses=problem_responses(401, 403, 404, 409, 422))
async def update_client(
    uow: UowDep, settings: SettingsDep, actor: AdminOnlyActorDep, client_id: ClientId, body: ClientPatch
) -> ClientOut:
    """Change a client's settings (修改接入系统). A built-in system client (内置系统客户端) keeps its scopes,
    audiences, grant types, redirect URIs and organization: 409 `system_client_protected`."""
    changes = _tuples(body.model_dump(exclude_unset=True))
    client = await cases.update_client(
        uow, actor, client_id=client_id, changes=changes, system_clients=settings.system_clients
    )
    return ClientOut.of(client)


@router.post(
    "/{client_id}/deactivate", response_model=ClientOut, responses=problem_responses(401, 403, 404, 409)
)
async def deactivate_client(
    uow: UowDep, settings: SettingsDep, actor: AdministratorActorDep, client_id: ClientId
) -> ClientOut:
    """Deactivate a client (停用): no new tokens, and every service refuses its live ones within seconds.
    Built-in system clients (`IDENTITY_SYSTEM_CLIENTS`) are refused: 409 `system_client_protected`."""
    client = await cases.set_client_active(
        uow,
        actor,
        client_id=client_id,
        active=False,
        policy=settings.token_policy(),
        system_clients=settings.system_clients,
    )
    return ClientOut.of(client)


@router.post("/{client_id}/activate", response_model=ClientOut, responses=problem_responses(401, 403, 404))
async def activate_client(
    uow: UowDep, settings: SettingsDep, actor: AdministratorActorDep, client_id: ClientId
) -> ClientOut:
    """Reactivate a client (启用); tokens issued before the deactivation stay refused."""
    policy = settings.token_policy()
    return ClientOut.of(
        await cases.set_client_active(uow, actor, client_id=client_id, active=True, policy=policy)
    )


@router.post(
    "/{client_id}/secret", response_model=ClientWithSecret, responses=problem_responses(401, 403, 404, 409)
)
async def rotate_client_secret(
    uow: UowDep, settings: SettingsDep, actor: AdministratorActorDep, client_id: ClientId, response: Response
) -> ClientWithSecret:
    """Issue a new secret (重置密钥); the old one stops working at once, and so do the tokens issued with it (at
    every service within seconds). Returned once. Built-in system clients rotate with an overlap instead
    (`/secret/next`, then `/secret/retire-previous`): 409 `system_client_rotation`."""
    response.headers["Cache-Control"] = "no-store"
    issued = await cases.rotate_client_secret(
        uow,
        actor,
        pepper=settings.secret_key.get_secret_value(),
        client_id=client_id,
        policy=settings.token_policy(),
        system_clients=settings.system_clients,
    )
    return _with_secret(issued)


@router.post(
    "/{client_id}/secret/next",
    response_model=ClientWithSecret,
    responses=problem_responses(401, 403, 404, 409),
)
async def begin_secret_rotation(
    uow: UowDep, settings: SettingsDep, actor: AdministratorActorDep, client_id: ClientId, response: Response
) -> ClientWithSecret:
    """Rotation with overlap, step 1 (密钥轮换：生成新密钥): a new secret, returned once, becomes current; the
    old one is still accepted until `/secret/retire-previous`. Restart the services using the client with the
    new secret in between (docs/runbook.md)."""
    response.headers["Cache-Control"] = "no-store"
    issued = await cases.begin_secret_rotation(
        uow, actor, pepper=settings.secret_key.get_secret_value(), client_id=client_id
    )
    return _with_secret(issued)


@router.post(
    "/{client_id}/secret/retire-previous",
    response_model=ClientOut,
    responses=problem_responses(401, 403, 404, 409),
)
async def retire_previous_secret(
    uow: UowDep, settings: SettingsDep, actor: AdministratorActorDep, client_id: ClientId
) -> ClientOut:
    """Rotation with overlap, last step (停用旧密钥): the old secret stops working. Refused (409
    `previous_secret_in_use`) while it still got a token within `IDENTITY_SECRET_RETIRE_QUIET_SECONDS`."""
    client = await cases.retire_previous_secret(
        uow,
        actor,
        client_id=client_id,
        now=datetime.now(UTC),
        quiet=timedelta(seconds=settings.secret_retire_quiet_seconds),
    )
    return ClientOut.of(client)
