from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="IdentityPersonOut")



@_attrs_define
class IdentityPersonOut:
    """ 
        Attributes:
            acr (int): real-name level: 1 self-declared, 2 population resource, 3 in person
            created_at (datetime.datetime):
            id (str):
            id_number_masked (str):
            name (str):
            phone_masked (None | str):
            id_number (None | str | Unset): only for the person themself with ?reveal=true
            phone (None | str | Unset):
            revealed (bool | Unset): whether id_number and phone carry the full values Default: False.
     """

    acr: int
    created_at: datetime.datetime
    id: str
    id_number_masked: str
    name: str
    phone_masked: None | str
    id_number: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    revealed: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        acr = self.acr

        created_at = self.created_at.isoformat()

        id = self.id

        id_number_masked = self.id_number_masked

        name = self.name

        phone_masked: None | str
        phone_masked = self.phone_masked

        id_number: None | str | Unset
        if isinstance(self.id_number, Unset):
            id_number = UNSET
        else:
            id_number = self.id_number

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        revealed = self.revealed


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "acr": acr,
            "created_at": created_at,
            "id": id,
            "id_number_masked": id_number_masked,
            "name": name,
            "phone_masked": phone_masked,
        })
        if id_number is not UNSET:
            field_dict["id_number"] = id_number
        if phone is not UNSET:
            field_dict["phone"] = phone
        if revealed is not UNSET:
            field_dict["revealed"] = revealed

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        acr = d.pop("acr")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        id_number_masked = d.pop("id_number_masked")

        name = d.pop("name")

        def _parse_phone_masked(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone_masked = _parse_phone_masked(d.pop("phone_masked"))


        def _parse_id_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id_number = _parse_id_number(d.pop("id_number", UNSET))


        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))


        revealed = d.pop("revealed", UNSET)

        identity_person_out = cls(
            acr=acr,
            created_at=created_at,
            id=id,
            id_number_masked=id_number_masked,
            name=name,
            phone_masked=phone_masked,
            id_number=id_number,
            phone=phone,
            revealed=revealed,
        )


        identity_person_out.additional_properties = d
        return identity_person_out

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
