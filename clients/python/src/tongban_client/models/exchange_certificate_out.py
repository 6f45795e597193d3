from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="ExchangeCertificateOut")



@_attrs_define
class ExchangeCertificateOut:
    """ 
        Attributes:
            case_ref (None | str):
            holder_kind (str):
            identifier (str):
            issuer_code (str):
            status (str):
            type_code (str):
            type_name (str):
            valid_from (datetime.date):
            valid_to (datetime.date | None):
            version (int):
     """

    case_ref: None | str
    holder_kind: str
    identifier: str
    issuer_code: str
    status: str
    type_code: str
    type_name: str
    valid_from: datetime.date
    valid_to: datetime.date | None
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        case_ref: None | str
        case_ref = self.case_ref

        holder_kind = self.holder_kind

        identifier = self.identifier

        issuer_code = self.issuer_code

        status = self.status

        type_code = self.type_code

        type_name = self.type_name

        valid_from = self.valid_from.isoformat()

        valid_to: None | str
        if isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "case_ref": case_ref,
            "holder_kind": holder_kind,
            "identifier": identifier,
            "issuer_code": issuer_code,
            "status": status,
            "type_code": type_code,
            "type_name": type_name,
            "valid_from": valid_from,
            "valid_to": valid_to,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_case_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        case_ref = _parse_case_ref(d.pop("case_ref"))


        holder_kind = d.pop("holder_kind")

        identifier = d.pop("identifier")

        issuer_code = d.pop("issuer_code")

        status = d.pop("status")

        type_code = d.pop("type_code")

        type_name = d.pop("type_name")

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))




        def _parse_valid_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_to_type_0 = datetime.date.fromisoformat(data)



                return valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        valid_to = _parse_valid_to(d.pop("valid_to"))


        version = d.pop("version")

        exchange_certificate_out = cls(
            case_ref=case_ref,
            holder_kind=holder_kind,
            identifier=identifier,
            issuer_code=issuer_code,
            status=status,
            type_code=type_code,
            type_name=type_name,
            valid_from=valid_from,
            valid_to=valid_to,
            version=version,
        )


        exchange_certificate_out.additional_properties = d
        return exchange_certificate_out

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
