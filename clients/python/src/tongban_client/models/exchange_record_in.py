from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.exchange_record_in_data_type_0 import ExchangeRecordInDataType0





T = TypeVar("T", bound="ExchangeRecordIn")



@_attrs_define
class ExchangeRecordIn:
    """ 
        Attributes:
            identifier (str):
            version (int): the provider's version; older or equal versions are ignored
            data (ExchangeRecordInDataType0 | None | Unset):
            deleted (bool | Unset):  Default: False.
     """

    identifier: str
    version: int
    data: ExchangeRecordInDataType0 | None | Unset = UNSET
    deleted: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.exchange_record_in_data_type_0 import ExchangeRecordInDataType0 # noqa: PLC0415
        identifier = self.identifier

        version = self.version

        data: dict[str, Any] | None | Unset
        if isinstance(self.data, Unset):
            data = UNSET
        elif isinstance(self.data, ExchangeRecordInDataType0):
            data = self.data.to_dict()
        else:
            data = self.data

        deleted = self.deleted


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "identifier": identifier,
            "version": version,
        })
        if data is not UNSET:
            field_dict["data"] = data
        if deleted is not UNSET:
            field_dict["deleted"] = deleted

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exchange_record_in_data_type_0 import ExchangeRecordInDataType0 # noqa: PLC0415
        d = dict(src_dict)
        identifier = d.pop("identifier")

        version = d.pop("version")

        def _parse_data(data: object) -> ExchangeRecordInDataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = ExchangeRecordInDataType0.from_dict(data)



                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExchangeRecordInDataType0 | None | Unset, data)

        data = _parse_data(d.pop("data", UNSET))


        deleted = d.pop("deleted", UNSET)

        exchange_record_in = cls(
            identifier=identifier,
            version=version,
            data=data,
            deleted=deleted,
        )


        exchange_record_in.additional_properties = d
        return exchange_record_in

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
