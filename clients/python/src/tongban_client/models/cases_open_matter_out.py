from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="CasesOpenMatterOut")



@_attrs_define
class CasesOpenMatterOut:
    """ 
        Attributes:
            code (str):
            department_code (str):
            matter_id (str):
            matter_type (str):
            name (str):
            promised_days (int):
            statutory_days (int):
            updated_at (datetime.datetime):
            version (int):
     """

    code: str
    department_code: str
    matter_id: str
    matter_type: str
    name: str
    promised_days: int
    statutory_days: int
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        code = self.code

        department_code = self.department_code

        matter_id = self.matter_id

        matter_type = self.matter_type

        name = self.name

        promised_days = self.promised_days

        statutory_days = self.statutory_days

        updated_at = self.updated_at.isoformat()

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "department_code": department_code,
            "matter_id": matter_id,
            "matter_type": matter_type,
            "name": name,
            "promised_days": promised_days,
            "statutory_days": statutory_days,
            "updated_at": updated_at,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        department_code = d.pop("department_code")

        matter_id = d.pop("matter_id")

        matter_type = d.pop("matter_type")

        name = d.pop("name")

        promised_days = d.pop("promised_days")

        statutory_days = d.pop("statutory_days")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        version = d.pop("version")

        cases_open_matter_out = cls(
            code=code,
            department_code=department_code,
            matter_id=matter_id,
            matter_type=matter_type,
            name=name,
            promised_days=promised_days,
            statutory_days=statutory_days,
            updated_at=updated_at,
            version=version,
        )


        cases_open_matter_out.additional_properties = d
        return cases_open_matter_out

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
