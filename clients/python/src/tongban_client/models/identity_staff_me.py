from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.identity_identity_api_me_organization_ref import IdentityIdentityApiMeOrganizationRef





T = TypeVar("T", bound="IdentityStaffMe")



@_attrs_define
class IdentityStaffMe:
    """ 
        Attributes:
            id (str):
            kind (Literal['staff']):  Default: 'staff'.
            name (str):
            organization (IdentityIdentityApiMeOrganizationRef | None):
            roles (list[str]):
            scope_division (str): territorial scope (管辖范围), a 12-digit division code
            username (str):
     """

    id: str
    name: str
    organization: IdentityIdentityApiMeOrganizationRef | None
    roles: list[str]
    scope_division: str
    username: str
    kind: Literal['staff'] = 'staff'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.identity_identity_api_me_organization_ref import IdentityIdentityApiMeOrganizationRef # noqa: PLC0415
        id = self.id

        kind = self.kind

        name = self.name

        organization: dict[str, Any] | None
        if isinstance(self.organization, IdentityIdentityApiMeOrganizationRef):
            organization = self.organization.to_dict()
        else:
            organization = self.organization

        roles = self.roles



        scope_division = self.scope_division

        username = self.username


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "kind": kind,
            "name": name,
            "organization": organization,
            "roles": roles,
            "scope_division": scope_division,
            "username": username,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.identity_identity_api_me_organization_ref import IdentityIdentityApiMeOrganizationRef # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        kind = cast(Literal['staff'] , d.pop("kind"))
        if kind != 'staff':
            raise ValueError(f"kind must match const 'staff', got '{kind}'")

        name = d.pop("name")

        def _parse_organization(data: object) -> IdentityIdentityApiMeOrganizationRef | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                organization_type_0 = IdentityIdentityApiMeOrganizationRef.from_dict(data)



                return organization_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IdentityIdentityApiMeOrganizationRef | None, data)

        organization = _parse_organization(d.pop("organization"))


        roles = cast(list[str], d.pop("roles"))


        scope_division = d.pop("scope_division")

        username = d.pop("username")

        identity_staff_me = cls(
            id=id,
            kind=kind,
            name=name,
            organization=organization,
            roles=roles,
            scope_division=scope_division,
            username=username,
        )


        identity_staff_me.additional_properties = d
        return identity_staff_me

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
