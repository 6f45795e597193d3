from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="CasesDecisionOut")



@_attrs_define
class CasesDecisionOut:
    """ 
        Attributes:
            case_id (str):
            department (str): the deciding department's name
            handling_org (str):
            issued_at (datetime.datetime):
            kind (str): grant (准予许可) | deny (不予许可) | refuse (不予受理)
            legal_basis (str):
            matter_name (str):
            number (str): 决定书编号
            reasons (None | str):
            remedies (None | str): for a refusal: the right to 行政复议 and 行政诉讼, with the bodies and time limits
            title (str): 准予行政许可决定书, 不予行政许可决定书 or 不予受理决定书
     """

    case_id: str
    department: str
    handling_org: str
    issued_at: datetime.datetime
    kind: str
    legal_basis: str
    matter_name: str
    number: str
    reasons: None | str
    remedies: None | str
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        case_id = self.case_id

        department = self.department

        handling_org = self.handling_org

        issued_at = self.issued_at.isoformat()

        kind = self.kind

        legal_basis = self.legal_basis

        matter_name = self.matter_name

        number = self.number

        reasons: None | str
        reasons = self.reasons

        remedies: None | str
        remedies = self.remedies

        title = self.title


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "case_id": case_id,
            "department": department,
            "handling_org": handling_org,
            "issued_at": issued_at,
            "kind": kind,
            "legal_basis": legal_basis,
            "matter_name": matter_name,
            "number": number,
            "reasons": reasons,
            "remedies": remedies,
            "title": title,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        case_id = d.pop("case_id")

        department = d.pop("department")

        handling_org = d.pop("handling_org")

        issued_at = datetime.datetime.fromisoformat(d.pop("issued_at"))




        kind = d.pop("kind")

        legal_basis = d.pop("legal_basis")

        matter_name = d.pop("matter_name")

        number = d.pop("number")

        def _parse_reasons(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reasons = _parse_reasons(d.pop("reasons"))


        def _parse_remedies(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        remedies = _parse_remedies(d.pop("remedies"))


        title = d.pop("title")

        cases_decision_out = cls(
            case_id=case_id,
            department=department,
            handling_org=handling_org,
            issued_at=issued_at,
            kind=kind,
            legal_basis=legal_basis,
            matter_name=matter_name,
            number=number,
            reasons=reasons,
            remedies=remedies,
            title=title,
        )


        cases_decision_out.additional_properties = d
        return cases_decision_out

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
