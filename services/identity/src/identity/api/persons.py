"""Natural persons (自然人): registration, lookup, reading, real-name level (实名等级)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response, status
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, SecretStr

from identity.api.access import ActorDep, CipherDep, ClerkActorDep, OptionalActorDep, VerifierActorDep
from identity.api.dependencies import CodePolicyDep, RegistersDep, SmsDep, SystemIdentityDep, UowDep
from identity.api.names import PersonName
from identity.domain.authorization import registration_channel
from identity.domain.subjects import RegistrationChannel
from identity.store.models import Person
from identity.use_cases import persons as cases
from identity.use_cases.registration import REGISTRATION_RECEIVED, register_online
from meshkit.created import created_response, set_location
from meshkit.errors import problem_responses
from meshkit.headers import NoStore

__all__ = ["PersonOut", "router"]

router = APIRouter(prefix="/persons", tags=["自然人 (persons)"], dependencies=[NoStore])

PersonId = Annotated[str, Path(max_length=36)]
IdNumber = Annotated[str, Field(max_length=64, description="公民身份号码 (resident ID, GB 11643-1999)")]
NO_STORE = "no-store"


class PersonIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: PersonName
    id_number: IdNumber
    phone: Annotated[
        str | None,
        Field(
            max_length=20,
            description="联系电话: a mobile (手机号码; online: required, proven by "
            "`phone_code`) or, at a window, a landline with its area code (固定电话, e.g. 023-48621234) for a "
            "person without a mobile — never sent codes or notices",
        ),
    ] = None
    phone_code: Annotated[
        str | None,
        Field(
            max_length=12,
            description="短信验证码 from `POST /persons/phone-codes` for this phone (online registration)",
        ),
    ] = None
    password: Annotated[
        SecretStr | None,
        Field(max_length=128, description="8+ characters, letters and digits; optional only at a window"),
    ] = None


class RegistrationOut(BaseModel):
    """The one answer to an online registration, whether the number was new or already registered."""

    status: str = Field(examples=["received"])
    detail: str


class IdNumberIn(BaseModel):
    """The ID number travels in the body, never in the URL, so it stays out of access logs."""

    model_config = ConfigDict(extra="forbid")

    id_number: IdNumber


class PersonOut(BaseModel):
    id: str
    name: str
    id_number_masked: str = Field(examples=["500222********0022"])
    phone_masked: str | None = Field(examples=["138****0001"])
    acr: int = Field(description="real-name level: 1 self-declared, 2 population resource, 3 in person")
    created_at: datetime
    revealed: bool = Field(default=False, description="whether id_number and phone carry the full values")
    id_number: str | None = Field(default=None, description="only for the person themself with ?reveal=true")
    phone: str | None = None

    @classmethod
    def of(cls, person: Person, *, id_number: str | None = None, phone: str | None = None) -> PersonOut:
        return cls(
            id=person.id,
            name=person.name,
            id_number_masked=person.id_number_masked,
            phone_masked=person.phone_masked,
            acr=person.acr,
            created_at=person.created_at,
            revealed=id_number is not None,
            id_number=id_number,
            phone=phone,
        )


class LevelOut(BaseModel):
    person_id: str
    acr: int
    from_level: int
    raised: bool = Field(description="false when the check did not exceed the current level (never lowered)")
    verified_at: datetime | None


_RECEIVED: dict[int | str, dict[str, Any]] = {
    202: {
        "model": RegistrationOut,
        "description": "online registration handled: the same answer whether or not the ID number was "
        "registered before (the holder of an existing account is notified by SMS instead)",
    }
}


@router.post(
    "",
    response_model=PersonOut,
    status_code=status.HTTP_201_CREATED,
    responses={
        **_RECEIVED,
        **problem_responses(400, 403, 409, 422, 503),
        **created_response(
            "registered at a window", operation="get_person", parameters={"person_id": "$response.body#/id"}
        ),
    },
)
async def register_person(
    request: Request,
    uow: UowDep,
    cipher: CipherDep,
    actor: OptionalActorDep,
    registers: RegistersDep,
    sms: SmsDep,
    codes: CodePolicyDep,
    verifier: SystemIdentityDep,
    body: PersonIn,
    response: Response,
) -> Response | PersonOut:
    """Register a person (自然人注册).

    Online (网上注册, no token): `phone` and the `phone_code` sent to it by `POST /persons/phone-codes`, a
    password, and name + ID number, which identity checks against the population register (人口库实名核验)
    through the exchange under its registered duty (the read shows in the person's "who read my data").
    The account starts at real-name level 2. The answer is 202 and the same whether or not the number was
    registered before; the holder of an existing account gets an SMS instead. A name and number the register
    does not confirm: 403 `identity_not_verified` (the code is spent); the register unreachable: 503
    `verification_unavailable`, nothing written.

    At a window (窗口人员, in person): 201 with the person at level 3; the password may be left out."""
    if registration_channel(actor) is RegistrationChannel.ONLINE:
        await register_online(
            uow,
            registers,
            sms,
            cipher=cipher,
            codes=codes,
            verifier=verifier,
            name=body.name,
            id_number=body.id_number,
            phone=body.phone,
            phone_code=body.phone_code,
            password=body.password.get_secret_value() if body.password is not None else None,
            now=datetime.now(UTC),
        )
        received = RegistrationOut(status="received", detail=REGISTRATION_RECEIVED)
        return JSONResponse(
            received.model_dump(), status_code=status.HTTP_202_ACCEPTED, headers={"Cache-Control": NO_STORE}
        )
    person = await cases.register_person(
        uow,
        actor,
        cipher=cipher,
        name=body.name,
        id_number=body.id_number,
        phone=body.phone,
        password=body.password.get_secret_value() if body.password is not None else None,
    )
    response.headers["Cache-Control"] = NO_STORE
    set_location(request, response, f"/persons/{person.id}")
    return PersonOut.of(person)


@router.post("/lookup", response_model=PersonOut, responses=problem_responses(401, 403, 404, 422))
async def look_up_person(
    uow: UowDep, cipher: CipherDep, actor: ClerkActorDep, body: IdNumberIn, response: Response
) -> PersonOut:
    """Find a person by ID number (按身份证号查找); window clerks and reviewers. The answer is masked."""
    person = await cases.look_up_person(uow, actor, cipher=cipher, id_number=body.id_number)
    response.headers["Cache-Control"] = NO_STORE
    return PersonOut.of(person)


@router.get("/{person_id}", response_model=PersonOut, responses=problem_responses(401, 403, 404))
async def get_person(
    uow: UowDep,
    cipher: CipherDep,
    actor: ActorDep,
    person_id: PersonId,
    response: Response,
    reveal: Annotated[
        bool, Query(description="the person themself may see the full ID number and phone")
    ] = False,
) -> PersonOut:
    """A person (自然人信息): the person themself or staff who serve applicants. Masked unless the person
    themself asks with `reveal=true`."""
    view = await cases.get_person(uow, actor, cipher=cipher, person_id=person_id, reveal=reveal)
    response.headers["Cache-Control"] = NO_STORE
    return PersonOut.of(view.person, id_number=view.id_number, phone=view.phone)


@router.post(
    "/{person_id}/identity-level",
    response_model=LevelOut,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def raise_identity_level(
    uow: UowDep, cipher: CipherDep, actor: VerifierActorDep, person_id: PersonId, body: IdNumberIn
) -> LevelOut:
    """Record an identity check (实名核验) with the ID number the verifier checked: a window clerk's in-person
    check gives level 3, a system with scope `identity:verify` (population resource, 人口库) gives level 2.
    Never lowers a level. Announces `identity.identity_level_raised.v1`."""
    change = await cases.raise_identity_level(
        uow, actor, cipher=cipher, person_id=person_id, id_number=body.id_number
    )
    person = change.person
    return LevelOut(
        person_id=person.id,
        acr=person.acr,
        from_level=change.from_level,
        raised=change.raised,
        verified_at=person.acr_verified_at,
    )
