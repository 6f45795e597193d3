from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="IdentityPhoneCodeIn")



@_attrs_define
class IdentityPhoneCodeIn:
    """ 
        Attributes:
            phone (str): 手机号码 to prove (中国大陆手机号)
     """

    phone: str





    def to_dict(self) -> dict[str, Any]:
        phone = self.phone


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "phone": phone,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        phone = d.pop("phone")

        identity_phone_code_in = cls(
            phone=phone,
        )

        return identity_phone_code_in

