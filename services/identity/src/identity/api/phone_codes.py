"""One-time codes by SMS (短信验证码) for online registration."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Response, status
from pydantic import BaseModel, ConfigDict, Field

from identity.api.dependencies import CipherDep, CodePolicyDep, SmsDep, SourceDep, UowDep
from identity.domain.phone_codes import CodePurpose
from identity.pii import InvalidIdentifier, valid_phone
from identity.use_cases.errors import invalid_identifier
from identity.use_cases.phone_codes import send_code
from meshkit.errors import problem_responses
from meshkit.headers import NoStore

__all__ = ["router"]

router = APIRouter(prefix="/persons", tags=["自然人 (persons)"], dependencies=[NoStore])


class PhoneCodeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    phone: Annotated[str, Field(max_length=20, description="手机号码 to prove (中国大陆手机号)")]


class PhoneCodeOut(BaseModel):
    detail: str
    expires_in: int = Field(description="seconds the code stays valid")


@router.post(
    "/phone-codes",
    response_model=PhoneCodeOut,
    status_code=status.HTTP_202_ACCEPTED,
    responses=problem_responses(422, 429, 503),
)
async def send_registration_code(
    uow: UowDep,
    cipher: CipherDep,
    sms: SmsDep,
    policy: CodePolicyDep,
    source: SourceDep,
    body: PhoneCodeIn,
    response: Response,
) -> PhoneCodeOut:
    """Send a one-time code (发送短信验证码) to the phone being registered. Codes expire, work once and die
    after a few wrong tries; one number gets at most one a minute and a few an hour, one source address some an
    hour (429 `too_many_codes` with `Retry-After`)."""
    try:
        phone = valid_phone(body.phone)
    except InvalidIdentifier as exc:
        raise invalid_identifier(exc) from None
    await send_code(
        uow,
        sms,
        cipher=cipher,
        policy=policy,
        purpose=CodePurpose.REGISTER,
        phone=phone,
        source=source,
        now=datetime.now(UTC),
    )
    response.headers["Cache-Control"] = "no-store"
    minutes = int(policy.ttl.total_seconds()) // 60
    return PhoneCodeOut(
        detail=f"验证码已发送到该手机号码，{minutes} 分钟内有效。", expires_in=int(policy.ttl.total_seconds())
    )
