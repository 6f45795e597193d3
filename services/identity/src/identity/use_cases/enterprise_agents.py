"""Who acts for an enterprise: its legal representative (法定代表人, as the market-regulation register records it)
and the agents (经办人) the representative authorized until a date. Revoking or expiry ends an agent's power; its
enterprise logins end with it (sessions, refresh families and the access tokens issued in them)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from identity.domain.authorization import Actor
from identity.domain.tokens import TokenPolicy
from identity.pii import InvalidIdentifier, PiiCipher, valid_id_number
from identity.store.models import Enterprise, EnterpriseAgent, Person
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.errors import Forbidden, Invalid, NotFound, invalid_identifier
from identity.use_cases.revocations import end_session, revoke_access_tokens

__all__ = [
    "AGENT_MAX_DAYS",
    "AgentView",
    "authorize_agent",
    "end_enterprise_logins",
    "list_agents",
    "revoke_agent",
]

log = logging.getLogger("identity.enterprise_agents")

REASON = "representation_ended"  # in the revocation events: an agent revoked, or an enterprise reclaimed
AGENT_MAX_DAYS = 3 * 366  # an authorization runs at most about three years; renewing it is a new one


@dataclass(frozen=True)
class AgentView:
    agent: EnterpriseAgent
    person: Person

    def active(self, now: datetime) -> bool:
        return self.agent.revoked_at is None and self.agent.expires_at > now


async def _represented(uow: IdentityUnitOfWork, actor: Actor, enterprise_id: str) -> Enterprise:
    """The enterprise, if the actor is its legal representative (as a person, or logged in for it)."""
    enterprise = await uow.enterprises.get(enterprise_id)
    if enterprise is None:
        raise NotFound(f"企业 {enterprise_id} 不存在", code="enterprise_not_found")
    is_representative = enterprise.legal_representative_id == actor.id and (
        actor.is_person() or (actor.kind == "enterprise" and actor.org == enterprise.id)
    )
    if not is_representative:
        raise Forbidden(
            "只有企业的法定代表人可以管理经办人授权 (legal representative only)",
            code="not_legal_representative",
        )
    return enterprise


async def authorize_agent(
    uow: IdentityUnitOfWork,
    actor: Actor,
    *,
    cipher: PiiCipher,
    enterprise_id: str,
    id_number: str,
    expires_at: datetime,
    now: datetime,
) -> AgentView:
    """The legal representative authorizes a registered person as agent until ``expires_at``."""
    enterprise = await _represented(uow, actor, enterprise_id)
    if expires_at <= now or expires_at > now + timedelta(days=AGENT_MAX_DAYS):
        message = f"授权截止时间须晚于现在，且不超过 {AGENT_MAX_DAYS} 天"
        raise Invalid(
            message,
            code="invalid_agent_expiry",
            errors=[{"field": "expires_at", "message": message, "type": "value_error"}],
        )
    try:
        number = valid_id_number(id_number)
    except InvalidIdentifier as exc:
        raise invalid_identifier(exc) from None
    person = await uow.persons.by_id_number(cipher.lookup("id_number", number))
    if person is None:
        raise NotFound(
            "该身份证号尚未注册统一身份认证账号：请经办人先注册（网上或窗口），再办理授权",
            code="person_not_found",
        )
    if person.id == enterprise.legal_representative_id:
        raise Invalid(
            "法定代表人本人无需授权为经办人",
            code="agent_is_representative",
            errors=[{"field": "body.id_number", "message": "法定代表人本人无需授权", "type": "value_error"}],
        )
    existing = await uow.agents.current(enterprise_id=enterprise.id, person_id=person.id, now=now)
    if existing is not None:  # a new period replaces the current one
        existing.revoked_at, existing.revoked_by = now, actor.id
    agent = EnterpriseAgent(
        id=str(uuid.uuid4()),
        enterprise_id=enterprise.id,
        person_id=person.id,
        granted_by=actor.id,
        granted_at=now,
        expires_at=expires_at,
    )
    uow.agents.add(agent)
    await uow.commit()
    log.info("agent authorized", extra={"enterprise_id": enterprise.id, "agent_id": agent.id})
    return AgentView(agent, person)


async def list_agents(uow: IdentityUnitOfWork, actor: Actor, *, enterprise_id: str) -> Sequence[AgentView]:
    enterprise = await _represented(uow, actor, enterprise_id)
    views = []
    for agent in await uow.agents.of_enterprise(enterprise.id):
        person = await uow.persons.get(agent.person_id)
        if person is not None:
            views.append(AgentView(agent, person))
    return views


async def revoke_agent(
    uow: IdentityUnitOfWork,
    actor: Actor,
    *,
    enterprise_id: str,
    agent_id: str,
    policy: TokenPolicy,
    now: datetime,
) -> None:
    """End an authorization at once, with the agent's logins for the enterprise."""
    enterprise = await _represented(uow, actor, enterprise_id)
    agent = await uow.agents.get(agent_id)
    if agent is None or agent.enterprise_id != enterprise.id:
        raise NotFound("该经办人授权不存在", code="agent_not_found")
    if agent.revoked_at is None:
        agent.revoked_at, agent.revoked_by = now, actor.id
    await end_enterprise_logins(
        uow, enterprise_id=enterprise.id, person_id=agent.person_id, policy=policy, now=now
    )
    await uow.commit()
    log.info("agent authorization revoked", extra={"enterprise_id": enterprise.id, "agent_id": agent.id})


async def end_enterprise_logins(
    uow: IdentityUnitOfWork, *, enterprise_id: str, person_id: str | None, policy: TokenPolicy, now: datetime
) -> int:
    """End the open enterprise logins (of one person, or everyone's): each session ends as at end-session —
    its refresh families stop and its ``sid`` is announced, so every service refuses the access tokens issued in
    it (issue 17's revocation events) — plus the access tokens issued for its codes. Not committed."""
    sessions = await uow.agents.open_enterprise_sessions(enterprise_id, person_id=person_id, now=now)
    for session in sessions:
        await end_session(uow, session=session, reason=REASON, policy=policy, now=now)
    jtis, _ = await uow.agents.issued_in_sessions([s.id for s in sessions])
    await revoke_access_tokens(
        uow, jtis=jtis, expires_at=now + timedelta(seconds=policy.access_ttl), reason=REASON, now=now
    )
    return len(sessions)
