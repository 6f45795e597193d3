from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="CasesClockOut")



@_attrs_define
class CasesClockOut:
    """ 
        Attributes:
            at (datetime.datetime):
            days (int | None):
            event (str):
            event_label (str): 开始计时, 暂停计时, 恢复计时, 延长期限 or 停止计时
            reason (None | str):
     """

    at: datetime.datetime
    days: int | None
    event: str
    event_label: str
    reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        days: int | None
        days = self.days

        event = self.event

        event_label = self.event_label

        reason: None | str
        reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "at": at,
            "days": days,
            "event": event,
            "event_label": event_label,
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))




        def _parse_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        days = _parse_days(d.pop("days"))


        event = d.pop("event")

        event_label = d.pop("event_label")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        cases_clock_out = cls(
            at=at,
            days=days,
            event=event,
            event_label=event_label,
            reason=reason,
        )


        cases_clock_out.additional_properties = d
        return cases_clock_out

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
