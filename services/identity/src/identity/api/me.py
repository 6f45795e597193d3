"""``/me``: who the access token's subject is (当前用户)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Response
from pydantic import BaseModel, ConfigDict, Field

from identity.api.access import ActorDep
from identity.api.dependencies import UowDep
from identity.api.enterprises import EnterpriseOut
from identity.api.persons import PersonOut
from identity.use_cases import enterprises as enterprise_cases
from identity.use_cases import me as cases
from meshkit.errors import problem_responses
from meshkit.headers import NoStore

__all__ = ["router"]

router = APIRouter(prefix="/me", tags=["当前用户 (me)"], dependencies=[NoStore])


_REQUIRED_KIND = ConfigDict(json_schema_serialization_defaults_required=True)
"""``kind`` is always sent: the response schema says so, so its ``discriminator`` can rely on it."""


class OrganizationRef(BaseModel):
    code: str
    name: str
    kind: str
    division_code: str


class PersonMe(BaseModel):
    model_config = _REQUIRED_KIND
    kind: Literal["person"] = "person"
    person: PersonOut
    enterprises: list[EnterpriseOut] = Field(description="enterprises this person legally represents")


class EnterpriseMe(BaseModel):
    model_config = _REQUIRED_KIND
    kind: Literal["enterprise"] = "enterprise"
    enterprise: EnterpriseOut
    representative: PersonOut = Field(description="the legal representative acting for the enterprise")


class StaffMe(BaseModel):
    model_config = _REQUIRED_KIND
    kind: Literal["staff"] = "staff"
    id: str
    username: str
    name: str
    organization: OrganizationRef | None
    roles: list[str]
    scope_division: str = Field(description="territorial scope (管辖范围), a 12-digit division code")


class ClientMe(BaseModel):
    model_config = _REQUIRED_KIND
    kind: Literal["system"] = "system"
    client_id: str
    name: str
    organization: OrganizationRef | None
    scopes: list[str] = Field(description="scopes granted to this token")
    audiences: list[str]
    sector: str | None


MeOut = PersonMe | EnterpriseMe | StaffMe | ClientMe
Me = Annotated[MeOut, Field(discriminator="kind")]


def _ref(organization: object | None) -> OrganizationRef | None:
    return (
        None if organization is None else OrganizationRef.model_validate(organization, from_attributes=True)
    )


@router.get("", response_model=Me, responses=problem_responses(401, 403, 404))
async def who_am_i(uow: UowDep, actor: ActorDep, response: Response) -> MeOut:
    """The token's subject (当前用户): a person's masked profile, level and enterprises; an enterprise with its
    legal representative; a staff member's organization, roles and scope; a system client's registration."""
    profile = await cases.who_am_i(uow, actor)
    response.headers["Cache-Control"] = "no-store"
    if isinstance(profile, cases.PersonProfile):
        enterprises = [EnterpriseOut.of(e) for e in profile.enterprises]
        return PersonMe(person=PersonOut.of(profile.person), enterprises=enterprises)
    if isinstance(profile, cases.EnterpriseProfile):
        return EnterpriseMe(
            enterprise=EnterpriseOut.of(profile.enterprise),
            representative=PersonOut.of(profile.representative),
        )
    if isinstance(profile, cases.StaffProfile):
        staff = profile.staff
        return StaffMe(
            id=staff.id,
            username=staff.username,
            name=staff.name,
            organization=_ref(profile.organization),
            roles=list(staff.roles),
            scope_division=staff.scope_division,
        )
    client = profile.client
    return ClientMe(
        client_id=client.client_id,
        name=client.name,
        organization=_ref(profile.organization),
        scopes=sorted(profile.granted_scopes),
        audiences=list(client.audiences),
        sector=client.sector,
    )


@router.get("/enterprises", response_model=list[EnterpriseOut], responses=problem_responses(401, 403))
async def my_enterprises(uow: UowDep, actor: ActorDep) -> list[EnterpriseOut]:
    """The enterprises the calling person represents (我代表的企业)."""
    return [EnterpriseOut.of(e) for e in await enterprise_cases.enterprises_of(uow, actor)]
