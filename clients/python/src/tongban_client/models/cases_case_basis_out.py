from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.cases_party_out import CasesPartyOut





T = TypeVar("T", bound="CasesCaseBasisOut")



@_attrs_define
class CasesCaseBasisOut:
    """ 
        Attributes:
            applicant_id (str): identity's id of the applicant
            applicant_kind (str): person | enterprise
            case_id (str):
            case_number (str): 办件编号
            concluded_at (datetime.datetime | None):
            handling_org (str): the department that decides (and issues its certificate)
            matter_code (str): the matter it was filed under (事项编码)
            orgs (list[str]): organizations handling or receiving it (a 一件事 with its members')
            outcome (None | str): approved | denied | refused | withdrawn | terminated, once concluded
            parent_case_id (None | str): the 一件事 parent of a member case
            parties (list[CasesPartyOut]): whose case it is: the applicant and the subject (办理对象) when they differ
            status (str):
     """

    applicant_id: str
    applicant_kind: str
    case_id: str
    case_number: str
    concluded_at: datetime.datetime | None
    handling_org: str
    matter_code: str
    orgs: list[str]
    outcome: None | str
    parent_case_id: None | str
    parties: list[CasesPartyOut]
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.cases_party_out import CasesPartyOut # noqa: PLC0415
        applicant_id = self.applicant_id

        applicant_kind = self.applicant_kind

        case_id = self.case_id

        case_number = self.case_number

        concluded_at: None | str
        if isinstance(self.concluded_at, datetime.datetime):
            concluded_at = self.concluded_at.isoformat()
        else:
            concluded_at = self.concluded_at

        handling_org = self.handling_org

        matter_code = self.matter_code

        orgs = self.orgs



        outcome: None | str
        outcome = self.outcome

        parent_case_id: None | str
        parent_case_id = self.parent_case_id

        parties = []
        for parties_item_data in self.parties:
            parties_item = parties_item_data.to_dict()
            parties.append(parties_item)



        status = self.status


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "applicant_id": applicant_id,
            "applicant_kind": applicant_kind,
            "case_id": case_id,
            "case_number": case_number,
            "concluded_at": concluded_at,
            "handling_org": handling_org,
            "matter_code": matter_code,
            "orgs": orgs,
            "outcome": outcome,
            "parent_case_id": parent_case_id,
            "parties": parties,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cases_party_out import CasesPartyOut # noqa: PLC0415
        d = dict(src_dict)
        applicant_id = d.pop("applicant_id")

        applicant_kind = d.pop("applicant_kind")

        case_id = d.pop("case_id")

        case_number = d.pop("case_number")

        def _parse_concluded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                concluded_at_type_0 = datetime.datetime.fromisoformat(data)



                return concluded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        concluded_at = _parse_concluded_at(d.pop("concluded_at"))


        handling_org = d.pop("handling_org")

        matter_code = d.pop("matter_code")

        orgs = cast(list[str], d.pop("orgs"))


        def _parse_outcome(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome = _parse_outcome(d.pop("outcome"))


        def _parse_parent_case_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        parent_case_id = _parse_parent_case_id(d.pop("parent_case_id"))


        parties = []
        _parties = d.pop("parties")
        for parties_item_data in (_parties):
            parties_item = CasesPartyOut.from_dict(parties_item_data)



            parties.append(parties_item)


        status = d.pop("status")

        cases_case_basis_out = cls(
            applicant_id=applicant_id,
            applicant_kind=applicant_kind,
            case_id=case_id,
            case_number=case_number,
            concluded_at=concluded_at,
            handling_org=handling_org,
            matter_code=matter_code,
            orgs=orgs,
            outcome=outcome,
            parent_case_id=parent_case_id,
            parties=parties,
            status=status,
        )


        cases_case_basis_out.additional_properties = d
        return cases_case_basis_out

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
