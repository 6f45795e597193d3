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





T = TypeVar("T", bound="IdentityClientMe")



@_attrs_define
class IdentityClientMe:
    """ 
        Attributes:
            audiences (list[str]):
            client_id (str):
            kind (Literal['system']):  Default: 'system'.
            name (str):
            organization (IdentityIdentityApiMeOrganizationRef | None):
            scopes (list[str]): scopes granted to this token
            sector (None | str):
     """

    audiences: list[str]
    client_id: str
    name: str
    organization: IdentityIdentityApiMeOrganizationRef | None
    scopes: list[str]
    sector: None | str
    kind: Literal['system'] = 'system'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.identity_identity_api_me_organization_ref import IdentityIdentityApiMeOrganizationRef # noqa: PLC0415
        audiences = self.audiences



        client_id = self.client_id

        kind = self.kind

        name = self.name

        organization: dict[str, Any] | None
        if isinstance(self.organization, IdentityIdentityApiMeOrganizationRef):
            organization = self.organization.to_dict()
        else:
            organization = self.organization

        scopes = self.scopes



        sector: None | str
        sector = self.sector


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "audiences": audiences,
            "client_id": client_id,
            "kind": kind,
            "name": name,
            "organization": organization,
            "scopes": scopes,
            "sector": sector,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.identity_identity_api_me_organization_ref import IdentityIdentityApiMeOrganizationRef # noqa: PLC0415
        d = dict(src_dict)
        audiences = cast(list[str], d.pop("audiences"))


        client_id = d.pop("client_id")

        kind = cast(Literal['system'] , d.pop("kind"))
        if kind != 'system':
            raise ValueError(f"kind must match const 'system', got '{kind}'")

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


        scopes = cast(list[str], d.pop("scopes"))


        def _parse_sector(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sector = _parse_sector(d.pop("sector"))


        identity_client_me = cls(
            audiences=audiences,
            client_id=client_id,
            kind=kind,
            name=name,
            organization=organization,
            scopes=scopes,
            sector=sector,
        )


        identity_client_me.additional_properties = d
        return identity_client_me

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
