from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="ExchangeRequestIn")



@_attrs_define
class ExchangeRequestIn:
    """ 
        Attributes:
            items (list[str]): data item keys asked for
            legal_basis (str): 法律依据
            purpose (str): 用途
            resource_code (str):
            valid_from (datetime.date):
            valid_to (datetime.date):
     """

    items: list[str]
    legal_basis: str
    purpose: str
    resource_code: str
    valid_from: datetime.date
    valid_to: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        items = self.items



        legal_basis = self.legal_basis

        purpose = self.purpose

        resource_code = self.resource_code

        valid_from = self.valid_from.isoformat()

        valid_to = self.valid_to.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "items": items,
            "legal_basis": legal_basis,
            "purpose": purpose,
            "resource_code": resource_code,
            "valid_from": valid_from,
            "valid_to": valid_to,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        items = cast(list[str], d.pop("items"))


        legal_basis = d.pop("legal_basis")

        purpose = d.pop("purpose")

        resource_code = d.pop("resource_code")

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))




        valid_to = datetime.date.fromisoformat(d.pop("valid_to"))




        exchange_request_in = cls(
            items=items,
            legal_basis=legal_basis,
            purpose=purpose,
            resource_code=resource_code,
            valid_from=valid_from,
            valid_to=valid_to,
        )


        exchange_request_in.additional_properties = d
        return exchange_request_in

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
