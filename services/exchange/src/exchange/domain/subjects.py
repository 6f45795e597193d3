"""Data subjects (数据主体): persons keyed by the resident identity number, enterprises by the unified social
credit code, newborns (no ID number yet) by the subject identifier identity issued them. Numbers are validated
with python-stdnum, a newborn's identifier as a UUID; the hub keeps only keyed hashes of them."""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum

from stdnum import numdb
from stdnum.cn import ric, uscc
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength, ValidationError

from meshkit.legaldate import today as legal_today

__all__ = ["EARLIEST_BIRTH", "InvalidSubject", "SubjectKind", "normalized_identifier"]

EARLIEST_BIRTH = date(1900, 1, 1)
"""No resident identity number carries an earlier birth date (the numbers date from 1984/1999)."""


class SubjectKind(StrEnum):
    PERSON = "person"  # 自然人: 公民身份号码 (GB 11643-1999)
    ENTERPRISE = "enterprise"  # 法人: 统一社会信用代码 (GB 32100-2015)
    NEWBORN = "newborn"  # 新生儿: identity's subject identifier (a UUID) until 出生登记 gives it an ID number


class InvalidSubject(ValueError):
    """Names the check that failed; never echoes the value."""

    def __init__(self, kind: SubjectKind, check: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.check = check


_CHECKS: list[tuple[type[ValidationError], str, str]] = [
    (InvalidLength, "length", "长度不正确"),
    (InvalidFormat, "format", "格式不正确"),
    (InvalidChecksum, "checksum", "校验码不正确"),
    (InvalidComponent, "component", "组成部分无效"),
]


class _ResidentId:
    """python-stdnum's resident ID number check without one part of it: stdnum also requires the area code to
    have existed in the birth year, but the code says where the number was issued — 綦江's 500222 (1997–2011) and
    500110 are carried by residents born long before 1997, who were refused everywhere. The area must still be
    one the administrative division table knows."""

    @staticmethod
    def validate(value: str) -> str:
        try:
            return str(ric.validate(value))
        except InvalidComponent:
            number = ric.compact(value)
            ric.get_birth_date(number)  # raises InvalidComponent for a date that is not one
            if not any("county" in props for _, props in numdb.get("cn/loc").info(number[:6])):
                raise
            return number


def normalized_identifier(kind: SubjectKind, value: str, *, today: date | None = None) -> str:
    """The identifier in its normal form; the region part is not required to be 500110 (DOMAIN.md §2). A
    resident ID number's birth date lies between 1900-01-01 and ``today`` (Beijing date by default): stdnum
    checks only that it is a calendar date. A newborn's identifier is a UUID in its canonical lower-case form."""
    if kind == SubjectKind.NEWBORN:
        return _newborn_identifier(value)
    label, validator = (
        ("公民身份号码", _ResidentId) if kind == SubjectKind.PERSON else ("统一社会信用代码", uscc)
    )
    try:
        number = str(validator.validate(value.strip().upper()))
    except ValidationError as exc:
        for error, check, text in _CHECKS:
            if isinstance(exc, error):
                raise InvalidSubject(kind, check, f"{label}{text} ({check} check failed)") from exc
        raise InvalidSubject(kind, "format", f"{label}无效") from exc
    if kind == SubjectKind.PERSON:
        born = ric.get_birth_date(number)
        if born > (today or legal_today()):
            raise InvalidSubject(kind, "component", f"{label}的出生日期晚于今天 (component check failed)")
        if born < EARLIEST_BIRTH:
            raise InvalidSubject(kind, "component", f"{label}的出生日期早于 1900 年 (component check failed)")
    return number


def _newborn_identifier(value: str) -> str:
    text = value.strip()
    try:
        parsed = uuid.UUID(text)
    except ValueError:
        raise InvalidSubject(
            SubjectKind.NEWBORN,
            "format",
            "新生儿主体标识格式不正确，应为身份认证平台签发的标识 (format check failed)",
        ) from None
    if len(text) != 36:  # only the hyphenated form: one identifier, one spelling, one subject ref
        raise InvalidSubject(SubjectKind.NEWBORN, "format", "新生儿主体标识格式不正确 (format check failed)")
    return str(parsed)
