from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.exchange_certificate_lookup_in import ExchangeCertificateLookupIn
  from ..models.exchange_record_read_in import ExchangeRecordReadIn





T = TypeVar("T", bound="ExchangeBatchIn")



@_attrs_define
class ExchangeBatchIn:
    """ 
        Attributes:
            reads (list[ExchangeCertificateLookupIn | ExchangeRecordReadIn]):
     """

    reads: list[ExchangeCertificateLookupIn | ExchangeRecordReadIn]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.exchange_certificate_lookup_in import ExchangeCertificateLookupIn # noqa: PLC0415
        from ..models.exchange_record_read_in import ExchangeRecordReadIn # noqa: PLC0415
        reads = []
        for reads_item_data in self.reads:
            reads_item: dict[str, Any]
            if isinstance(reads_item_data, ExchangeRecordReadIn):
                reads_item = reads_item_data.to_dict()
            else:
                reads_item = reads_item_data.to_dict()

            reads.append(reads_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "reads": reads,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exchange_certificate_lookup_in import ExchangeCertificateLookupIn # noqa: PLC0415
        from ..models.exchange_record_read_in import ExchangeRecordReadIn # noqa: PLC0415
        d = dict(src_dict)
        reads = []
        _reads = d.pop("reads")
        for reads_item_data in (_reads):
            def _parse_reads_item(data: object) -> ExchangeCertificateLookupIn | ExchangeRecordReadIn:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    reads_item_type_0 = ExchangeRecordReadIn.from_dict(data)



                    return reads_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                reads_item_type_1 = ExchangeCertificateLookupIn.from_dict(data)



                return reads_item_type_1

            reads_item = _parse_reads_item(reads_item_data)

            reads.append(reads_item)


        exchange_batch_in = cls(
            reads=reads,
        )


        exchange_batch_in.additional_properties = d
        return exchange_batch_in

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
