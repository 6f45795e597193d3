from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="IdentityClientWithSecret")



@_attrs_define
class IdentityClientWithSecret:
    """ 
        Attributes:
            active (bool):
            audiences (list[str]):
            client_id (str):
            client_secret (None | str): shown once; store it now (only its hash is kept)
            confidential (bool):
            created_at (datetime.datetime):
            grant_types (list[str]):
            name (str):
            organization_code (None | str):
            redirect_uris (list[str]):
            scopes (list[str]):
            sector (None | str):
     """

    active: bool
    audiences: list[str]
    client_id: str
    client_secret: None | str
    confidential: bool
    created_at: datetime.datetime
    grant_types: list[str]
    name: str
    organization_code: None | str
    redirect_uris: list[str]
    scopes: list[str]
    sector: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        active = self.active

        audiences = self.audiences



        client_id = self.client_id

        client_secret: None | str
        client_secret = self.client_secret

        confidential = self.confidential

        created_at = self.created_at.isoformat()

        grant_types = self.grant_types



        name = self.name

        organization_code: None | str
        organization_code = self.organization_code

        redirect_uris = self.redirect_uris



        scopes = self.scopes



        sector: None | str
        sector = self.sector


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active": active,
            "audiences": audiences,
            "client_id": client_id,
            "client_secret": client_secret,
            "confidential": confidential,
            "created_at": created_at,
            "grant_types": grant_types,
            "name": name,
            "organization_code": organization_code,
            "redirect_uris": redirect_uris,
            "scopes": scopes,
            "sector": sector,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        audiences = cast(list[str], d.pop("audiences"))


        client_id = d.pop("client_id")

        def _parse_client_secret(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        client_secret = _parse_client_secret(d.pop("client_secret"))


        confidential = d.pop("confidential")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        grant_types = cast(list[str], d.pop("grant_types"))


        name = d.pop("name")

        def _parse_organization_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        organization_code = _parse_organization_code(d.pop("organization_code"))


        redirect_uris = cast(list[str], d.pop("redirect_uris"))


        scopes = cast(list[str], d.pop("scopes"))


        def _parse_sector(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sector = _parse_sector(d.pop("sector"))


        identity_client_with_secret = cls(
            active=active,
            audiences=audiences,
            client_id=client_id,
            client_secret=client_secret,
            confidential=confidential,
            created_at=created_at,
            grant_types=grant_types,
            name=name,
            organization_code=organization_code,
            redirect_uris=redirect_uris,
            scopes=scopes,
            sector=sector,
        )


        identity_client_with_secret.additional_properties = d
        return identity_client_with_secret

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
