"""Reclaiming an enterprise claimed wrongly (企业账号找回): an administrator, with the real legal representative
before them, has identity read the 法人 record again; the enterprise goes to the registered person the record
names, the agents the wrong claimant authorized lose their power, and every open enterprise login for it ends
(sessions, refresh families, the access tokens issued in them)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from identity.clients.registers import Registers
from identity.domain.authorization import Actor, is_admin
from identity.domain.tokens import TokenPolicy
from identity.pii import InvalidIdentifier, PiiCipher, valid_id_number
from identity.store.models import Enterprise
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.enterprise_agents import end_enterprise_logins
from identity.use_cases.enterprises import legal_entity
from identity.use_cases.errors import Forbidden, NotFound
from meshkit.errors import ProblemError

__all__ = ["Reclaimed", "reclaim_enterprise"]

log = logging.getLogger("identity.enterprise_reclaim")

PURPOSE = "统一身份认证 企业账号找回 法定代表人核验"


@dataclass(frozen=True)
class Reclaimed:
    enterprise: Enterprise
    previous_representative_id: str
    sessions_ended: int
    agents_revoked: int


async def reclaim_enterprise(
    uow: IdentityUnitOfWork,
    registers: Registers,
    actor: Actor,
    *,
    cipher: PiiCipher,
    enterprise_id: str,
    policy: TokenPolicy,
    now: datetime,
) -> Reclaimed:
    if not is_admin(actor):
        raise Forbidden("只有管理员可以办理企业账号找回 (administrators only)")
    enterprise = await uow.enterprises.get(enterprise_id)
    if enterprise is None:
        raise NotFound(f"企业 {enterprise_id} 不存在", code="enterprise_not_found")
    record = await legal_entity(
        registers, credit_code=cipher.open(enterprise.credit_code_enc), purpose=PURPOSE
    )
    try:
        number = valid_id_number(record.legal_representative_id)
    except InvalidIdentifier:
        raise ProblemError(
            "市场主体登记信息未记载有效的法定代表人身份证件号码，无法办理找回；请先到区市场监管局更正登记信息。",
            status=409,
            code="registry_incomplete",
        ) from None
    representative = await uow.persons.by_id_number(cipher.lookup("id_number", number))
    if representative is None:
        raise ProblemError(
            "登记的法定代表人尚未注册统一身份认证账号：请其先注册（可在窗口当场注册），再办理找回。",
            status=409,
            code="representative_not_registered",
        )
    previous = enterprise.legal_representative_id
    if representative.id == previous:
        raise ProblemError(
            "该企业账号已属于登记的法定代表人，无需找回。", status=409, code="already_with_representative"
        )
    enterprise.legal_representative_id = representative.id
    enterprise.registry_checked_at = now
    enterprise.name = record.name.strip() or enterprise.name
    agents = await uow.agents.revoke_all(enterprise.id, by=actor.id, now=now)
    ended = await end_enterprise_logins(
        uow, enterprise_id=enterprise.id, person_id=None, policy=policy, now=now
    )
    await uow.commit()
    log.warning(
        "enterprise reclaimed by its registered legal representative",
        extra={
            "enterprise_id": enterprise.id,
            "previous_representative_id": previous,
            "representative_id": representative.id,
            "by": actor.id,
            "sessions_ended": ended,
            "agents_revoked": agents,
        },
    )
    return Reclaimed(enterprise, previous, ended, agents)
