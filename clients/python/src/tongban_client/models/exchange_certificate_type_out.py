from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="ExchangeCertificateTypeOut")



@_attrs_define
class ExchangeCertificateTypeOut:
    """ 
        Attributes:
            aliases (list[str]): other names callers may use, e.g. a catalog's short codes
            code (str): GB/T 36904 type code: defining authority's credit code + 3 digits
            name (str):
     """

    aliases: list[str]
    code: str
    name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        aliases = self.aliases



        code = self.code

        name = self.name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "aliases": aliases,
            "code": code,
            "name": name,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        aliases = cast(list[str], d.pop("aliases"))


        code = d.pop("code")

        name = d.pop("name")

        exchange_certificate_type_out = cls(
            aliases=aliases,
            code=code,
            name=name,
        )


        exchange_certificate_type_out.additional_properties = d
        return exchange_certificate_type_out

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
