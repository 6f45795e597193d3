"""Logging in with a one-time code sent to the account's registered phone (短信验证码登录).

The password lockout protects the password, not the account: whoever knows a citizen's ID number can fail her
password on purpose, so a person whose password is locked (or forgotten) still logs in with a code sent to the
phone proven at registration. Codes are limited per number and per source like every code; a request for an
unknown account or one without a phone is answered the same way (and still counted for its source)."""

from __future__ import annotations

import logging
from datetime import datetime

from identity.clients.sms import SmsGateway
from identity.domain.phone_codes import CodePurpose
from identity.pii import InvalidIdentifier, PiiCipher, is_mobile, valid_credit_code, valid_id_number
from identity.store.models import Person
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.login import AuthenticatedSubject
from identity.use_cases.phone_codes import (
    CodePolicy,
    CodeRefused,
    check_code,
    count_unaddressed_request,
    send_code,
)
from identity.use_cases.representation import acting_role
from meshkit.errors import ProblemError

__all__ = ["CODE_LOGIN_FAILED", "CODE_SENT", "CodeLoginFailed", "authenticate_by_code", "send_login_code"]

log = logging.getLogger("identity.login_code")

CODE_SENT = "如该证件号码已注册并登记了手机号码，验证码已发送到登记的手机，请在有效期内填写。"
CODE_LOGIN_FAILED = "证件号码或验证码不正确，或验证码已失效，请重新获取验证码。"


class CodeLoginFailed(ProblemError):
    status = 401
    code = "login_failed"

    def __init__(self) -> None:
        super().__init__(CODE_LOGIN_FAILED)


async def _person(uow: IdentityUnitOfWork, cipher: PiiCipher, login: str) -> Person | None:
    try:
        number = valid_id_number(login.strip())
    except InvalidIdentifier:
        return None
    person = await uow.persons.by_id_number(cipher.lookup("id_number", number))
    return person if person is not None and person.phone_enc is not None else None


async def send_login_code(
    uow: IdentityUnitOfWork,
    sms: SmsGateway,
    *,
    cipher: PiiCipher,
    policy: CodePolicy,
    login: str,
    source: str,
    now: datetime,
) -> None:
    """Send a login code to the registered phone of the person with this ID number, if there is one."""
    person = await _person(uow, cipher, login)
    phone = cipher.open(person.phone_enc) if person is not None and person.phone_enc is not None else None
    if phone is None or not is_mobile(phone):  # no phone, or a landline: answered and counted the same way
        await count_unaddressed_request(
            uow, cipher=cipher, policy=policy, login=login, source=source, now=now
        )
        return
    await send_code(
        uow, sms, cipher=cipher, policy=policy, purpose=CodePurpose.LOGIN, phone=phone, source=source, now=now
    )


async def authenticate_by_code(
    uow: IdentityUnitOfWork,
    *,
    cipher: PiiCipher,
    policy: CodePolicy,
    login: str,
    code: str,
    credit_code: str | None,
    now: datetime,
) -> AuthenticatedSubject:
    """The person whose registered phone received this code (the code is spent in the caller's commit);
    :class:`CodeLoginFailed` otherwise. The password lockout does not apply: the phone is the proof."""
    person = await _person(uow, cipher, login)
    if person is None or person.phone_lookup is None:
        raise CodeLoginFailed()
    try:
        row = await check_code(
            uow,
            policy=policy,
            purpose=CodePurpose.LOGIN,
            phone_lookup=person.phone_lookup,
            code=code,
            now=now,
        )
    except CodeRefused:
        raise CodeLoginFailed() from None
    row.used_at = now
    enterprise_id = None
    if credit_code:
        try:
            lookup = cipher.lookup("credit_code", valid_credit_code(credit_code))
        except InvalidIdentifier:
            raise CodeLoginFailed() from None
        enterprise = await uow.enterprises.by_credit_code(lookup)
        if (
            enterprise is None
            or await acting_role(uow, enterprise=enterprise, person_id=person.id, now=now) is None
        ):
            raise CodeLoginFailed()
        enterprise_id = enterprise.id
    log.info("login by one-time code", extra={"person_id": person.id})
    kind = "enterprise" if enterprise_id else "person"
    return AuthenticatedSubject(kind=kind, id=person.id, acr=person.acr, enterprise_id=enterprise_id)
