from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.exchange_receive_city_push_city_push_items_item import ExchangeReceiveCityPushCityPushItemsItem





T = TypeVar("T", bound="ExchangeReceiveCityPushCityPush")



@_attrs_define
class ExchangeReceiveCityPushCityPush:
    """ 
        Attributes:
            batch (str): the platform's batch number
            items (list[ExchangeReceiveCityPushCityPushItemsItem]):
     """

    batch: str
    items: list[ExchangeReceiveCityPushCityPushItemsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.exchange_receive_city_push_city_push_items_item import ExchangeReceiveCityPushCityPushItemsItem # noqa: PLC0415
        batch = self.batch

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "batch": batch,
            "items": items,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exchange_receive_city_push_city_push_items_item import ExchangeReceiveCityPushCityPushItemsItem # noqa: PLC0415
        d = dict(src_dict)
        batch = d.pop("batch")

        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = ExchangeReceiveCityPushCityPushItemsItem.from_dict(items_item_data)



            items.append(items_item)


        exchange_receive_city_push_city_push = cls(
            batch=batch,
            items=items,
        )


        exchange_receive_city_push_city_push.additional_properties = d
        return exchange_receive_city_push_city_push

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
