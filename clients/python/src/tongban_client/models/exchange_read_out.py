from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.exchange_read_out_data import ExchangeReadOutData





T = TypeVar("T", bound="ExchangeReadOut")



@_attrs_define
class ExchangeReadOut:
    """ 
        Attributes:
            access_log_id (str):
            data (ExchangeReadOutData):
            items (list[str]): the items returned: requested and granted
            method (str):
            resource_code (str):
            withheld (list[str]): requested items not granted to the caller
     """

    access_log_id: str
    data: ExchangeReadOutData
    items: list[str]
    method: str
    resource_code: str
    withheld: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.exchange_read_out_data import ExchangeReadOutData # noqa: PLC0415
        access_log_id = self.access_log_id

        data = self.data.to_dict()

        items = self.items



        method = self.method

        resource_code = self.resource_code

        withheld = self.withheld




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "access_log_id": access_log_id,
            "data": data,
            "items": items,
            "method": method,
            "resource_code": resource_code,
            "withheld": withheld,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exchange_read_out_data import ExchangeReadOutData # noqa: PLC0415
        d = dict(src_dict)
        access_log_id = d.pop("access_log_id")

        data = ExchangeReadOutData.from_dict(d.pop("data"))




        items = cast(list[str], d.pop("items"))


        method = d.pop("method")

        resource_code = d.pop("resource_code")

        withheld = cast(list[str], d.pop("withheld"))


        exchange_read_out = cls(
            access_log_id=access_log_id,
            data=data,
            items=items,
            method=method,
            resource_code=resource_code,
            withheld=withheld,
        )


        exchange_read_out.additional_properties = d
        return exchange_read_out

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
