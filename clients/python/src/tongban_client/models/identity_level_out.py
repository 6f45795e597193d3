from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="IdentityLevelOut")



@_attrs_define
class IdentityLevelOut:
    """ 
        Attributes:
            acr (int):
            from_level (int):
            person_id (str):
            raised (bool): false when the check did not exceed the current level (never lowered)
            verified_at (datetime.datetime | None):
     """

    acr: int
    from_level: int
    person_id: str
    raised: bool
    verified_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        acr = self.acr

        from_level = self.from_level

        person_id = self.person_id

        raised = self.raised

        verified_at: None | str
        if isinstance(self.verified_at, datetime.datetime):
            verified_at = self.verified_at.isoformat()
        else:
            verified_at = self.verified_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "acr": acr,
            "from_level": from_level,
            "person_id": person_id,
            "raised": raised,
            "verified_at": verified_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        acr = d.pop("acr")

        from_level = d.pop("from_level")

        person_id = d.pop("person_id")

        raised = d.pop("raised")

        def _parse_verified_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                verified_at_type_0 = datetime.datetime.fromisoformat(data)



                return verified_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        verified_at = _parse_verified_at(d.pop("verified_at"))


        identity_level_out = cls(
            acr=acr,
            from_level=from_level,
            person_id=person_id,
            raised=raised,
            verified_at=verified_at,
        )


        identity_level_out.additional_properties = d
        return identity_level_out

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
