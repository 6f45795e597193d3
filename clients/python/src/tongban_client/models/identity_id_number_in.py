from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="IdentityIdNumberIn")



@_attrs_define
class IdentityIdNumberIn:
    """ The ID number travels in the body, never in the URL, so it stays out of access logs.

        Attributes:
            id_number (str): 公民身份号码 (resident ID, GB 11643-1999)
     """

    id_number: str





    def to_dict(self) -> dict[str, Any]:
        id_number = self.id_number


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id_number": id_number,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id_number = d.pop("id_number")

        identity_id_number_in = cls(
            id_number=id_number,
        )

        return identity_id_number_in

