from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.identity_staff_role import IdentityStaffRole
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="IdentityStaffPatch")



@_attrs_define
class IdentityStaffPatch:
    """ 
        Attributes:
            name (str | Unset): 姓名
            organization_code (str | Unset): 所属组织代码
            password (str | Unset): a new password; clears any lockout
            roles (list[IdentityStaffRole] | Unset): 角色
            scope_division (str | Unset): 管辖范围: a 12-digit division code
     """

    name: str | Unset = UNSET
    organization_code: str | Unset = UNSET
    password: str | Unset = UNSET
    roles: list[IdentityStaffRole] | Unset = UNSET
    scope_division: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        organization_code = self.organization_code

        password = self.password

        roles: list[str] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = []
            for roles_item_data in self.roles:
                roles_item = roles_item_data.value
                roles.append(roles_item)



        scope_division = self.scope_division


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if organization_code is not UNSET:
            field_dict["organization_code"] = organization_code
        if password is not UNSET:
            field_dict["password"] = password
        if roles is not UNSET:
            field_dict["roles"] = roles
        if scope_division is not UNSET:
            field_dict["scope_division"] = scope_division

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        organization_code = d.pop("organization_code", UNSET)

        password = d.pop("password", UNSET)

        _roles = d.pop("roles", UNSET)
        roles: list[IdentityStaffRole] | Unset = UNSET
        if _roles is not UNSET:
            roles = []
            for roles_item_data in _roles:
                roles_item = IdentityStaffRole(roles_item_data)



                roles.append(roles_item)


        scope_division = d.pop("scope_division", UNSET)

        identity_staff_patch = cls(
            name=name,
            organization_code=organization_code,
            password=password,
            roles=roles,
            scope_division=scope_division,
        )

        return identity_staff_patch

