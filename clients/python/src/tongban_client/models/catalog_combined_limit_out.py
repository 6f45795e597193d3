from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="CatalogCombinedLimitOut")



@_attrs_define
class CatalogCombinedLimitOut:
    """ 
        Attributes:
            promised_days (int):
            promised_unit (str):
            statutory_days (int):
            statutory_unit (str):
     """

    promised_days: int
    promised_unit: str
    statutory_days: int
    statutory_unit: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        promised_days = self.promised_days

        promised_unit = self.promised_unit

        statutory_days = self.statutory_days

        statutory_unit = self.statutory_unit


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "promised_days": promised_days,
            "promised_unit": promised_unit,
            "statutory_days": statutory_days,
            "statutory_unit": statutory_unit,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        promised_days = d.pop("promised_days")

        promised_unit = d.pop("promised_unit")

        statutory_days = d.pop("statutory_days")

        statutory_unit = d.pop("statutory_unit")

        catalog_combined_limit_out = cls(
            promised_days=promised_days,
            promised_unit=promised_unit,
            statutory_days=statutory_days,
            statutory_unit=statutory_unit,
        )


        catalog_combined_limit_out.additional_properties = d
        return catalog_combined_limit_out

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
