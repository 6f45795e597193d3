from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.cases_issued_certificate_out_labels import CasesIssuedCertificateOutLabels





T = TypeVar("T", bound="CasesIssuedCertificateOut")



@_attrs_define
class CasesIssuedCertificateOut:
    """ 
        Attributes:
            case_id (str): the case that issued it (on a 一件事 parent: the member case)
            case_number (str): 办件编号 (on a 一件事 parent: the member's)
            holder_identifier_masked (None | str): ID number or credit code, masked; null for a newborn (no number yet)
            holder_kind (str): person | enterprise | newborn: the case's subject, not the applicant
            holder_kind_label (str): 自然人 | 法人 | 新生儿
            holder_name (str): 持证主体 as identity's records name it
            identifier (str): 证照编号: the GB/T 36904 identifier the registry assigned
            issued_at (datetime.datetime | None):
            issuer (str): 发证机关全称
            issuer_org (str):
            labels (CasesIssuedCertificateOutLabels): the Chinese label of each field a person reads
            type_code (str): 证照类型代码: the national type code (defining authority's credit code + 3-digit serial), the same
                the exchange's registry reports for this certificate
            type_name (str): 证照名称, e.g. 营业执照 (the code when the catalog names none)
            valid_from (datetime.date | None): 有效期起始日期 (the issuing day, Beijing time)
            matter_name (str | Unset): 办理事项: the matter of the case that issued it Default: ''.
     """

    case_id: str
    case_number: str
    holder_identifier_masked: None | str
    holder_kind: str
    holder_kind_label: str
    holder_name: str
    identifier: str
    issued_at: datetime.datetime | None
    issuer: str
    issuer_org: str
    labels: CasesIssuedCertificateOutLabels
    type_code: str
    type_name: str
    valid_from: datetime.date | None
    matter_name: str | Unset = ''
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.cases_issued_certificate_out_labels import CasesIssuedCertificateOutLabels # noqa: PLC0415
        case_id = self.case_id

        case_number = self.case_number

        holder_identifier_masked: None | str
        holder_identifier_masked = self.holder_identifier_masked

        holder_kind = self.holder_kind

        holder_kind_label = self.holder_kind_label

        holder_name = self.holder_name

        identifier = self.identifier

        issued_at: None | str
        if isinstance(self.issued_at, datetime.datetime):
            issued_at = self.issued_at.isoformat()
        else:
            issued_at = self.issued_at

        issuer = self.issuer

        issuer_org = self.issuer_org

        labels = self.labels.to_dict()

        type_code = self.type_code

        type_name = self.type_name

        valid_from: None | str
        if isinstance(self.valid_from, datetime.date):
            valid_from = self.valid_from.isoformat()
        else:
            valid_from = self.valid_from

        matter_name = self.matter_name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "case_id": case_id,
            "case_number": case_number,
            "holder_identifier_masked": holder_identifier_masked,
            "holder_kind": holder_kind,
            "holder_kind_label": holder_kind_label,
            "holder_name": holder_name,
            "identifier": identifier,
            "issued_at": issued_at,
            "issuer": issuer,
            "issuer_org": issuer_org,
            "labels": labels,
            "type_code": type_code,
            "type_name": type_name,
            "valid_from": valid_from,
        })
        if matter_name is not UNSET:
            field_dict["matter_name"] = matter_name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cases_issued_certificate_out_labels import CasesIssuedCertificateOutLabels # noqa: PLC0415
        d = dict(src_dict)
        case_id = d.pop("case_id")

        case_number = d.pop("case_number")

        def _parse_holder_identifier_masked(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        holder_identifier_masked = _parse_holder_identifier_masked(d.pop("holder_identifier_masked"))


        holder_kind = d.pop("holder_kind")

        holder_kind_label = d.pop("holder_kind_label")

        holder_name = d.pop("holder_name")

        identifier = d.pop("identifier")

        def _parse_issued_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issued_at_type_0 = datetime.datetime.fromisoformat(data)



                return issued_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        issued_at = _parse_issued_at(d.pop("issued_at"))


        issuer = d.pop("issuer")

        issuer_org = d.pop("issuer_org")

        labels = CasesIssuedCertificateOutLabels.from_dict(d.pop("labels"))




        type_code = d.pop("type_code")

        type_name = d.pop("type_name")

        def _parse_valid_from(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_from_type_0 = datetime.date.fromisoformat(data)



                return valid_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        valid_from = _parse_valid_from(d.pop("valid_from"))


        matter_name = d.pop("matter_name", UNSET)

        cases_issued_certificate_out = cls(
            case_id=case_id,
            case_number=case_number,
            holder_identifier_masked=holder_identifier_masked,
            holder_kind=holder_kind,
            holder_kind_label=holder_kind_label,
            holder_name=holder_name,
            identifier=identifier,
            issued_at=issued_at,
            issuer=issuer,
            issuer_org=issuer_org,
            labels=labels,
            type_code=type_code,
            type_name=type_name,
            valid_from=valid_from,
            matter_name=matter_name,
        )


        cases_issued_certificate_out.additional_properties = d
        return cases_issued_certificate_out

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
