from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ExchangeMemberIn")



@_attrs_define
class ExchangeMemberIn:
    """ 
        Attributes:
            name (str):
            active (bool | Unset):  Default: True.
            credit_code (None | str | Unset):
     """

    name: str
    active: bool | Unset = True
    credit_code: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        active = self.active

        credit_code: None | str | Unset
        if isinstance(self.credit_code, Unset):
            credit_code = UNSET
        else:
            credit_code = self.credit_code


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
        })
        if active is not UNSET:
            field_dict["active"] = active
        if credit_code is not UNSET:
            field_dict["credit_code"] = credit_code

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        active = d.pop("active", UNSET)

        def _parse_credit_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        credit_code = _parse_credit_code(d.pop("credit_code", UNSET))


        exchange_member_in = cls(
            name=name,
            active=active,
            credit_code=credit_code,
        )


        exchange_member_in.additional_properties = d
        return exchange_member_in

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
