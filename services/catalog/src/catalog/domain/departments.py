"""The implementing department (实施主体) of a matter, read from its implementation code (实施编码) when a sheet
has no 实施主体编码 column. Pure.

An implementation code begins with its department: the district's scheme is ``<organization code>-<matter>
[-<action>]`` with identity's organization codes ``<6-digit region>-<ABBR>`` (500110-MZJ-GLJT → 500110-MZJ) and
``<12-digit division>-center`` (a town's or village's center); the national scheme begins with the department's
18-character unified social credit code (统一社会信用代码). A department the catalog already holds wins (the longest
one the code begins with, so 500110001000-center is not taken for 500110-…), then the shape of the code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from stdnum.cn import uscc

__all__ = ["CODE_SHAPES", "department_of_code"]

_ORGANIZATION = re.compile(r"^(?P<org>\d{6}(?:\d{6})?-[A-Za-z]+)-[0-9A-Za-z]")
CODE_SHAPES = (
    "500110-MZJ-GLJT 属于 500110-MZJ；以实施主体统一社会信用代码开头的国家编码属于持该代码的实施主体"
)


def department_of_code(code: str, known: Mapping[str, str | None]) -> str | None:
    """The department ``code`` belongs to, or None when its code does not say. ``known``: the departments the
    catalog holds, each with its credit code (if any)."""
    prefixes = [department for department in known if code.startswith(department + "-")]
    if prefixes:
        return max(prefixes, key=len)
    head = code[:18].upper()
    if len(code) > 18 and uscc.is_valid(head):
        holders = sorted(department for department, credit in known.items() if credit == head)
        return holders[0] if len(holders) == 1 else None
    match = _ORGANIZATION.match(code)
    return match["org"] if match is not None else None
