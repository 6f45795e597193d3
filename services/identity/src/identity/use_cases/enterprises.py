"""Enterprises (法人): registered by their legal representative, a person with real-name level ≥ 2."""

from __future__ import annotations

import hmac
import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.exc import IntegrityError

from identity.clients.registers import LegalEntity, Registers, RegistersUnavailable
from identity.domain.authorization import (
    Actor,
    may_register_enterprise,
    may_reveal_enterprise,
    may_view_enterprise,
    reveals_to_system,
)
from identity.pii import InvalidIdentifier, PiiCipher, valid_credit_code, valid_id_number
from identity.store.models import Enterprise, Person
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.errors import Forbidden, NotFound, invalid_identifier
from meshkit.errors import ProblemError

__all__ = [
    "EnterpriseView",
    "NotInRegistry",
    "NotLegalRepresentative",
    "enterprises_of",
    "get_enterprise",
    "legal_entity",
    "names_person",
    "register_enterprise",
]

log = logging.getLogger("identity.enterprises")


@dataclass(frozen=True)
class EnterpriseView:
    enterprise: Enterprise
    credit_code: str | None = None  # opened only for the legal representative, on request


def _exists() -> ProblemError:
    return ProblemError(
        "该企业已由您登记，无需重复登记 (already registered by you)", status=409, code="enterprise_exists"
    )


def _claimed() -> ProblemError:
    return ProblemError(
        "该企业已被他人登记。登记的法定代表人是您：请携带居民身份证和营业执照到政务服务大厅申请找回企业账号"
        "（工作人员核对后办理，原登记人的登录随即失效）。",
        status=409,
        code="enterprise_claimed",
    )


class NotInRegistry(ProblemError):
    status = 403
    code = "enterprise_not_in_registry"

    def __init__(self) -> None:
        super().__init__(
            "市场主体登记信息中没有该统一社会信用代码。请核对营业执照上的代码；如确认无误，"
            "请到区市场监管局窗口核实登记信息。"
        )


class NotLegalRepresentative(ProblemError):
    status = 403
    code = "not_legal_representative"

    def __init__(self) -> None:
        super().__init__(
            "市场主体登记信息记载的法定代表人不是您，不能以法定代表人身份登记该企业。请由法定代表人本人登记，"
            "再由其授权您为经办人；如登记信息有误，请到区市场监管局办理变更。"
        )


PURPOSE = "统一身份认证 企业账号登记 法定代表人核验"


async def legal_entity(registers: Registers, *, credit_code: str, purpose: str) -> LegalEntity:
    """The 法人 record (403 when the register holds none, 503 when it cannot be read now)."""
    try:
        record = await registers.legal_entity(credit_code=credit_code, purpose=purpose)
    except RegistersUnavailable as exc:
        log.warning("legal-entity register unavailable", extra={"reason": str(exc)})
        raise ProblemError(
            "市场主体登记信息暂时无法核验，本次未做任何登记，请稍后再试。",
            status=503,
            code="verification_unavailable",
            headers={"Retry-After": "30"},
        ) from None
    if record is None:
        raise NotInRegistry()
    return record


def names_person(cipher: PiiCipher, record: LegalEntity, person: Person) -> bool:
    """Whether the record's legal representative is this person: by ID number (keyed hashes compared)."""
    try:
        number = valid_id_number(record.legal_representative_id)
    except InvalidIdentifier:
        return False
    return hmac.compare_digest(cipher.lookup("id_number", number), person.id_number_lookup)


async def register_enterprise(
    uow: IdentityUnitOfWork, registers: Registers, actor: Actor, *, cipher: PiiCipher, credit_code: str
) -> Enterprise:
    """The calling person becomes the legal representative (法定代表人) — only if the market-regulation register
    names them, by ID number. The enterprise's name is the register's."""
    if not actor.is_person():
        raise Forbidden("只有自然人可以登记企业 (persons only)")
    if not may_register_enterprise(actor):
        raise Forbidden(
            "登记企业需要实名等级 2 级及以上 (real-name level 2 required)", code="insufficient_identity_level"
        )
    try:
        code = valid_credit_code(credit_code)
    except InvalidIdentifier as exc:
        raise invalid_identifier(exc) from None
    person = await uow.persons.get(actor.id)
    if person is None:
        raise NotFound("登录的自然人账号不存在", code="person_not_found")
    record = await legal_entity(registers, credit_code=code, purpose=PURPOSE)
    if not names_person(cipher, record, person):
        log.info("enterprise registration refused: not the legal representative", extra={"by": actor.id})
        raise NotLegalRepresentative()
    sealed = cipher.seal("credit_code", code)
    existing = await uow.enterprises.by_credit_code(sealed.lookup)
    if existing is not None:
        raise _exists() if existing.legal_representative_id == person.id else _claimed()
    now = datetime.now(UTC)
    enterprise = Enterprise(
        id=str(uuid.uuid4()),
        name=record.name.strip() or "（名称未登记）",
        credit_code_enc=sealed.ciphertext,
        credit_code_lookup=sealed.lookup,
        credit_code_masked=sealed.masked,
        legal_representative_id=person.id,
        created_at=now,
        registry_checked_at=now,
    )
    uow.enterprises.add(enterprise)
    try:
        await uow.flush()
    except IntegrityError:
        raise _claimed() from None
    await uow.commit()
    log.info("enterprise registered", extra={"enterprise_id": enterprise.id, "by": actor.id})
    return enterprise


async def get_enterprise(
    uow: IdentityUnitOfWork, actor: Actor, *, cipher: PiiCipher, enterprise_id: str, reveal: bool
) -> EnterpriseView:
    enterprise = await uow.enterprises.get(enterprise_id)
    if enterprise is None:
        raise NotFound(f"企业 {enterprise_id} 不存在", code="enterprise_not_found")
    is_agent = (
        actor.is_person()
        and await uow.agents.current(enterprise_id=enterprise.id, person_id=actor.id, now=datetime.now(UTC))
        is not None
    )
    representative_id = enterprise.legal_representative_id
    whose = {"enterprise_id": enterprise.id, "representative_id": representative_id}
    if not may_view_enterprise(actor, **whose, is_agent=is_agent):
        raise Forbidden("无权查看该企业信息 (not allowed to see this enterprise)")
    if reveal and may_reveal_enterprise(actor, **whose, is_agent=is_agent):
        if reveals_to_system(actor):
            log.info(
                "credit code revealed to system",
                extra={"enterprise_id": enterprise.id, "client_id": actor.id, "client_org": actor.org},
            )
        return EnterpriseView(enterprise, credit_code=cipher.open(enterprise.credit_code_enc))
    return EnterpriseView(enterprise)


async def enterprises_of(uow: IdentityUnitOfWork, actor: Actor) -> Sequence[Enterprise]:
    """The enterprises the calling person represents, then those it currently acts for as an agent (经办人)."""
    if not actor.is_person():
        raise Forbidden("只有自然人有代表的企业 (persons only)")
    represented = list(await uow.enterprises.represented_by(actor.id))
    for enterprise_id in await uow.agents.acting_for(actor.id, now=datetime.now(UTC)):
        enterprise = await uow.enterprises.get(enterprise_id)
        if enterprise is not None and enterprise not in represented:
            represented.append(enterprise)
    return represented
