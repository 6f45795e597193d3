"""Online self-service registration (网上注册): the phone proven by a one-time code, name and ID number checked
against the population register (实名核验) through the exchange, and one answer whether or not the number was
registered before — the holder of an existing account is told by SMS instead.

The check is the population-resource check of real-name level 2 (DOMAIN.md §6; level 3 stays in person), made by
identity's own system client under its organization's registered duty, so the account starts at level 2."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy.exc import IntegrityError

from identity.clients.registers import Registers, RegistersUnavailable
from identity.clients.sms import SmsGateway, SmsUnavailable
from identity.domain.phone_codes import CodePurpose
from identity.domain.subjects import RegistrationChannel, VerificationMethod
from identity.pii import PiiCipher, is_mobile
from identity.store.models import Person
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.errors import Invalid
from identity.use_cases.names import checked_name
from identity.use_cases.passwords import check_password, hash_password
from identity.use_cases.persons import announce_registration, apply_level, new_person, valid_identity
from identity.use_cases.phone_codes import CodePolicy, check_code
from meshkit.errors import ProblemError

__all__ = [
    "REGISTRATION_RECEIVED",
    "IdentityNotVerified",
    "RegistersDown",
    "SystemIdentity",
    "register_online",
]

log = logging.getLogger("identity.registration")

REGISTRATION_RECEIVED = (
    "注册申请已办理。信息无误且该身份证号此前未注册的，账号已开通，请用身份证号和密码登录；"
    "该身份证号此前已注册的，我们已向原账号登记的手机发送通知，请用原账号登录或凭身份证到政务服务大厅办理。"
)
PURPOSE = "统一身份认证 网上注册实名核验"


class IdentityNotVerified(ProblemError):
    status = 403
    code = "identity_not_verified"

    def __init__(self) -> None:
        super().__init__(
            "姓名与公民身份号码未通过人口信息核验。请核对后重新获取验证码再试；如确认无误，"
            "请携带居民身份证到户籍所在地派出所或政务服务大厅核实、办理注册。"
        )


class RegistersDown(ProblemError):
    status = 503
    code = "verification_unavailable"

    def __init__(self, what: str = "实名核验") -> None:
        super().__init__(
            f"{what}服务暂时不可用，本次未做任何登记，请稍后再试。", headers={"Retry-After": "30"}
        )


class SystemIdentity:
    """identity's own system client as the verifier it records (client id and its organization)."""

    def __init__(self, client_id: str) -> None:
        self.client_id = client_id

    async def organization(self, uow: IdentityUnitOfWork) -> str | None:
        client = await uow.clients.get(self.client_id)
        return client.organization_code if client is not None else None


def _required(field: str, message: str, code: str) -> Invalid:
    return Invalid(message, code=code, errors=[{"field": field, "message": message, "type": "missing"}])


async def register_online(
    uow: IdentityUnitOfWork,
    registers: Registers,
    sms: SmsGateway,
    *,
    cipher: PiiCipher,
    codes: CodePolicy,
    verifier: SystemIdentity,
    name: str,
    id_number: str,
    phone: str | None,
    phone_code: str | None,
    password: str | None,
    now: datetime,
) -> None:
    """Register a person online, or tell the holder of the number; the caller learns neither way which."""
    name = checked_name(name)
    number, normalized_phone = valid_identity(id_number, phone)
    if normalized_phone is None:
        raise _required("phone", "网上注册需要填写本人手机号码并验证", "phone_required")
    if password is None:
        raise _required("password", "网上注册需要设置密码", "password_required")
    check_password(password)
    if not phone_code:
        raise _required("phone_code", "请填写发送到该手机号码的短信验证码", "phone_code_required")
    code = await check_code(
        uow,
        policy=codes,
        purpose=CodePurpose.REGISTER,
        phone_lookup=cipher.lookup("phone", normalized_phone),
        code=phone_code,
        now=now,
    )
    try:
        matches = await registers.person_matches(id_number=number, name=name, purpose=PURPOSE)
    except RegistersUnavailable as exc:
        await uow.rollback()  # the code stays usable: nothing is written
        log.warning("population check unavailable", extra={"reason": str(exc)})
        raise RegistersDown() from None
    code.used_at = now
    if not matches:  # the code is spent: one proven phone, one try of a name and number
        await uow.commit()
        log.info("online registration refused: population check failed")
        raise IdentityNotVerified()
    password_hash = await hash_password(password)  # on both paths, so that they take the same time
    holder = await uow.persons.by_id_number(cipher.lookup("id_number", number))
    if holder is None:
        created = await _create(
            uow,
            cipher,
            verifier,
            name=name,
            number=number,
            phone=normalized_phone,
            password_hash=password_hash,
        )
        if created is not None:
            await _tell(
                sms, normalized_phone, "【通办】您已成功注册统一身份认证账号，可使用身份证号和密码登录。"
            )
            return
        holder = await uow.persons.by_id_number(cipher.lookup("id_number", number))
    else:
        await uow.commit()
    if holder is not None and holder.phone_enc is not None:
        await _tell(
            sms,
            cipher.open(holder.phone_enc),
            "【通办】有人使用您的身份证号申请注册统一身份认证账号，已被拒绝，您的账号未受影响。"
            "如非本人操作，请留意账号安全；如需帮助，请凭身份证到政务服务大厅办理。",
        )
    log.info("online registration for a registered id number: holder notified")


async def _create(
    uow: IdentityUnitOfWork,
    cipher: PiiCipher,
    verifier: SystemIdentity,
    *,
    name: str,
    number: str,
    phone: str,
    password_hash: str,
) -> Person | None:
    """The new person at level 2 (population-checked), or None when the number was registered meanwhile."""
    person = new_person(cipher, name=name, id_number=number, phone=phone, password_hash=password_hash)
    uow.persons.add(person)
    await announce_registration(uow, person, RegistrationChannel.ONLINE)
    await apply_level(
        uow,
        person,
        VerificationMethod.POPULATION_RESOURCE,
        by=verifier.client_id,
        by_org=await verifier.organization(uow),
    )
    try:
        await uow.commit()
    except IntegrityError:
        await uow.rollback()
        return None
    log.info("person registered", extra={"person_id": person.id, "channel": "online"})
    return person


async def _tell(sms: SmsGateway, phone: str, text: str) -> None:
    """Best effort: a notice that cannot be sent now changes nothing already decided (and is not retried); none
    to a landline."""
    if not is_mobile(phone):
        return
    try:
        await sms.send(phone=phone, text=text)
    except SmsUnavailable as exc:
        log.warning("registration notice not sent", extra={"reason": str(exc)})
