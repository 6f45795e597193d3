from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="IdentityStaffOut")



@_attrs_define
class IdentityStaffOut:
    """ 
        Attributes:
            active (bool):
            created_at (datetime.datetime):
            id (str):
            name (str):
            organization_code (str):
            roles (list[str]):
            scope_division (str):
            username (str):
            version (int):
     """

    active: bool
    created_at: datetime.datetime
    id: str
    name: str
    organization_code: str
    roles: list[str]
    scope_division: str
    username: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        active = self.active

        created_at = self.created_at.isoformat()

        id = self.id

        name = self.name

        organization_code = self.organization_code

        roles = self.roles



        scope_division = self.scope_division

        username = self.username

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active": active,
            "created_at": created_at,
            "id": id,
            "name": name,
            "organization_code": organization_code,
            "roles": roles,
            "scope_division": scope_division,
            "username": username,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        name = d.pop("name")

        organization_code = d.pop("organization_code")

        roles = cast(list[str], d.pop("roles"))


        scope_division = d.pop("scope_division")

        username = d.pop("username")

        version = d.pop("version")

        identity_staff_out = cls(
            active=active,
            created_at=created_at,
            id=id,
            name=name,
            organization_code=organization_code,
            roles=roles,
            scope_division=scope_division,
            username=username,
            version=version,
        )


        identity_staff_out.additional_properties = d
        return identity_staff_out

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
