"""Newborns (新生儿): a child registered by its guardian before it has a resident ID number, and whom a person
may act for (监护、法定代表、经办) — what the cases service asks before a case names someone else as its subject.

A newborn's id, issued here, is its subject identifier in the mesh (kind ``newborn``): certificates of
新生儿出生一件事 are issued to it, and its materials are looked up for it, until 出生登记 gives it an ID number.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy.exc import IntegrityError

from identity.domain.authorization import Actor, may_ask_relation, may_register_newborn, may_view_newborn
from identity.store.models import Newborn
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.errors import Forbidden, Invalid, NotFound
from identity.use_cases.names import checked_name
from identity.use_cases.representation import acting_role
from meshkit.errors import ProblemError
from meshkit.legaldate import local_date

__all__ = ["NEWBORN_AGE_LIMIT", "get_newborn", "newborns_of", "register_newborn", "relation_of"]

log = logging.getLogger("identity.newborns")

NEWBORN_AGE_LIMIT = timedelta(days=3 * 366)
"""A child registered as a newborn was born within about three years: older children have an ID number (出生登记
is due within a month of birth); a later registration goes through the population register, not here."""


async def register_newborn(
    uow: IdentityUnitOfWork,
    actor: Actor,
    *,
    guardian_id: str,
    name: str,
    sex: str,
    birth_date: date,
    now: datetime,
) -> Newborn:
    """The child, linked to its guardian; a second registration of the same child (same guardian, name and birth
    date) is refused with 409 ``newborn_exists``."""
    if not may_register_newborn(actor, guardian_id):
        raise Forbidden(
            "只有本人（实名等级 2 级以上）或窗口人员可以为孩子登记新生儿信息 (the guardian or a window clerk only)"
        )
    today = local_date(now)
    if birth_date > today or today - birth_date > NEWBORN_AGE_LIMIT:
        message = "出生日期须在今天及三年以内；已满三岁的孩子请使用其公民身份号码办理"
        raise Invalid(message, errors=[{"field": "birth_date", "message": message, "type": "out_of_range"}])
    if await uow.persons.get(guardian_id) is None:
        raise NotFound(f"监护人 {guardian_id} 不存在", code="person_not_found")
    newborn = Newborn(
        id=str(uuid.uuid4()),
        name=checked_name(name),
        sex=sex,
        birth_date=birth_date,
        guardian_id=guardian_id,
        registered_by=actor.id,
    )
    uow.newborns.add(newborn)
    try:
        await uow.flush()
    except IntegrityError:
        raise ProblemError(
            "该新生儿已登记，请在“我的新生儿”中查看 (already registered)", status=409, code="newborn_exists"
        ) from None
    await uow.commit()
    log.info("newborn registered", extra={"newborn_id": newborn.id, "by": actor.id})
    return newborn


async def newborns_of(uow: IdentityUnitOfWork, actor: Actor) -> Sequence[Newborn]:
    """The calling person's children registered here (我的新生儿)."""
    if not actor.is_person():
        raise Forbidden("只有本人可以查看自己登记的新生儿 (persons only)")
    return await uow.newborns.of_guardian(actor.id)


async def get_newborn(uow: IdentityUnitOfWork, actor: Actor, *, newborn_id: str) -> Newborn:
    newborn = await uow.newborns.get(newborn_id)
    if newborn is None or not may_view_newborn(actor, newborn.guardian_id):
        # the same answer whether the child exists or not: a stranger learns nothing of other families
        raise NotFound(f"新生儿 {newborn_id} 不存在或无权查看", code="newborn_not_found")
    if reveals_to_platform(actor, newborn):
        log.info("newborn revealed to system", extra={"newborn_id": newborn.id, "client_id": actor.id})
    return newborn


def reveals_to_platform(actor: Actor, newborn: Newborn) -> bool:
    return actor.kind == "system" and not actor.is_person(newborn.guardian_id)


async def relation_of(
    uow: IdentityUnitOfWork, actor: Actor, *, person_id: str, kind: str, subject_id: str, now: datetime
) -> str | None:
    """How ``person_id`` may act for the subject by identity's records: ``self``, ``guardian`` (a newborn the person
    registered as its guardian), ``legal_representative`` or ``agent`` (an enterprise), or None."""
    if not may_ask_relation(actor, person_id):
        raise Forbidden(
            "只能查询本人可代为办理的对象 (only for oneself, or by staff who file for applicants)"
        )
    if kind == "person":
        return "self" if subject_id == person_id else None
    if kind == "newborn":
        newborn = await uow.newborns.get(subject_id)
        return "guardian" if newborn is not None and newborn.guardian_id == person_id else None
    if kind == "enterprise":
        enterprise = await uow.enterprises.get(subject_id)
        if enterprise is None:
            return None
        return await acting_role(uow, enterprise=enterprise, person_id=person_id, now=now)
    return None
