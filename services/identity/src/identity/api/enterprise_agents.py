"""Agents of an enterprise (经办人授权) and reclaiming an enterprise claimed wrongly (企业账号找回)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Path, Request, Response, status
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from identity.api.access import ActorDep, AdministratorActorDep, CipherDep, RepresentativeActorDep
from identity.api.dependencies import RegistersDep, SettingsDep, UowDep
from identity.api.enterprises import EnterpriseOut
from identity.use_cases import enterprise_agents as cases
from identity.use_cases.enterprise_reclaim import reclaim_enterprise
from meshkit.created import created_response, set_location
from meshkit.errors import problem_responses
from meshkit.headers import NoStore

__all__ = ["router"]

router = APIRouter(prefix="/enterprises/{enterprise_id}", tags=["法人 (enterprises)"], dependencies=[NoStore])

EnterpriseId = Annotated[str, Path(max_length=36)]


class AgentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id_number: Annotated[
        str, Field(max_length=64, description="the agent's 公民身份号码 (a registered person)")
    ]
    expires_at: AwareDatetime = Field(
        description="授权截止时间: the authorization ends then (at most ~3 years)"
    )


class AgentOut(BaseModel):
    id: str
    enterprise_id: str
    person_id: str
    name: str
    id_number_masked: str
    granted_at: datetime
    expires_at: datetime
    revoked_at: datetime | None
    active: bool = Field(description="neither revoked nor expired")

    @classmethod
    def of(cls, view: cases.AgentView, now: datetime) -> AgentOut:
        agent, person = view.agent, view.person
        return cls(
            id=agent.id,
            enterprise_id=agent.enterprise_id,
            person_id=person.id,
            name=person.name,
            id_number_masked=person.id_number_masked,
            granted_at=agent.granted_at,
            expires_at=agent.expires_at,
            revoked_at=agent.revoked_at,
            active=view.active(now),
        )


class ReclaimOut(BaseModel):
    enterprise: EnterpriseOut
    previous_representative_id: str
    sessions_ended: int = Field(description="enterprise logins ended (their tokens revoked)")
    agents_revoked: int


@router.post(
    "/agents",
    response_model=AgentOut,
    status_code=status.HTTP_201_CREATED,
    responses={
        **problem_responses(401, 403, 404, 422),
        **created_response(
            "the authorization (`Location`: revoke it with DELETE)",
            operation="revoke_agent",
            parameters={"enterprise_id": "$request.path.enterprise_id", "agent_id": "$response.body#/id"},
        ),
    },
)
async def authorize_agent(
    request: Request,
    response: Response,
    uow: UowDep,
    cipher: CipherDep,
    actor: RepresentativeActorDep,
    enterprise_id: EnterpriseId,
    body: AgentIn,
) -> AgentOut:
    """Authorize an agent (授权经办人): the legal representative names a registered person by ID number; the
    agent may log in for the enterprise (`credit_code` at login) and act for it until `expires_at`."""
    now = datetime.now(UTC)
    view = await cases.authorize_agent(
        uow,
        actor,
        cipher=cipher,
        enterprise_id=enterprise_id,
        id_number=body.id_number,
        expires_at=body.expires_at,
        now=now,
    )
    created = AgentOut.of(view, now)
    set_location(request, response, f"/enterprises/{enterprise_id}/agents/{created.id}")
    return created


@router.get("/agents", response_model=list[AgentOut], responses=problem_responses(401, 403, 404))
async def list_agents(uow: UowDep, actor: ActorDep, enterprise_id: EnterpriseId) -> list[AgentOut]:
    """The enterprise's agents (经办人), current and past; for its legal representative."""
    now = datetime.now(UTC)
    return [AgentOut.of(v, now) for v in await cases.list_agents(uow, actor, enterprise_id=enterprise_id)]


@router.delete(
    "/agents/{agent_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problem_responses(401, 403, 404),
)
async def revoke_agent(
    uow: UowDep,
    settings: SettingsDep,
    actor: RepresentativeActorDep,
    enterprise_id: EnterpriseId,
    agent_id: Annotated[str, Path(max_length=36)],
) -> Response:
    """Revoke an agent's authorization (撤销经办人授权) at once; the agent's logins for the enterprise end."""
    await cases.revoke_agent(
        uow,
        actor,
        enterprise_id=enterprise_id,
        agent_id=agent_id,
        policy=settings.token_policy(),
        now=datetime.now(UTC),
    )
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/reclaim", response_model=ReclaimOut, responses=problem_responses(401, 403, 404, 409, 503))
async def reclaim(
    uow: UowDep,
    cipher: CipherDep,
    settings: SettingsDep,
    registers: RegistersDep,
    actor: AdministratorActorDep,
    enterprise_id: EnterpriseId,
) -> ReclaimOut:
    """Reclaim an enterprise claimed wrongly (企业账号找回), by an administrator (管理员) with the real legal
    representative before them: identity reads the 法人 record again and hands the enterprise to the registered
    person it names; the previous claimant's agents lose their power and every open enterprise login for it
    ends (sessions, refresh tokens, access tokens issued in them). 409 `representative_not_registered` when that
    person has no account yet, `already_with_representative` when nothing is to be done."""
    done = await reclaim_enterprise(
        uow,
        registers,
        actor,
        cipher=cipher,
        enterprise_id=enterprise_id,
        policy=settings.token_policy(),
        now=datetime.now(UTC),
    )
    return ReclaimOut(
        enterprise=EnterpriseOut.of(done.enterprise),
        previous_representative_id=done.previous_representative_id,
        sessions_ended=done.sessions_ended,
        agents_revoked=done.agents_revoked,
    )
