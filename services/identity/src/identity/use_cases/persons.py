"""Natural persons (自然人): registration, reading, lookup by ID number, and raising the real-name level."""

from __future__ import annotations

import hmac
import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.exc import IntegrityError

from identity.domain.authorization import (
    Actor,
    may_look_up_persons,
    may_reveal,
    may_view_person,
    registration_channel,
    reveals_to_system,
    verification_method,
)
from identity.domain.subjects import IdentityLevel, RegistrationChannel, VerificationMethod, raised_level
from identity.events import IDENTITY_LEVEL_RAISED, PERSON_REGISTERED, IdentityLevelRaised, PersonRegistered
from identity.pii import InvalidIdentifier, PiiCipher, valid_id_number, valid_phone
from identity.store.models import Person
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.errors import Forbidden, NotFound, invalid_identifier
from identity.use_cases.names import checked_name
from identity.use_cases.passwords import check_password, hash_password
from meshkit.errors import ProblemError

__all__ = [
    "LevelChange",
    "PersonView",
    "announce_registration",
    "apply_level",
    "get_person",
    "look_up_person",
    "new_person",
    "raise_identity_level",
    "register_person",
    "seed_person",
    "valid_identity",
]

log = logging.getLogger("identity.persons")


@dataclass(frozen=True)
class PersonView:
    """A person as one caller may see them: the opened values only when revealed to the person themself."""

    person: Person
    id_number: str | None = None
    phone: str | None = None

    @property
    def revealed(self) -> bool:
        return self.id_number is not None


@dataclass(frozen=True)
class LevelChange:
    person: Person
    from_level: int
    raised: bool


def _person_exists() -> ProblemError:
    return ProblemError("该身份证号已注册 (already registered)", status=409, code="person_exists")


def valid_identity(id_number: str, phone: str | None) -> tuple[str, str | None]:
    """Both values normalized, or one problem listing every identifier that failed and which check. At a window
    the phone may be a landline (a person without a mobile phone); no code or notice is ever sent to it."""
    failures: list[InvalidIdentifier] = []
    number = normalized_phone = None
    try:
        number = valid_id_number(id_number)
    except InvalidIdentifier as exc:
        failures.append(exc)
    try:
        normalized_phone = valid_phone(phone, landline=True) if phone else None
    except InvalidIdentifier as exc:
        failures.append(exc)
    if failures or number is None:
        raise invalid_identifier(*failures)
    return number, normalized_phone


def _checked_id_number(id_number: str) -> str:
    try:
        return valid_id_number(id_number)
    except InvalidIdentifier as exc:
        raise invalid_identifier(exc) from None


async def register_person(
    uow: IdentityUnitOfWork,
    actor: Actor | None,
    *,
    cipher: PiiCipher,
    name: str,
    id_number: str,
    phone: str | None,
    password: str | None,
) -> Person:
    """Registration in person by a window clerk (acr 3, password optional), who has seen the ID card.

    Online self-service goes through :func:`identity.use_cases.registration.register_online` (population check,
    proven phone, an answer that does not tell whether the number was registered)."""
    channel = registration_channel(actor)
    if channel is not RegistrationChannel.WINDOW:
        raise Forbidden("网上注册须验证手机号码并经人口库核验 (online registration goes through the checks)")
    name = checked_name(name)
    number, normalized_phone = valid_identity(id_number, phone)
    if password is not None:
        check_password(password)
    if await uow.persons.by_id_number(cipher.lookup("id_number", number)) is not None:
        raise _person_exists()
    person = new_person(
        cipher,
        name=name,
        id_number=number,
        phone=normalized_phone,
        password_hash=await hash_password(password) if password is not None else None,
    )
    uow.persons.add(person)
    await announce_registration(uow, person, channel)
    if actor is not None:
        await apply_level(uow, person, VerificationMethod.IN_PERSON, by=actor.id, by_org=actor.org)
    try:
        await uow.flush()
    except IntegrityError:
        raise _person_exists() from None
    await uow.commit()
    log.info("person registered", extra={"person_id": person.id, "channel": channel.value})
    return person


async def get_person(
    uow: IdentityUnitOfWork, actor: Actor, *, cipher: PiiCipher, person_id: str, reveal: bool
) -> PersonView:
    """Masked for everyone; opened when asked (``reveal``) by the person themself, or — the ID number only —
    by an entitled system (scope ``identity:reveal``), each such reveal logged without the value."""
    if not may_view_person(actor, person_id):
        raise Forbidden("无权查看该自然人信息 (not allowed to see this person)")
    person = await uow.persons.get(person_id)
    if person is None:
        raise NotFound(f"自然人 {person_id} 不存在", code="person_not_found")
    if not (reveal and may_reveal(actor, person_id)):
        return PersonView(person)
    if not actor.is_person(person_id) and reveals_to_system(actor):
        log.info(
            "id number revealed to system",
            extra={"person_id": person.id, "client_id": actor.id, "client_org": actor.org},
        )
        return PersonView(person, id_number=cipher.open(person.id_number_enc))
    phone = cipher.open(person.phone_enc) if person.phone_enc is not None else None
    return PersonView(person, id_number=cipher.open(person.id_number_enc), phone=phone)


async def look_up_person(
    uow: IdentityUnitOfWork, actor: Actor, *, cipher: PiiCipher, id_number: str
) -> Person:
    """Find a person by ID number (window clerks and reviewers), by its keyed hash."""
    if not may_look_up_persons(actor):
        raise Forbidden("只有窗口人员和审核人员可以按身份证号查找 (window clerks and reviewers only)")
    person = await uow.persons.by_id_number(cipher.lookup("id_number", _checked_id_number(id_number)))
    if person is None:
        raise NotFound("没有使用该身份证号注册的自然人", code="person_not_found")
    log.info("person looked up by id number", extra={"person_id": person.id, "by": actor.id})
    return person


async def raise_identity_level(
    uow: IdentityUnitOfWork, actor: Actor, *, cipher: PiiCipher, person_id: str, id_number: str
) -> LevelChange:
    """Record a check of the person's identity; the verifier states the ID number they checked.

    A window clerk's in-person check gives level 3; a trusted system's population-resource check gives level 2.
    Levels are never lowered: a check below the current level changes nothing.
    """
    method = verification_method(actor)
    if method is None:
        raise Forbidden("只有窗口人员或核验系统可以提升实名等级 (window clerks or verifying systems only)")
    person = await uow.persons.get(person_id)
    if person is None:
        raise NotFound(f"自然人 {person_id} 不存在", code="person_not_found")
    checked = cipher.lookup("id_number", _checked_id_number(id_number))
    if not hmac.compare_digest(checked, person.id_number_lookup):
        raise ProblemError("核验的身份证号与该账号不一致", status=409, code="identity_mismatch")
    from_level = person.acr
    if not await apply_level(uow, person, method, by=actor.id, by_org=actor.org):
        return LevelChange(person, from_level=from_level, raised=False)
    await uow.commit()
    log.info("identity level raised", extra={"person_id": person.id, "to_level": person.acr, "by": actor.id})
    return LevelChange(person, from_level=from_level, raised=True)


async def seed_person(
    uow: IdentityUnitOfWork,
    *,
    cipher: PiiCipher,
    name: str,
    id_number: str,
    phone: str | None,
    password_hash: str | None,
    method: VerificationMethod | None,
    by_org: str | None,
) -> bool:
    """Demo data: register once (online), then record the check that gave the seeded level. False if present."""
    number, normalized_phone = valid_identity(id_number, phone)
    if await uow.persons.by_id_number(cipher.lookup("id_number", number)) is not None:
        return False
    person = new_person(
        cipher, name=name, id_number=number, phone=normalized_phone, password_hash=password_hash
    )
    uow.persons.add(person)
    await announce_registration(uow, person, RegistrationChannel.ONLINE)
    if method is not None:
        await apply_level(uow, person, method, by="demo", by_org=by_org)
    await uow.commit()
    return True


def new_person(
    cipher: PiiCipher, *, name: str, id_number: str, phone: str | None, password_hash: str | None
) -> Person:
    sealed_id = cipher.seal("id_number", id_number)
    sealed_phone = cipher.seal("phone", phone, keep_start=3, keep_end=4) if phone else None
    return Person(
        id=str(uuid.uuid4()),
        name=name,
        id_number_enc=sealed_id.ciphertext,
        id_number_lookup=sealed_id.lookup,
        id_number_masked=sealed_id.masked,
        phone_enc=sealed_phone.ciphertext if sealed_phone else None,
        phone_lookup=sealed_phone.lookup if sealed_phone else None,
        phone_masked=sealed_phone.masked if sealed_phone else None,
        password_hash=password_hash,
        acr=IdentityLevel.SELF_DECLARED,
        failed_logins=0,
        version=1,
        created_at=datetime.now(UTC),
    )


async def announce_registration(
    uow: IdentityUnitOfWork, person: Person, channel: RegistrationChannel
) -> None:
    await uow.publish(
        PERSON_REGISTERED,
        aggregate_id=person.id,
        sequence=person.version,
        payload=PersonRegistered(person_id=person.id, acr=person.acr, channel=channel.value),
    )


async def apply_level(
    uow: IdentityUnitOfWork, person: Person, method: VerificationMethod, *, by: str, by_org: str | None
) -> bool:
    """Raise the level if the check establishes more than the person has; announce it. False if unchanged."""
    target = raised_level(person.acr, method)
    if target is None:
        return False
    from_level = person.acr
    person.acr = target
    person.acr_verified_by = by
    person.acr_verified_at = datetime.now(UTC)
    person.version += 1
    await uow.publish(
        IDENTITY_LEVEL_RAISED,
        aggregate_id=person.id,
        sequence=person.version,
        payload=IdentityLevelRaised(
            person_id=person.id, from_level=from_level, to_level=target, method=method.value, by_org=by_org
        ),
    )
    return True
