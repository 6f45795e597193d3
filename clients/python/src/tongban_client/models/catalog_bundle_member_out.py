from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="CatalogBundleMemberOut")



@_attrs_define
class CatalogBundleMemberOut:
    """ 
        Attributes:
            code (str):
            department_code (str):
            department_name (str):
            name (str):
            promised_days (int):
            promised_unit (str):
            version (int):
     """

    code: str
    department_code: str
    department_name: str
    name: str
    promised_days: int
    promised_unit: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        code = self.code

        department_code = self.department_code

        department_name = self.department_name

        name = self.name

        promised_days = self.promised_days

        promised_unit = self.promised_unit

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "department_code": department_code,
            "department_name": department_name,
            "name": name,
            "promised_days": promised_days,
            "promised_unit": promised_unit,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        department_code = d.pop("department_code")

        department_name = d.pop("department_name")

        name = d.pop("name")

        promised_days = d.pop("promised_days")

        promised_unit = d.pop("promised_unit")

        version = d.pop("version")

        catalog_bundle_member_out = cls(
            code=code,
            department_code=department_code,
            department_name=department_name,
            name=name,
            promised_days=promised_days,
            promised_unit=promised_unit,
            version=version,
        )


        catalog_bundle_member_out.additional_properties = d
        return catalog_bundle_member_out

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
