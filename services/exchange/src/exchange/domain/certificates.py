"""E-certificates (电子证照): the GB/T 36904 identifier and the status life cycle.

Identifier: ``1.2.156.3005.2.<type code>.<issuer USCC>.<serial>.<version>.<check>``, where the type code is the
defining authority's USCC plus a 3-digit serial, and the check character is ISO/IEC 7064 MOD 37,36 over the type
code, issuer, serial and version written without dots.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from stdnum.cn import uscc
from stdnum.exceptions import ValidationError
from stdnum.iso7064 import mod_37_36

__all__ = [
    "OID_PREFIX",
    "TRANSITIONS",
    "CertificateId",
    "CertificateStatus",
    "InvalidCertificateId",
    "StatusProblem",
    "build_certificate_id",
    "check_transition",
    "parse_certificate_id",
]

OID_PREFIX = "1.2.156.3005.2"
_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class CertificateStatus(StrEnum):
    VALID = "有效"
    SUSPENDED = "暂扣"
    RESCINDED = "撤销"
    CANCELLED = "注销"
    EXPIRED = "失效"
    REVOKED = "吊销"


_ENDS = {
    CertificateStatus.RESCINDED,
    CertificateStatus.CANCELLED,
    CertificateStatus.EXPIRED,
    CertificateStatus.REVOKED,
}
TRANSITIONS: dict[CertificateStatus, frozenset[CertificateStatus]] = {
    CertificateStatus.VALID: frozenset({CertificateStatus.SUSPENDED, *_ENDS}),
    CertificateStatus.SUSPENDED: frozenset({CertificateStatus.VALID, *_ENDS}),
    **{end: frozenset() for end in _ENDS},
}


class InvalidCertificateId(ValueError):
    def __init__(self, check: str, message: str) -> None:
        super().__init__(message)
        self.check = check


class StatusProblem(ValueError):
    pass


@dataclass(frozen=True)
class CertificateId:
    value: str
    type_code: str
    issuer_code: str
    serial: str
    version: str
    check: str


def parse_certificate_id(value: str) -> CertificateId:
    """Parse and validate a GB/T 36904 identifier, naming the check that failed."""
    text = value.strip().upper()
    if not text.startswith(OID_PREFIX + "."):
        raise InvalidCertificateId("prefix", f"证照标识须以 {OID_PREFIX}. 开头 (prefix check failed)")
    parts = text[len(OID_PREFIX) + 1 :].split(".")
    if len(parts) != 5 or not all(parts):
        raise InvalidCertificateId(
            "format", "证照标识须由 类型代码.颁发机构代码.流水号.版本号.校验位 组成 (format)"
        )
    type_code, issuer, serial, version, check = parts
    if len(type_code) != 21 or not type_code[18:].isdigit():
        raise InvalidCertificateId(
            "type_code", "证照类型代码须为 18 位统一社会信用代码加 3 位数字 (type code)"
        )
    for label, code in (("证照类型代码的定义机构", type_code[:18]), ("颁发机构", issuer)):
        try:
            uscc.validate(code)
        except ValidationError as exc:
            raise InvalidCertificateId("credit_code", f"{label}统一社会信用代码无效 (credit code)") from exc
    if not serial.isalnum() or len(serial) > 40:
        raise InvalidCertificateId("serial", "流水号只能由字母和数字组成 (serial)")
    if len(version) != 3 or not version.isdigit():
        raise InvalidCertificateId("version", "版本号须为 3 位数字 (version)")
    body = type_code + issuer + serial + version
    if len(check) != 1 or check not in _ALPHABET or mod_37_36.calc_check_digit(body) != check:
        raise InvalidCertificateId("checksum", "证照标识校验位不正确 (ISO/IEC 7064 MOD 37,36 check failed)")
    return CertificateId(text, type_code, issuer, serial, version, check)


def build_certificate_id(
    type_code: str, issuer_code: str, serial: str, version: str = "001"
) -> CertificateId:
    """The identifier the registry assigns: the parts joined with the MOD 37,36 check character, then validated
    like any identifier given on input (so a bad type code or issuer credit code is named the same way)."""
    check = mod_37_36.calc_check_digit(type_code + issuer_code + serial + version)
    return parse_certificate_id(".".join((OID_PREFIX, type_code, issuer_code, serial, version, check)))


def check_transition(current: CertificateStatus, target: CertificateStatus) -> None:
    if target not in TRANSITIONS[current]:
        raise StatusProblem(
            f"证照状态不能从「{current.value}」变为「{target.value}」 (transition not allowed)"
        )
