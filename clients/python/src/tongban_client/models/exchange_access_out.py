from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="ExchangeAccessOut")



@_attrs_define
class ExchangeAccessOut:
    """ What the caller may read of the resource today (needs a purpose and case or legal basis per read).

        Attributes:
            detail (str):
            items (list[str]):
            readable (bool):
            reason (None | str): refusal code when not readable, e.g. not_granted, not_shared
     """

    detail: str
    items: list[str]
    readable: bool
    reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        detail = self.detail

        items = self.items



        readable = self.readable

        reason: None | str
        reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "detail": detail,
            "items": items,
            "readable": readable,
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        detail = d.pop("detail")

        items = cast(list[str], d.pop("items"))


        readable = d.pop("readable")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        exchange_access_out = cls(
            detail=detail,
            items=items,
            readable=readable,
            reason=reason,
        )


        exchange_access_out.additional_properties = d
        return exchange_access_out

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
