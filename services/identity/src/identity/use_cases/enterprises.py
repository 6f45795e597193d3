"""Enterprises (法人): registered by their legal representative, a person with real-name level ≥ 2."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.exc import IntegrityError

from identity.domain.authorization import (
    Actor,
    may_register_enterprise,
    may_reveal_enterprise,
    may_view_enterprise,
    reveals_to_system,
)
from identity.pii import InvalidIdentifier, PiiCipher, valid_credit_code
from identity.store.models import Enterprise
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.errors import Forbidden, NotFound, invalid_identifier
from meshkit.errors import ProblemError

__all__ = ["EnterpriseView", "enterprises_of", "get_enterprise", "register_enterprise"]

log = logging.getLogger("identity.enterprises")


@dataclass(frozen=True)
class EnterpriseView:
    enterprise: Enterprise
    credit_code: str | None = None  # opened only for the legal representative, on request


def _exists() -> ProblemError:
    return ProblemError("该统一社会信用代码已登记 (already registered)", status=409, code="enterprise_exists")


async def register_enterprise(
    uow: IdentityUnitOfWork, actor: Actor, *, cipher: PiiCipher, name: str, credit_code: str
) -> Enterprise:
    """The calling person becomes the legal representative (法定代表人)."""
    if not actor.is_person():
        raise Forbidden("只有自然人可以登记企业 (persons only)")
    if not may_register_enterprise(actor):
        raise Forbidden(
            "登记企业需要实名等级 2 级及以上 (real-name level 2 required)", code="insufficient_identity_level"
        )
    name = name.strip()
    try:
        code = valid_credit_code(credit_code)
    except InvalidIdentifier as exc:
        raise invalid_identifier(exc) from None
    sealed = cipher.seal("credit_code", code)
    if await uow.enterprises.by_credit_code(sealed.lookup) is not None:
        raise _exists()
    if await uow.persons.get(actor.id) is None:
        raise NotFound("登录的自然人账号不存在", code="person_not_found")
    enterprise = Enterprise(
        id=str(uuid.uuid4()),
        name=name,
        credit_code_enc=sealed.ciphertext,
        credit_code_lookup=sealed.lookup,
        credit_code_masked=sealed.masked,
        legal_representative_id=actor.id,
        created_at=datetime.now(UTC),
    )
    uow.enterprises.add(enterprise)
    try:
        await uow.flush()
    except IntegrityError:
        raise _exists() from None
    await uow.commit()
    log.info("enterprise registered", extra={"enterprise_id": enterprise.id, "by": actor.id})
    return enterprise


async def get_enterprise(
    uow: IdentityUnitOfWork, actor: Actor, *, cipher: PiiCipher, enterprise_id: str, reveal: bool
) -> EnterpriseView:
    enterprise = await uow.enterprises.get(enterprise_id)
    if enterprise is None:
        raise NotFound(f"企业 {enterprise_id} 不存在", code="enterprise_not_found")
    whose = {"enterprise_id": enterprise.id, "representative_id": enterprise.legal_representative_id}
    if not may_view_enterprise(actor, **whose):
        raise Forbidden("无权查看该企业信息 (not allowed to see this enterprise)")
    if reveal and may_reveal_enterprise(actor, **whose):
        if reveals_to_system(actor):
            log.info(
                "credit code revealed to system",
                extra={"enterprise_id": enterprise.id, "client_id": actor.id, "client_org": actor.org},
            )
        return EnterpriseView(enterprise, credit_code=cipher.open(enterprise.credit_code_enc))
    return EnterpriseView(enterprise)


async def enterprises_of(uow: IdentityUnitOfWork, actor: Actor) -> Sequence[Enterprise]:
    """The enterprises the calling person represents."""
    if not actor.is_person():
        raise Forbidden("只有自然人有代表的企业 (persons only)")
    return await uow.enterprises.represented_by(actor.id)
