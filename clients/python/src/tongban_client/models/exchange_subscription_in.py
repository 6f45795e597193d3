from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.exchange_subscription_in_channel import ExchangeSubscriptionInChannel
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ExchangeSubscriptionIn")



@_attrs_define
class ExchangeSubscriptionIn:
    """ 
        Attributes:
            channel (ExchangeSubscriptionInChannel):
            resource_code (str):
            webhook_url (None | str | Unset):
     """

    channel: ExchangeSubscriptionInChannel
    resource_code: str
    webhook_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        channel = self.channel.value

        resource_code = self.resource_code

        webhook_url: None | str | Unset
        if isinstance(self.webhook_url, Unset):
            webhook_url = UNSET
        else:
            webhook_url = self.webhook_url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "channel": channel,
            "resource_code": resource_code,
        })
        if webhook_url is not UNSET:
            field_dict["webhook_url"] = webhook_url

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channel = ExchangeSubscriptionInChannel(d.pop("channel"))




        resource_code = d.pop("resource_code")

        def _parse_webhook_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        webhook_url = _parse_webhook_url(d.pop("webhook_url", UNSET))


        exchange_subscription_in = cls(
            channel=channel,
            resource_code=resource_code,
            webhook_url=webhook_url,
        )


        exchange_subscription_in.additional_properties = d
        return exchange_subscription_in

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
