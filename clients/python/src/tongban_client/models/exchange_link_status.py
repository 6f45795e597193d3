from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="ExchangeLinkStatus")



@_attrs_define
class ExchangeLinkStatus:
    """ 
        Attributes:
            backlog (int): records waiting to be delivered
            dead (int): records dead-lettered after the retry limit
            delivered (int):
            held_behind_dead (int): records of cases whose earlier record is dead (kept in order)
            lag_seconds (float): age of the oldest undelivered record
            last_delivered_at (datetime.datetime | None):
            oldest_pending_at (datetime.datetime | None):
     """

    backlog: int
    dead: int
    delivered: int
    held_behind_dead: int
    lag_seconds: float
    last_delivered_at: datetime.datetime | None
    oldest_pending_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        backlog = self.backlog

        dead = self.dead

        delivered = self.delivered

        held_behind_dead = self.held_behind_dead

        lag_seconds = self.lag_seconds

        last_delivered_at: None | str
        if isinstance(self.last_delivered_at, datetime.datetime):
            last_delivered_at = self.last_delivered_at.isoformat()
        else:
            last_delivered_at = self.last_delivered_at

        oldest_pending_at: None | str
        if isinstance(self.oldest_pending_at, datetime.datetime):
            oldest_pending_at = self.oldest_pending_at.isoformat()
        else:
            oldest_pending_at = self.oldest_pending_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "backlog": backlog,
            "dead": dead,
            "delivered": delivered,
            "held_behind_dead": held_behind_dead,
            "lag_seconds": lag_seconds,
            "last_delivered_at": last_delivered_at,
            "oldest_pending_at": oldest_pending_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        backlog = d.pop("backlog")

        dead = d.pop("dead")

        delivered = d.pop("delivered")

        held_behind_dead = d.pop("held_behind_dead")

        lag_seconds = d.pop("lag_seconds")

        def _parse_last_delivered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_delivered_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_delivered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_delivered_at = _parse_last_delivered_at(d.pop("last_delivered_at"))


        def _parse_oldest_pending_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                oldest_pending_at_type_0 = datetime.datetime.fromisoformat(data)



                return oldest_pending_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        oldest_pending_at = _parse_oldest_pending_at(d.pop("oldest_pending_at"))


        exchange_link_status = cls(
            backlog=backlog,
            dead=dead,
            delivered=delivered,
            held_behind_dead=held_behind_dead,
            lag_seconds=lag_seconds,
            last_delivered_at=last_delivered_at,
            oldest_pending_at=oldest_pending_at,
        )


        exchange_link_status.additional_properties = d
        return exchange_link_status

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
