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
    """ 
        Attributes:
            audiences (list[str] | None | Unset):
            grant_types (list[IdentityGrantType] | None | Unset):
            name (None | str | Unset):
            organization_code (None | str | Unset):
            redirect_uris (list[str] | None | Unset):
            scopes (list[str] | None | Unset):
            sector (None | str | Unset):
     """

    audiences: list[str] | None | Unset = UNSET
    grant_types: list[IdentityGrantType] | None | Unset = UNSET
    name: None | str | Unset = UNSET
    organization_code: None | str | Unset = UNSET
    redirect_uris: list[str] | None | Unset = UNSET
    scopes: list[str] | None | Unset = UNSET
    sector: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        audiences: list[str] | None | Unset
        if isinstance(self.audiences, Unset):
            audiences = UNSET
        elif isinstance(self.audiences, list):
            audiences = self.audiences


        else:
            audiences = self.audiences

        grant_types: list[str] | None | Unset
        if isinstance(self.grant_types, Unset):
            grant_types = UNSET
        elif isinstance(self.grant_types, list):
            grant_types = []
            for grant_types_type_0_item_data in self.grant_types:
                grant_types_type_0_item = grant_types_type_0_item_data.value
                grant_types.append(grant_types_type_0_item)


        else:
            grant_types = self.grant_types

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

        redirect_uris: list[str] | None | Unset
        if isinstance(self.redirect_uris, Unset):
            redirect_uris = UNSET
        elif isinstance(self.redirect_uris, list):
            redirect_uris = self.redirect_uris


        else:
            redirect_uris = self.redirect_uris

        scopes: list[str] | None | Unset
        if isinstance(self.scopes, Unset):
            scopes = UNSET
        elif isinstance(self.scopes, list):
            scopes = self.scopes


        else:
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
        def _parse_audiences(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                audiences_type_0 = cast(list[str], data)

                return audiences_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        audiences = _parse_audiences(d.pop("audiences", UNSET))


        def _parse_grant_types(data: object) -> list[IdentityGrantType] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                grant_types_type_0 = []
                _grant_types_type_0 = data
                for grant_types_type_0_item_data in (_grant_types_type_0):
                    grant_types_type_0_item = IdentityGrantType(grant_types_type_0_item_data)



                    grant_types_type_0.append(grant_types_type_0_item)

                return grant_types_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[IdentityGrantType] | None | Unset, data)

        grant_types = _parse_grant_types(d.pop("grant_types", UNSET))


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


        def _parse_redirect_uris(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                redirect_uris_type_0 = cast(list[str], data)

                return redirect_uris_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        redirect_uris = _parse_redirect_uris(d.pop("redirect_uris", UNSET))


        def _parse_scopes(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                scopes_type_0 = cast(list[str], data)

                return scopes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        scopes = _parse_scopes(d.pop("scopes", UNSET))


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

