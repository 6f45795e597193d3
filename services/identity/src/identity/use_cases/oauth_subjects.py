"""Who a token speaks for: subject claims from identity's current records (pairwise for sector clients),
whether an issued token still stands, and what userinfo tells about its subject."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from identity.domain.oauth import pairwise_subject
from identity.domain.tokens import SubjectClaims
from identity.store.models import Client, LoginSession, Person
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.login import STAFF_LEVEL
from identity.use_cases.representation import acting_role
from identity.use_cases.revocations import refusal
from identity.use_cases.tokens import OAuthError
from meshkit.errors import ProblemError

__all__ = [
    "InsufficientScope",
    "InvalidToken",
    "person_of_subject",
    "subject_claims",
    "token_still_stands",
    "userinfo",
]


class InvalidToken(ProblemError):
    """RFC 6750 §3.1 ``invalid_token``, as meshkit's verifier answers for bad signatures and expiry."""

    status = 401
    code = "invalid_token"

    def __init__(self, detail: str) -> None:
        super().__init__(detail, headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})


class InsufficientScope(ProblemError):
    status = 403
    code = "insufficient_scope"

    def __init__(self, scope: str) -> None:
        super().__init__(
            f"访问令牌缺少权限范围 {scope} (insufficient_scope)",
            headers={"WWW-Authenticate": f'Bearer error="insufficient_scope", scope="{scope}"'},
        )


def _gone() -> OAuthError:
    return OAuthError(
        "登录账号已不可用 (the subject of this grant is no longer active)", code="invalid_grant"
    )


async def _subject_id(uow: IdentityUnitOfWork, client: Client, person_id: str, secret: str) -> str:
    if not client.sector:
        return person_id
    subject = pairwise_subject(secret, sector=client.sector, person_id=person_id)
    await uow.clients.remember_pairwise(sector=client.sector, subject=subject, person_id=person_id)
    return subject


async def subject_claims(
    uow: IdentityUnitOfWork, *, session: LoginSession, client: Client, secret: str
) -> SubjectClaims:
    """Built from the records as they are now: a deactivated staff account or a lost legal representation
    gets no more tokens, and a raised real-name level counts at the next refresh."""
    auth_time = int(session.auth_time.timestamp())
    if session.subject_kind == "staff":
        staff = await uow.staff.get(session.subject_id)
        if staff is None or not staff.active:
            raise _gone()
        return SubjectClaims(
            kind="staff",
            sub=staff.id,
            acr=STAFF_LEVEL,
            auth_time=auth_time,
            org=staff.organization_code,
            region=staff.scope_division,
            roles=tuple(staff.roles),
        )
    person = await uow.persons.get(session.subject_id)
    if person is None:
        raise _gone()
    sub = await _subject_id(uow, client, person.id, secret)
    if session.subject_kind == "enterprise":
        enterprise = await uow.enterprises.get(session.enterprise_id) if session.enterprise_id else None
        now = datetime.now(UTC)
        if (
            enterprise is None
            or await acting_role(uow, enterprise=enterprise, person_id=person.id, now=now) is None
        ):
            raise _gone()  # representation reclaimed, or the agent's authorization revoked or expired
        return SubjectClaims(
            kind="enterprise", sub=sub, acr=person.acr, auth_time=auth_time, org=enterprise.id
        )
    return SubjectClaims(kind="person", sub=sub, acr=person.acr, auth_time=auth_time)


async def token_still_stands(uow: IdentityUnitOfWork, claims: Mapping[str, Any]) -> bool:
    """A validly signed, unexpired access token still counts unless identity's deny list refuses it (token,
    session, family, subject or client revoked), its client is deactivated, or its staff account is."""
    if await refusal(uow, claims) is not None:
        return False
    client = await uow.clients.get(str(claims.get("client_id", "")))
    if client is None or not client.active:
        return False
    if claims.get("tb_kind") == "staff":
        staff = await uow.staff.get(str(claims["sub"]))
        return staff is not None and staff.active
    return True


async def person_of_subject(uow: IdentityUnitOfWork, claims: Mapping[str, Any]) -> Person | None:
    """The person behind a person or enterprise token's ``sub`` (pairwise ones through the mapping)."""
    client = await uow.clients.get(str(claims.get("client_id", "")))
    person_id: str | None = str(claims["sub"])
    if client is not None and client.sector:
        person_id = await uow.clients.pairwise_person(sector=client.sector, subject=str(claims["sub"]))
    return await uow.persons.get(person_id) if person_id else None


async def userinfo(uow: IdentityUnitOfWork, *, claims: Mapping[str, Any]) -> dict[str, Any]:
    """OIDC userinfo for a verified access token: ``profile`` adds names and roles, ``phone`` the masked phone.
    Identifiers are masked only; the full values are never sent here."""
    scopes = set(str(claims.get("scope", "")).split())
    if "openid" not in scopes:
        raise InsufficientScope("openid")
    if not await token_still_stands(uow, claims):
        raise InvalidToken("令牌已被撤销或已失效 (token revoked)")
    kind = str(claims.get("tb_kind", ""))
    info: dict[str, Any] = {"sub": claims["sub"], "tb_kind": kind, "acr": str(claims.get("acr", "0"))}
    if kind == "staff":
        staff = await uow.staff.get(str(claims["sub"]))
        if staff is not None and "profile" in scopes:
            organization = await uow.organizations.get(staff.organization_code)
            info |= {
                "name": staff.name,
                "roles": list(staff.roles),
                "org": staff.organization_code,
                "org_name": organization.name if organization else None,
                "region": staff.scope_division,
            }
        return info
    if kind not in ("person", "enterprise"):
        return info
    person = await person_of_subject(uow, claims)
    if person is None:
        raise InvalidToken("令牌对应的账号不存在 (unknown subject)")
    if "profile" in scopes:
        info |= {"name": person.name, "id_number_masked": person.id_number_masked}
        if kind == "enterprise" and claims.get("org"):
            enterprise = await uow.enterprises.get(str(claims["org"]))
            if enterprise is not None:
                info |= {
                    "org": enterprise.id,
                    "enterprise_name": enterprise.name,
                    "credit_code_masked": enterprise.credit_code_masked,
                }
    if "phone" in scopes:
        info["phone_masked"] = person.phone_masked
    return info
