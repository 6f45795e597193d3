"""The directory of e-certificate types (电子证照类型目录) the registry knows.

A type code (GB/T 36904) is the defining authority's unified credit code plus a 3-digit serial, e.g.
``11100000000013338W011`` 营业执照 defined by 市场监管总局. Matter catalogs often name types by a local short code
(``ZZ-YYZZ``); those are kept here as aliases, so a caller may name a type either way and the registry always
stores and answers the national code.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CERTIFICATE_TYPES", "CertificateType", "resolve_type_code", "type_name"]


@dataclass(frozen=True)
class CertificateType:
    code: str
    name: str
    aliases: tuple[str, ...] = ()


CERTIFICATE_TYPES: tuple[CertificateType, ...] = (
    CertificateType("11100000000013338W011", "营业执照", ("ZZ-YYZZ",)),
    CertificateType("11100000000013338W025", "食品经营许可证", ("ZZ-SPJYXKZ",)),
)

_BY_NAME = {key.upper(): t.code for t in CERTIFICATE_TYPES for key in (t.code, *t.aliases)}


def resolve_type_code(code_or_alias: str) -> str | None:
    """The national type code for a code or an alias; None when the directory does not know it."""
    return _BY_NAME.get(code_or_alias.strip().upper())


def type_name(type_code: str) -> str | None:
    """The directory's name of a national type code."""
    return next((t.name for t in CERTIFICATE_TYPES if t.code == type_code), None)
