from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.identity_grant_type import IdentityGrantType
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="IdentityClientPatch")



@_attrs_define
class IdentityClientPatch:
    """ Only the fields sent change. ``null`` is taken only where it means something (no organization, no
    sector); elsewhere it is refused (422), never read as "unchanged" or stored.

        Attributes:
            audiences (list[str] | Unset):
            grant_types (list[IdentityGrantType] | Unset):
            name (str | Unset):
            organization_code (None | str | Unset): null: none
            redirect_uris (list[str] | Unset):
            scopes (list[str] | Unset):
            sector (None | str | Unset): null: none
     """

    audiences: list[str] | Unset = UNSET
    grant_types: list[IdentityGrantType] | Unset = UNSET
    name: str | Unset = UNSET
    organization_code: None | str | Unset = UNSET
    redirect_uris: list[str] | Unset = UNSET
    scopes: list[str] | Unset = UNSET
    sector: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        audiences: list[str] | Unset = UNSET
        if not isinstance(self.audiences, Unset):
            audiences = self.audiences



        grant_types: list[str] | Unset = UNSET
        if not isinstance(self.grant_types, Unset):
            grant_types = []
            for grant_types_item_data in self.grant_types:
                grant_types_item = grant_types_item_data.value
                grant_types.append(grant_types_item)



        name = self.name

        organization_code: None | str | Unset
        if isinstance(self.organization_code, Unset):
            organization_code = UNSET
        else:
            organization_code = self.organization_code

        redirect_uris: list[str] | Unset = UNSET
        if not isinstance(self.redirect_uris, Unset):
            redirect_uris = self.redirect_uris



        scopes: list[str] | Unset = UNSET
        if not isinstance(self.scopes, Unset):
            scopes = self.scopes



        sector: None | str | Unset
        if isinstance(self.sector, Unset):
            sector = UNSET
        else:
            sector = self.sector


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if audiences is not UNSET:
            field_dict["audiences"] = audiences
        if grant_types is not UNSET:
            field_dict["grant_types"] = grant_types
        if name is not UNSET:
            field_dict["name"] = name
        if organization_code is not UNSET:
            field_dict["organization_code"] = organization_code
        if redirect_uris is not UNSET:
            field_dict["redirect_uris"] = redirect_uris
        if scopes is not UNSET:
            field_dict["scopes"] = scopes
        if sector is not UNSET:
            field_dict["sector"] = sector

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        audiences = cast(list[str], d.pop("audiences", UNSET))


        _grant_types = d.pop("grant_types", UNSET)
        grant_types: list[IdentityGrantType] | Unset = UNSET
        if _grant_types is not UNSET:
            grant_types = []
            for grant_types_item_data in _grant_types:
                grant_types_item = IdentityGrantType(grant_types_item_data)



                grant_types.append(grant_types_item)


        name = d.pop("name", UNSET)

        def _parse_organization_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        organization_code = _parse_organization_code(d.pop("organization_code", UNSET))


        redirect_uris = cast(list[str], d.pop("redirect_uris", UNSET))


        scopes = cast(list[str], d.pop("scopes", UNSET))


        def _parse_sector(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sector = _parse_sector(d.pop("sector", UNSET))


        identity_client_patch = cls(
            audiences=audiences,
            grant_types=grant_types,
            name=name,
            organization_code=organization_code,
            redirect_uris=redirect_uris,
            scopes=scopes,
            sector=sector,
        )

        return identity_client_patch

