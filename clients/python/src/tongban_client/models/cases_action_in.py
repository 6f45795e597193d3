from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.cases_action import CasesAction
from ..models.cases_action_in_delivery_channel_type_0 import CasesActionInDeliveryChannelType0
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="CasesActionIn")



@_attrs_define
class CasesActionIn:
    """ 
        Attributes:
            action (CasesAction):
            delivery_channel (CasesActionInDeliveryChannelType0 | None | Unset): for deliver (送达): window 窗口领取, mail 邮寄,
                electronic 电子送达
            delivery_ref (None | str | Unset): e.g. the mail tracking number
            extension_days (int | None | Unset): for extend (延期)
            joint (bool | Unset): joint or centralized handling (联合办理) for extend Default: False.
            reason (None | str | Unset): opinion (意见) or reason (理由)
     """

    action: CasesAction
    delivery_channel: CasesActionInDeliveryChannelType0 | None | Unset = UNSET
    delivery_ref: None | str | Unset = UNSET
    extension_days: int | None | Unset = UNSET
    joint: bool | Unset = False
    reason: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        delivery_channel: None | str | Unset
        if isinstance(self.delivery_channel, Unset):
            delivery_channel = UNSET
        elif isinstance(self.delivery_channel, CasesActionInDeliveryChannelType0):
            delivery_channel = self.delivery_channel.value
        else:
            delivery_channel = self.delivery_channel

        delivery_ref: None | str | Unset
        if isinstance(self.delivery_ref, Unset):
            delivery_ref = UNSET
        else:
            delivery_ref = self.delivery_ref

        extension_days: int | None | Unset
        if isinstance(self.extension_days, Unset):
            extension_days = UNSET
        else:
            extension_days = self.extension_days

        joint = self.joint

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "action": action,
        })
        if delivery_channel is not UNSET:
            field_dict["delivery_channel"] = delivery_channel
        if delivery_ref is not UNSET:
            field_dict["delivery_ref"] = delivery_ref
        if extension_days is not UNSET:
            field_dict["extension_days"] = extension_days
        if joint is not UNSET:
            field_dict["joint"] = joint
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = CasesAction(d.pop("action"))




        def _parse_delivery_channel(data: object) -> CasesActionInDeliveryChannelType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivery_channel_type_0 = CasesActionInDeliveryChannelType0(data)



                return delivery_channel_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CasesActionInDeliveryChannelType0 | None | Unset, data)

        delivery_channel = _parse_delivery_channel(d.pop("delivery_channel", UNSET))


        def _parse_delivery_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        delivery_ref = _parse_delivery_ref(d.pop("delivery_ref", UNSET))


        def _parse_extension_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        extension_days = _parse_extension_days(d.pop("extension_days", UNSET))


        joint = d.pop("joint", UNSET)

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        cases_action_in = cls(
            action=action,
            delivery_channel=delivery_channel,
            delivery_ref=delivery_ref,
            extension_days=extension_days,
            joint=joint,
            reason=reason,
        )

        return cases_action_in

