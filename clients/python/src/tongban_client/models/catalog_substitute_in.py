from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="CatalogSubstituteIn")



@_attrs_define
class CatalogSubstituteIn:
    """ A stand-in (替代材料): in this bundle, a member's material is satisfied by a certificate another member
    issues or by another material of the bundle, and is not asked itself.

        Attributes:
            material (str): the member's material, by name (申请人身份证明) or e-certificate type (ZZ-JMSFZ)
            member_code (str): the member matter (成员事项) asking for it
            satisfied_by (str): what stands in for it: an e-certificate type another member issues (ZZ-JMHKB, 居民户口簿 of 出生登记)
                or another material of the bundle, by certificate type or name
            reason (str | Unset): why, as the clerk reads it (说明) Default: ''.
     """

    material: str
    member_code: str
    satisfied_by: str
    reason: str | Unset = ''





    def to_dict(self) -> dict[str, Any]:
        material = self.material

        member_code = self.member_code

        satisfied_by = self.satisfied_by

        reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "material": material,
            "member_code": member_code,
            "satisfied_by": satisfied_by,
        })
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        material = d.pop("material")

        member_code = d.pop("member_code")

        satisfied_by = d.pop("satisfied_by")

        reason = d.pop("reason", UNSET)

        catalog_substitute_in = cls(
            material=material,
            member_code=member_code,
            satisfied_by=satisfied_by,
            reason=reason,
        )

        return catalog_substitute_in

