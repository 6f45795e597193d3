from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="ExchangeMemberOut")



@_attrs_define
class ExchangeMemberOut:
    """ 
        Attributes:
            active (bool):
            code (str):
            credit_code (None | str):
            name (str):
     """

    active: bool
    code: str
    credit_code: None | str
    name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        active = self.active

        code = self.code

        credit_code: None | str
        credit_code = self.credit_code

        name = self.name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active": active,
            "code": code,
            "credit_code": credit_code,
            "name": name,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        code = d.pop("code")

        def _parse_credit_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        credit_code = _parse_credit_code(d.pop("credit_code"))


        name = d.pop("name")

        exchange_member_out = cls(
            active=active,
            code=code,
            credit_code=credit_code,
            name=name,
        )


        exchange_member_out.additional_properties = d
        return exchange_member_out

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
