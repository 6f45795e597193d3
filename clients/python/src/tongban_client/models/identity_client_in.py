from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.identity_grant_type import IdentityGrantType
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="IdentityClientIn")



@_attrs_define
class IdentityClientIn:
    """ 
        Attributes:
            client_id (str):
            name (str): 系统名称
            audiences (list[str] | Unset):
            confidential (bool | Unset): false for public apps that use PKCE without a secret Default: True.
            grant_types (list[IdentityGrantType] | Unset):
            organization_code (None | str | Unset): 所属组织代码
            redirect_uris (list[str] | Unset):
            scopes (list[str] | Unset):
            sector (None | str | Unset): pairwise subject ids per sector
     """

    client_id: str
    name: str
    audiences: list[str] | Unset = UNSET
    confidential: bool | Unset = True
    grant_types: list[IdentityGrantType] | Unset = UNSET
    organization_code: None | str | Unset = UNSET
    redirect_uris: list[str] | Unset = UNSET
    scopes: list[str] | Unset = UNSET
    sector: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        client_id = self.client_id

        name = self.name

        audiences: list[str] | Unset = UNSET
        if not isinstance(self.audiences, Unset):
            audiences = self.audiences



        confidential = self.confidential

        grant_types: list[str] | Unset = UNSET
        if not isinstance(self.grant_types, Unset):
            grant_types = []
            for grant_types_item_data in self.grant_types:
                grant_types_item = grant_types_item_data.value
                grant_types.append(grant_types_item)



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
            "client_id": client_id,
            "name": name,
        })
        if audiences is not UNSET:
            field_dict["audiences"] = audiences
        if confidential is not UNSET:
            field_dict["confidential"] = confidential
        if grant_types is not UNSET:
            field_dict["grant_types"] = grant_types
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
        client_id = d.pop("client_id")

        name = d.pop("name")

        audiences = cast(list[str], d.pop("audiences", UNSET))


        confidential = d.pop("confidential", UNSET)

        _grant_types = d.pop("grant_types", UNSET)
        grant_types: list[IdentityGrantType] | Unset = UNSET
        if _grant_types is not UNSET:
            grant_types = []
            for grant_types_item_data in _grant_types:
                grant_types_item = IdentityGrantType(grant_types_item_data)



                grant_types.append(grant_types_item)


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


        identity_client_in = cls(
            client_id=client_id,
            name=name,
            audiences=audiences,
            confidential=confidential,
            grant_types=grant_types,
            organization_code=organization_code,
            redirect_uris=redirect_uris,
            scopes=scopes,
            sector=sector,
        )

        return identity_client_in

