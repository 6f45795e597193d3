from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="IdentityUserinfoOut")



@_attrs_define
class IdentityUserinfoOut:
    """ 
        Attributes:
            acr (str):
            sub (str):
            tb_kind (str):
            id_number_masked (None | str | Unset):
            name (None | str | Unset):
            org (None | str | Unset):
            phone_masked (None | str | Unset):
            roles (list[str] | None | Unset):
     """

    acr: str
    sub: str
    tb_kind: str
    id_number_masked: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    org: None | str | Unset = UNSET
    phone_masked: None | str | Unset = UNSET
    roles: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        acr = self.acr

        sub = self.sub

        tb_kind = self.tb_kind

        id_number_masked: None | str | Unset
        if isinstance(self.id_number_masked, Unset):
            id_number_masked = UNSET
        else:
            id_number_masked = self.id_number_masked

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        org: None | str | Unset
        if isinstance(self.org, Unset):
            org = UNSET
        else:
            org = self.org

        phone_masked: None | str | Unset
        if isinstance(self.phone_masked, Unset):
            phone_masked = UNSET
        else:
            phone_masked = self.phone_masked

        roles: list[str] | None | Unset
        if isinstance(self.roles, Unset):
            roles = UNSET
        elif isinstance(self.roles, list):
            roles = self.roles


        else:
            roles = self.roles


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "acr": acr,
            "sub": sub,
            "tb_kind": tb_kind,
        })
        if id_number_masked is not UNSET:
            field_dict["id_number_masked"] = id_number_masked
        if name is not UNSET:
            field_dict["name"] = name
        if org is not UNSET:
            field_dict["org"] = org
        if phone_masked is not UNSET:
            field_dict["phone_masked"] = phone_masked
        if roles is not UNSET:
            field_dict["roles"] = roles

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        acr = d.pop("acr")

        sub = d.pop("sub")

        tb_kind = d.pop("tb_kind")

        def _parse_id_number_masked(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id_number_masked = _parse_id_number_masked(d.pop("id_number_masked", UNSET))


        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_org(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        org = _parse_org(d.pop("org", UNSET))


        def _parse_phone_masked(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone_masked = _parse_phone_masked(d.pop("phone_masked", UNSET))


        def _parse_roles(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                roles_type_0 = cast(list[str], data)

                return roles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        roles = _parse_roles(d.pop("roles", UNSET))


        identity_userinfo_out = cls(
            acr=acr,
            sub=sub,
            tb_kind=tb_kind,
            id_number_masked=id_number_masked,
            name=name,
            org=org,
            phone_masked=phone_masked,
            roles=roles,
        )


        identity_userinfo_out.additional_properties = d
        return identity_userinfo_out

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
