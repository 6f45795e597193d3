from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ExchangeExchangeApiRecordsPushOut")



@_attrs_define
class ExchangeExchangeApiRecordsPushOut:
    """ 
        Attributes:
            applied (int):
            received (int):
            stale (int): records not newer than what the hub already holds
     """

    applied: int
    received: int
    stale: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        applied = self.applied

        received = self.received

        stale = self.stale


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "applied": applied,
            "received": received,
            "stale": stale,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        applied = d.pop("applied")

        received = d.pop("received")

        stale = d.pop("stale")

        exchange_exchange_api_records_push_out = cls(
            applied=applied,
            received=received,
            stale=stale,
        )


        exchange_exchange_api_records_push_out.additional_properties = d
        return exchange_exchange_api_records_push_out

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
