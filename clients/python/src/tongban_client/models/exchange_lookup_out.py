from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.exchange_lookup_out_certificates_item import ExchangeLookupOutCertificatesItem





T = TypeVar("T", bound="ExchangeLookupOut")



@_attrs_define
class ExchangeLookupOut:
    """ 
        Attributes:
            access_log_id (str):
            certificates (list[ExchangeLookupOutCertificatesItem]):
            items (list[str]):
     """

    access_log_id: str
    certificates: list[ExchangeLookupOutCertificatesItem]
    items: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.exchange_lookup_out_certificates_item import ExchangeLookupOutCertificatesItem # noqa: PLC0415
        access_log_id = self.access_log_id

        certificates = []
        for certificates_item_data in self.certificates:
            certificates_item = certificates_item_data.to_dict()
            certificates.append(certificates_item)



        items = self.items




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "access_log_id": access_log_id,
            "certificates": certificates,
            "items": items,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exchange_lookup_out_certificates_item import ExchangeLookupOutCertificatesItem # noqa: PLC0415
        d = dict(src_dict)
        access_log_id = d.pop("access_log_id")

        certificates = []
        _certificates = d.pop("certificates")
        for certificates_item_data in (_certificates):
            certificates_item = ExchangeLookupOutCertificatesItem.from_dict(certificates_item_data)



            certificates.append(certificates_item)


        items = cast(list[str], d.pop("items"))


        exchange_lookup_out = cls(
            access_log_id=access_log_id,
            certificates=certificates,
            items=items,
        )


        exchange_lookup_out.additional_properties = d
        return exchange_lookup_out

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
