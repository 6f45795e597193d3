from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ExchangeMissingUseOut")



@_attrs_define
class ExchangeMissingUseOut:
    """ 
        Attributes:
            matter_code (str):
            matter_name (str):
            used_as (str): result (the certificate approval issues) | material (asked of the applicant)
     """

    matter_code: str
    matter_name: str
    used_as: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        matter_code = self.matter_code

        matter_name = self.matter_name

        used_as = self.used_as


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "matter_code": matter_code,
            "matter_name": matter_name,
            "used_as": used_as,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        matter_code = d.pop("matter_code")

        matter_name = d.pop("matter_name")

        used_as = d.pop("used_as")

        exchange_missing_use_out = cls(
            matter_code=matter_code,
            matter_name=matter_name,
            used_as=used_as,
        )


        exchange_missing_use_out.additional_properties = d
        return exchange_missing_use_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
