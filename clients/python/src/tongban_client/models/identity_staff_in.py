from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.identity_staff_role import IdentityStaffRole
from typing import cast






T = TypeVar("T", bound="IdentityStaffIn")



@_attrs_define
class IdentityStaffIn:
    """ 
        Attributes:
            name (str): 姓名
            organization_code (str): 所属组织代码
            password (str): 8+ characters, letters and digits
            roles (list[IdentityStaffRole]): 角色
            scope_division (str): 管辖范围: a 12-digit division code
            username (str): 登录用户名
     """

    name: str
    organization_code: str
    password: str
    roles: list[IdentityStaffRole]
    scope_division: str
    username: str





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        organization_code = self.organization_code

        password = self.password

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.value
            roles.append(roles_item)



        scope_division = self.scope_division

        username = self.username


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "organization_code": organization_code,
            "password": password,
            "roles": roles,
            "scope_division": scope_division,
            "username": username,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        organization_code = d.pop("organization_code")

        password = d.pop("password")

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in (_roles):
            roles_item = IdentityStaffRole(roles_item_data)



            roles.append(roles_item)


        scope_division = d.pop("scope_division")

        username = d.pop("username")

        identity_staff_in = cls(
            name=name,
            organization_code=organization_code,
            password=password,
            roles=roles,
            scope_division=scope_division,
            username=username,
        )

        return identity_staff_in

