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
            name (None | str | Unset):
            organization_code (None | str | Unset):
            password (None | str | Unset): a new password; clears any lockout
            roles (list[IdentityStaffRole] | None | Unset):
            scope_division (None | str | Unset):
     """

    name: None | str | Unset = UNSET
    organization_code: None | str | Unset = UNSET
    password: None | str | Unset = UNSET
    roles: list[IdentityStaffRole] | None | Unset = UNSET
    scope_division: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        organization_code: None | str | Unset
        if isinstance(self.organization_code, Unset):
            organization_code = UNSET
        else:
            organization_code = self.organization_code

        password: None | str | Unset
        if isinstance(self.password, Unset):
            password = UNSET
        else:
            password = self.password

        roles: list[str] | None | Unset
        if isinstance(self.roles, Unset):
            roles = UNSET
        elif isinstance(self.roles, list):
            roles = []
            for roles_type_0_item_data in self.roles:
                roles_type_0_item = roles_type_0_item_data.value
                roles.append(roles_type_0_item)


        else:
            roles = self.roles

        scope_division: None | str | Unset
        if isinstance(self.scope_division, Unset):
            scope_division = UNSET
        else:
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
        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_organization_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        organization_code = _parse_organization_code(d.pop("organization_code", UNSET))


        def _parse_password(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        password = _parse_password(d.pop("password", UNSET))


        def _parse_roles(data: object) -> list[IdentityStaffRole] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                roles_type_0 = []
                _roles_type_0 = data
                for roles_type_0_item_data in (_roles_type_0):
                    roles_type_0_item = IdentityStaffRole(roles_type_0_item_data)



                    roles_type_0.append(roles_type_0_item)

                return roles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[IdentityStaffRole] | None | Unset, data)

        roles = _parse_roles(d.pop("roles", UNSET))


        def _parse_scope_division(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        scope_division = _parse_scope_division(d.pop("scope_division", UNSET))


        identity_staff_patch = cls(
            name=name,
            organization_code=organization_code,
            password=password,
            roles=roles,
            scope_division=scope_division,
        )

        return identity_staff_patch

