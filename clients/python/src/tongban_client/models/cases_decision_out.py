from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="CasesDecisionOut")



@_attrs_define
class CasesDecisionOut:
    """ 
        Attributes:
            applicant_name (str): 申请人 as identity's records name them
            case_id (str):
            case_number (str): 办件编号
            department (str): the deciding department's full name (决定机关全称)
            handling_org (str): the deciding department's code
            issued_at (datetime.datetime):
            kind (str): grant (准予 / 予以…) | deny (不予…) | refuse (不予受理) | bundle (一件事办理结果告知书: a 一件事 parent's notice listing
                each member case's decision in `members`)
            legal_basis (None | str): 依据: for a 行政许可 the 行政许可法 article and the matter's 设定依据; for any other type the
                matter's own 设定依据 (from the catalog version the case was filed under)
            matter_name (str):
            number (str): 决定书编号 (a bundle notice: the parent's 办件编号)
            party (str): the addressee line, e.g. 申请人：陈晓梅；事项对象：陈小宝（新生儿）
            reason_lines (list[str]): the reasons line by line, as printed
            reasons (None | str): the reasons as written, line breaks kept (\\n)
            remedies (None | str): for a refusal, and for a bundle notice when a member was refused (部分准予 or 不予许可): the
                right to 行政复议 and 行政诉讼, with the bodies and time limits
            subject_kind (None | str): person | enterprise | newborn, with subject_name
            subject_kind_label (None | str): 自然人 | 法人 | 新生儿
            subject_name (None | str): 事项对象 when the case is about someone else; else null
            title (str): by the matter's type: 准予/不予行政许可决定书 and 不予受理决定书 (01 行政许可); 行政确认决定书 / 不予确认决定书 (07); 给付决定书 / 不予给付决定书
                (05); 办理结果告知书 / 不予办理告知书 (any other); 不予受理告知书 (a refusal at the window of a non-permit); 一件事办理结果告知书 (a bundle
                notice)
            matter_type (None | str | Unset): 事项类型 code the document is worded for (01 行政许可 … 20 公共服务); null: unknown
            matter_type_label (None | str | Unset): 事项类型 in Chinese, e.g. 行政确认
            members (list[CasesDecisionOut] | Unset): a bundle notice: each member case's decision, with its department
            outcome (None | str | Unset): the case's outcome once concluded: approved | denied | refused | partially_granted
                (部分准予: a 一件事 whose members were decided differently) | withdrawn | terminated
            outcome_label (None | str | Unset): in the words of the matter's 事项类型: 准予许可 / 不予许可 (01), 予以确认 / 不予确认 (07), 予以给付
                / 不予给付 (05), 已办结（予以办理） / 不予办理 (any other); 部分准予, 不予受理, …
            pending_members (list[str] | Unset): a bundle notice: member matters without a decision yet
            verdict (None | str | Unset): the decision's sentence, e.g. …予以确认（登记）。 (null on a bundle notice)
     """

    applicant_name: str
    case_id: str
    case_number: str
    department: str
    handling_org: str
    issued_at: datetime.datetime
    kind: str
    legal_basis: None | str
    matter_name: str
    number: str
    party: str
    reason_lines: list[str]
    reasons: None | str
    remedies: None | str
    subject_kind: None | str
    subject_kind_label: None | str
    subject_name: None | str
    title: str
    matter_type: None | str | Unset = UNSET
    matter_type_label: None | str | Unset = UNSET
    members: list[CasesDecisionOut] | Unset = UNSET
    outcome: None | str | Unset = UNSET
    outcome_label: None | str | Unset = UNSET
    pending_members: list[str] | Unset = UNSET
    verdict: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        applicant_name = self.applicant_name

        case_id = self.case_id

        case_number = self.case_number

        department = self.department

        handling_org = self.handling_org

        issued_at = self.issued_at.isoformat()

        kind = self.kind

        legal_basis: None | str
        legal_basis = self.legal_basis

        matter_name = self.matter_name

        number = self.number

        party = self.party

        reason_lines = self.reason_lines



        reasons: None | str
        reasons = self.reasons

        remedies: None | str
        remedies = self.remedies

        subject_kind: None | str
        subject_kind = self.subject_kind

        subject_kind_label: None | str
        subject_kind_label = self.subject_kind_label

        subject_name: None | str
        subject_name = self.subject_name

        title = self.title

        matter_type: None | str | Unset
        if isinstance(self.matter_type, Unset):
            matter_type = UNSET
        else:
            matter_type = self.matter_type

        matter_type_label: None | str | Unset
        if isinstance(self.matter_type_label, Unset):
            matter_type_label = UNSET
        else:
            matter_type_label = self.matter_type_label

        members: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.members, Unset):
            members = []
            for members_item_data in self.members:
                members_item = members_item_data.to_dict()
                members.append(members_item)



        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        else:
            outcome = self.outcome

        outcome_label: None | str | Unset
        if isinstance(self.outcome_label, Unset):
            outcome_label = UNSET
        else:
            outcome_label = self.outcome_label

        pending_members: list[str] | Unset = UNSET
        if not isinstance(self.pending_members, Unset):
            pending_members = self.pending_members



        verdict: None | str | Unset
        if isinstance(self.verdict, Unset):
            verdict = UNSET
        else:
            verdict = self.verdict


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "applicant_name": applicant_name,
            "case_id": case_id,
            "case_number": case_number,
            "department": department,
            "handling_org": handling_org,
            "issued_at": issued_at,
            "kind": kind,
            "legal_basis": legal_basis,
            "matter_name": matter_name,
            "number": number,
            "party": party,
            "reason_lines": reason_lines,
            "reasons": reasons,
            "remedies": remedies,
            "subject_kind": subject_kind,
            "subject_kind_label": subject_kind_label,
            "subject_name": subject_name,
            "title": title,
        })
        if matter_type is not UNSET:
            field_dict["matter_type"] = matter_type
        if matter_type_label is not UNSET:
            field_dict["matter_type_label"] = matter_type_label
        if members is not UNSET:
            field_dict["members"] = members
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if outcome_label is not UNSET:
            field_dict["outcome_label"] = outcome_label
        if pending_members is not UNSET:
            field_dict["pending_members"] = pending_members
        if verdict is not UNSET:
            field_dict["verdict"] = verdict

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        applicant_name = d.pop("applicant_name")

        case_id = d.pop("case_id")

        case_number = d.pop("case_number")

        department = d.pop("department")

        handling_org = d.pop("handling_org")

        issued_at = datetime.datetime.fromisoformat(d.pop("issued_at"))




        kind = d.pop("kind")

        def _parse_legal_basis(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        legal_basis = _parse_legal_basis(d.pop("legal_basis"))


        matter_name = d.pop("matter_name")

        number = d.pop("number")

        party = d.pop("party")

        reason_lines = cast(list[str], d.pop("reason_lines"))


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


        def _parse_subject_kind(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        subject_kind = _parse_subject_kind(d.pop("subject_kind"))


        def _parse_subject_kind_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        subject_kind_label = _parse_subject_kind_label(d.pop("subject_kind_label"))


        def _parse_subject_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        subject_name = _parse_subject_name(d.pop("subject_name"))


        title = d.pop("title")

        def _parse_matter_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        matter_type = _parse_matter_type(d.pop("matter_type", UNSET))


        def _parse_matter_type_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        matter_type_label = _parse_matter_type_label(d.pop("matter_type_label", UNSET))


        _members = d.pop("members", UNSET)
        members: list[CasesDecisionOut] | Unset = UNSET
        if _members is not UNSET:
            members = []
            for members_item_data in _members:
                members_item = CasesDecisionOut.from_dict(members_item_data)



                members.append(members_item)


        def _parse_outcome(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))


        def _parse_outcome_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome_label = _parse_outcome_label(d.pop("outcome_label", UNSET))


        pending_members = cast(list[str], d.pop("pending_members", UNSET))


        def _parse_verdict(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        verdict = _parse_verdict(d.pop("verdict", UNSET))


        cases_decision_out = cls(
            applicant_name=applicant_name,
            case_id=case_id,
            case_number=case_number,
            department=department,
            handling_org=handling_org,
            issued_at=issued_at,
            kind=kind,
            legal_basis=legal_basis,
            matter_name=matter_name,
            number=number,
            party=party,
            reason_lines=reason_lines,
            reasons=reasons,
            remedies=remedies,
            subject_kind=subject_kind,
            subject_kind_label=subject_kind_label,
            subject_name=subject_name,
            title=title,
            matter_type=matter_type,
            matter_type_label=matter_type_label,
            members=members,
            outcome=outcome,
            outcome_label=outcome_label,
            pending_members=pending_members,
            verdict=verdict,
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
