"""The directory of e-certificate types (电子证照类型目录) the registry knows.

A type code (GB/T 36904) is the defining authority's unified credit code plus a 3-digit serial, e.g.
``11100000000013338W011`` 营业执照 defined by 市场监管总局. Matter catalogs often name types by a local short code
(``ZZ-YYZZ``); those are kept as aliases, so a caller may name a type either way and the registry always stores
and answers the national code. The directory is data: operators enter the types their departments issue
(``PUT /certificate-types/{code}``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from stdnum.cn import uscc

__all__ = ["CertificateType", "Directory", "alias_problem", "normal_key", "type_code_problem"]

_ALIAS = re.compile(r"^[A-Z0-9][A-Z0-9_.-]{0,39}$")


@dataclass(frozen=True)
class CertificateType:
    code: str
    name: str
    aliases: tuple[str, ...] = ()


def normal_key(code_or_alias: str) -> str:
    """Codes and aliases are matched without case and surrounding blanks."""
    return code_or_alias.strip().upper()


def type_code_problem(code: str) -> str | None:
    """Why ``code`` is not a national type code (credit code of the defining authority + 3 digits), or None."""
    if len(code) != 21:
        return "a type code has 21 characters: the defining authority's credit code and a 3-digit serial"
    if not code[18:].isdigit():
        return "the last 3 characters of a type code are digits (the serial)"
    if not uscc.is_valid(code[:18]):
        return "the first 18 characters are not a valid unified social credit code (GB 32100-2015)"
    return None


def alias_problem(alias: str) -> str | None:
    """Why ``alias`` (already normalized) cannot name a type, or None."""
    if not _ALIAS.match(alias):
        return "an alias is 1–40 letters, digits, '-', '_' or '.', starting with a letter or digit"
    if type_code_problem(alias) is None:
        return "an alias cannot itself be a national type code"
    return None


class Directory:
    """The types and every name a caller may use for them."""

    def __init__(self, types: Iterable[CertificateType]) -> None:
        self.types = tuple(sorted(types, key=lambda t: t.code))
        self._codes = {key: t.code for t in self.types for key in (t.code, *t.aliases)}
        self._names = {t.code: t.name for t in self.types}

    def resolve(self, code_or_alias: str) -> str | None:
        """The national type code for a code or an alias; None when the directory does not know it."""
        return self._codes.get(normal_key(code_or_alias))

    def accept(self, code_or_alias: str) -> str | None:
        """The national code a caller's value names: a known code or alias, or a well-formed national code the
        directory does not list (issuers may use the national directory's codes as they are); None otherwise."""
        key = normal_key(code_or_alias)
        return self._codes.get(key) or (key if type_code_problem(key) is None else None)

    def name(self, type_code: str) -> str | None:
        """The directory's name of a national type code."""
        return self._names.get(type_code)
