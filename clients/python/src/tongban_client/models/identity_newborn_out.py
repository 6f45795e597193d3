from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="IdentityNewbornOut")



@_attrs_define
class IdentityNewbornOut:
    """ 
        Attributes:
            birth_date (datetime.date):
            created_at (datetime.datetime):
            guardian_id (str):
            id (str): the child's subject identifier in the mesh (kind newborn) until it has an ID number
            name (str):
            sex (str):
     """

    birth_date: datetime.date
    created_at: datetime.datetime
    guardian_id: str
    id: str
    name: str
    sex: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        birth_date = self.birth_date.isoformat()

        created_at = self.created_at.isoformat()

        guardian_id = self.guardian_id

        id = self.id

        name = self.name

        sex = self.sex


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "birth_date": birth_date,
            "created_at": created_at,
            "guardian_id": guardian_id,
            "id": id,
            "name": name,
            "sex": sex,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        birth_date = datetime.date.fromisoformat(d.pop("birth_date"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        guardian_id = d.pop("guardian_id")

        id = d.pop("id")

        name = d.pop("name")

        sex = d.pop("sex")

        identity_newborn_out = cls(
            birth_date=birth_date,
            created_at=created_at,
            guardian_id=guardian_id,
            id=id,
            name=name,
            sex=sex,
        )


        identity_newborn_out.additional_properties = d
        return identity_newborn_out

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
