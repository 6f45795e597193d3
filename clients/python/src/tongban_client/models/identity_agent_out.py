from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="IdentityAgentOut")



@_attrs_define
class IdentityAgentOut:
    """ 
        Attributes:
            active (bool): neither revoked nor expired
            enterprise_id (str):
            expires_at (datetime.datetime):
            granted_at (datetime.datetime):
            id (str):
            id_number_masked (str):
            name (str):
            person_id (str):
            revoked_at (datetime.datetime | None):
     """

    active: bool
    enterprise_id: str
    expires_at: datetime.datetime
    granted_at: datetime.datetime
    id: str
    id_number_masked: str
    name: str
    person_id: str
    revoked_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        active = self.active

        enterprise_id = self.enterprise_id

        expires_at = self.expires_at.isoformat()

        granted_at = self.granted_at.isoformat()

        id = self.id

        id_number_masked = self.id_number_masked

        name = self.name

        person_id = self.person_id

        revoked_at: None | str
        if isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active": active,
            "enterprise_id": enterprise_id,
            "expires_at": expires_at,
            "granted_at": granted_at,
            "id": id,
            "id_number_masked": id_number_masked,
            "name": name,
            "person_id": person_id,
            "revoked_at": revoked_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        enterprise_id = d.pop("enterprise_id")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        granted_at = datetime.datetime.fromisoformat(d.pop("granted_at"))




        id = d.pop("id")

        id_number_masked = d.pop("id_number_masked")

        name = d.pop("name")

        person_id = d.pop("person_id")

        def _parse_revoked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)



                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at"))


        identity_agent_out = cls(
            active=active,
            enterprise_id=enterprise_id,
            expires_at=expires_at,
            granted_at=granted_at,
            id=id,
            id_number_masked=id_number_masked,
            name=name,
            person_id=person_id,
            revoked_at=revoked_at,
        )


        identity_agent_out.additional_properties = d
        return identity_agent_out

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
