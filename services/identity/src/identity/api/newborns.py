"""Newborns (新生儿) and whom a person may act for: the records that decide who may file a case about whom."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Request, Response, status
from pydantic import BaseModel, ConfigDict, Field

from identity.api.access import ActorDep, ClerkActorDep, PersonActorDep
from identity.api.dependencies import UowDep
from identity.api.names import PersonName
from identity.store.models import Newborn
from identity.use_cases import newborns as cases
from meshkit.created import created_response, set_location
from meshkit.errors import problem_responses
from meshkit.headers import NoStore

__all__ = ["me_router", "relations_router", "router"]

router = APIRouter(prefix="/newborns", tags=["新生儿 (newborns)"], dependencies=[NoStore])
me_router = APIRouter(prefix="/me/newborns", tags=["新生儿 (newborns)"], dependencies=[NoStore])
relations_router = APIRouter(prefix="/persons", tags=["自然人 (persons)"], dependencies=[NoStore])

Id = Annotated[str, Path(max_length=36)]


class NewbornIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: PersonName
    sex: Literal["male", "female"] = Field(description="性别: male 男 | female 女")
    birth_date: date = Field(description="出生日期 (within the last three years)")


class ClerkNewbornIn(NewbornIn):
    guardian_id: str = Field(max_length=36, description="identity's id of the guardian (监护人), a parent")


class NewbornOut(BaseModel):
    id: str = Field(
        description="the child's subject identifier in the mesh (kind newborn) until it has an ID number"
    )
    name: str
    sex: str
    birth_date: date
    guardian_id: str
    created_at: datetime

    @classmethod
    def of(cls, newborn: Newborn) -> NewbornOut:
        return cls(
            id=newborn.id,
            name=newborn.name,
            sex=newborn.sex,
            birth_date=newborn.birth_date,
            guardian_id=newborn.guardian_id,
            created_at=newborn.created_at,
        )


class RelationOut(BaseModel):
    person_id: str
    subject_kind: str
    subject_id: str
    relation: str | None = Field(
        description="self | guardian | legal_representative | agent; null: the person may not act for the subject"
    )


_CREATED = created_response(
    "the newborn", operation="get_newborn", parameters={"newborn_id": "$response.body#/id"}
)


@me_router.post(
    "",
    response_model=NewbornOut,
    status_code=status.HTTP_201_CREATED,
    responses={**problem_responses(401, 403, 404, 409, 422), **_CREATED},
)
async def register_my_newborn(
    request: Request, uow: UowDep, actor: PersonActorDep, body: NewbornIn, response: Response
) -> NewbornOut:
    """Register one's own child before it has an ID number (登记新生儿); the caller becomes its guardian."""
    newborn = await cases.register_newborn(
        uow,
        actor,
        guardian_id=actor.id,
        name=body.name,
        sex=body.sex,
        birth_date=body.birth_date,
        now=datetime.now(UTC),
    )
    set_location(request, response, f"/newborns/{newborn.id}")
    return NewbornOut.of(newborn)


@me_router.get("", response_model=list[NewbornOut], responses=problem_responses(401, 403))
async def my_newborns(uow: UowDep, actor: ActorDep) -> list[NewbornOut]:
    """The children the calling person registered as their guardian (我的新生儿)."""
    return [NewbornOut.of(n) for n in await cases.newborns_of(uow, actor)]


@router.post(
    "",
    response_model=NewbornOut,
    status_code=status.HTTP_201_CREATED,
    responses={**problem_responses(401, 403, 404, 409, 422), **_CREATED},
)
async def register_newborn(
    request: Request, uow: UowDep, actor: ClerkActorDep, body: ClerkNewbornIn, response: Response
) -> NewbornOut:
    """A window clerk registers a child for its guardian, who came to the window (窗口登记新生儿)."""
    newborn = await cases.register_newborn(
        uow,
        actor,
        guardian_id=body.guardian_id,
        name=body.name,
        sex=body.sex,
        birth_date=body.birth_date,
        now=datetime.now(UTC),
    )
    set_location(request, response, f"/newborns/{newborn.id}")
    return NewbornOut.of(newborn)


@router.get("/{newborn_id}", response_model=NewbornOut, responses=problem_responses(401, 403, 404))
async def get_newborn(uow: UowDep, actor: ActorDep, newborn_id: Id) -> NewbornOut:
    """A newborn (新生儿信息): its guardian, staff who serve applicants, or an entitled platform system."""
    return NewbornOut.of(await cases.get_newborn(uow, actor, newborn_id=newborn_id))


@relations_router.get(
    "/{person_id}/relations/{subject_kind}/{subject_id}",
    response_model=RelationOut,
    responses=problem_responses(401, 403),
)
async def relation(
    uow: UowDep,
    actor: ActorDep,
    person_id: Id,
    subject_kind: Literal["person", "enterprise", "newborn"],
    subject_id: Id,
) -> RelationOut:
    """Whether the person may act for the subject by identity's records (代为办理关系): themself, a newborn they
    are guardian of, an enterprise they represent or are an agent of. Asked by the cases service, with the
    filing caller's own token, before a case names someone other than its applicant as subject."""
    found = await cases.relation_of(
        uow, actor, person_id=person_id, kind=subject_kind, subject_id=subject_id, now=datetime.now(UTC)
    )
    return RelationOut(person_id=person_id, subject_kind=subject_kind, subject_id=subject_id, relation=found)
