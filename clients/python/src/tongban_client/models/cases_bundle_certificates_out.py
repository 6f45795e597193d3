from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.cases_bundle_certificates_out_labels import CasesBundleCertificatesOutLabels
  from ..models.cases_issued_certificate_out import CasesIssuedCertificateOut





T = TypeVar("T", bound="CasesBundleCertificatesOut")



@_attrs_define
class CasesBundleCertificatesOut:
    """ A 一件事 parent's certificates: the parent issues none itself; each member case issues its own.

        Attributes:
            case_id (str):
            case_number (str): the parent's 办件编号
            certificates (list[CasesIssuedCertificateOut]): each member's issued certificate, with the member's case_id,
                case_number and matter_name
            labels (CasesBundleCertificatesOutLabels): the Chinese label of each field a person reads
            matter_name (str): the 一件事's name
            waiting_members (list[str]): members whose certificate is still due, e.g. 社会保障卡申领（待签发）
            kind (Literal['bundle'] | Unset):  Default: 'bundle'.
     """

    case_id: str
    case_number: str
    certificates: list[CasesIssuedCertificateOut]
    labels: CasesBundleCertificatesOutLabels
    matter_name: str
    waiting_members: list[str]
    kind: Literal['bundle'] | Unset = 'bundle'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.cases_bundle_certificates_out_labels import CasesBundleCertificatesOutLabels # noqa: PLC0415
        from ..models.cases_issued_certificate_out import CasesIssuedCertificateOut # noqa: PLC0415
        case_id = self.case_id

        case_number = self.case_number

        certificates = []
        for certificates_item_data in self.certificates:
            certificates_item = certificates_item_data.to_dict()
            certificates.append(certificates_item)



        labels = self.labels.to_dict()

        matter_name = self.matter_name

        waiting_members = self.waiting_members



        kind = self.kind


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "case_id": case_id,
            "case_number": case_number,
            "certificates": certificates,
            "labels": labels,
            "matter_name": matter_name,
            "waiting_members": waiting_members,
        })
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cases_bundle_certificates_out_labels import CasesBundleCertificatesOutLabels # noqa: PLC0415
        from ..models.cases_issued_certificate_out import CasesIssuedCertificateOut # noqa: PLC0415
        d = dict(src_dict)
        case_id = d.pop("case_id")

        case_number = d.pop("case_number")

        certificates = []
        _certificates = d.pop("certificates")
        for certificates_item_data in (_certificates):
            certificates_item = CasesIssuedCertificateOut.from_dict(certificates_item_data)



            certificates.append(certificates_item)


        labels = CasesBundleCertificatesOutLabels.from_dict(d.pop("labels"))




        matter_name = d.pop("matter_name")

        waiting_members = cast(list[str], d.pop("waiting_members"))


        kind = cast(Literal['bundle'] | Unset , d.pop("kind", UNSET))
        if kind != 'bundle'and not isinstance(kind, Unset):
            raise ValueError(f"kind must match const 'bundle', got '{kind}'")

        cases_bundle_certificates_out = cls(
            case_id=case_id,
            case_number=case_number,
            certificates=certificates,
            labels=labels,
            matter_name=matter_name,
            waiting_members=waiting_members,
            kind=kind,
        )


        cases_bundle_certificates_out.additional_properties = d
        return cases_bundle_certificates_out

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
