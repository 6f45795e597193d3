from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.cases_case_status import CasesCaseStatus
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="CasesCaseOut")



@_attrs_define
class CasesCaseOut:
    """ 
        Attributes:
            accepted_at (datetime.datetime | None):
            applicant_kind (str):
            bundle_code (None | str):
            certificate_id (None | str): the issued e-certificate (电子证照标识)
            channel (str):
            concluded_at (datetime.datetime | None):
            deemed_accepted (bool):
            delivered_at (datetime.datetime | None):
            delivery_channel (None | str):
            due_date (datetime.date | None): promised due date (承诺办结日期), from acceptance
            extension_days (int):
            handling_org (str):
            id (str):
            kind (str): single | bundle (一件事 parent) | member (its department's case)
            limit_days (int): promised time limit (承诺时限) in `limit_unit`
            limit_unit (str): working_days (工作日) | natural_days
            matter_code (str):
            matter_name (str):
            matter_version (int):
            national_code (int): 好差评 status: 1 待受理, 2 已受理, 3 已办结
            number (str): case number (办件编号)
            outcome (None | str): approved | denied | refused | withdrawn | terminated | partially_granted (一件事 部分准予)
            parent_id (None | str): the 一件事 parent of a member case
            received_at (datetime.datetime):
            received_by_org (str):
            status (CasesCaseStatus):
            status_label (str): the status in Chinese; approved / denied read in the words of the matter's 事项类型: 准予许可 / 不予许可
                (01 行政许可), 予以确认 / 不予确认 (07), 予以给付 / 不予给付 (05), 已办结（予以办理） / 不予办理 (any other, or a 一件事 whose members' types
                differ)
            statutory_due_date (datetime.date | None):
            subject_id (str): identity's id of the subject: certificates are issued to it, materials looked up for it
            subject_kind (str): whom the case is about (办理对象): person | enterprise | newborn
            subject_label (str): the subject's kind in Chinese: 自然人 | 法人 | 新生儿
            accepting_org (None | str | Unset): the hall whose window accepts it (受理窗口), by the matter's levels (行使层级): the
                receiving hall, the village's town center or the district center
            accepting_org_name (None | str | Unset): the accepting hall's name (受理单位)
            applicant_kind_label (str | Unset): 自然人 | 法人 Default: ''.
            applicant_name (None | str | Unset): for the applicant herself (申请人本人): her own name, in full, as identity shows
                it to her token; null for anyone else (staff read `applicant_name_masked`) or when identity does not say
            applicant_name_masked (None | str | Unset): for staff: the applicant's name (申请人), masked for a person (陈*梅), as
                identity shows it to the clerk; null for others or when identity does not say
            certificate_error (None | str | Unset): why the last attempt to issue failed, e.g. unknown_certificate_type (the
                exchange's type directory lacks it)
            certificate_state (str | Unset): none (无证照) | pending (待签发) | issued (已签发) | failed (签发失败: every attempt failed;
                see certificate_error) Default: 'none'.
            certificate_state_label (str | Unset):  Default: '无证照'.
            channel_label (str | Unset): 网上申报, 区级窗口, 镇街便民服务中心窗口 or 村（社区）便民服务站窗口 Default: ''.
            delivery_channel_label (None | str | Unset): 窗口领取 | 邮寄送达 | 电子送达
            delivery_ref (None | str | Unset): e.g. the mail tracking number given at delivery
            due_date_pending_reason (None | str | Unset): why `due_date` is null while it is pending (e.g.
                2027年节假日安排尚未公布，期限将在公布后计算); null otherwise
            expected_due_date (datetime.date | None | Unset): the promised date (预计办结日期): once accepted, the due date;
                before, the date if the case were accepted today (on submission and on the case itself)
            expected_due_date_pending_reason (None | str | Unset): why `expected_due_date` is null while it is pending (e.g.
                2027年节假日安排尚未公布，期限将在公布后计算); null otherwise
            handling_org_name (None | str | Unset): the deciding department's name (办理部门)
            kind_label (str | Unset): 单一事项办件, 一件事 or 一件事子办件 Default: ''.
            limit_unit_label (str | Unset): 工作日 | 自然日 Default: ''.
            outcome_label (None | str | Unset): as status_label: by the 事项类型 (准予许可, 予以确认, 已办结（予以办理）, 不予办理 …), or 部分准予, 不予受理,
                已撤回, 已终止
            received_by_org_name (None | str | Unset): the receiving hall's name (收件单位), from identity; null if unknown
            statutory_due_date_pending_reason (None | str | Unset): why `statutory_due_date` is null while it is pending
                (e.g. 2027年节假日安排尚未公布，期限将在公布后计算); null otherwise
            subject_name (None | str | Unset): for the applicant herself: whom the case is about (办理对象) by name, e.g.
                陈小宝（新生儿） or an enterprise's registered name (her own name when the case is about her)
            subject_name_masked (None | str | Unset): for staff: whom the case is about (办理对象), masked like the applicant's
                (陈*宝 for a newborn 陈小宝, an enterprise in full), so a window's queue shows the child beside the parent
     """

    accepted_at: datetime.datetime | None
    applicant_kind: str
    bundle_code: None | str
    certificate_id: None | str
    channel: str
    concluded_at: datetime.datetime | None
    deemed_accepted: bool
    delivered_at: datetime.datetime | None
    delivery_channel: None | str
    due_date: datetime.date | None
    extension_days: int
    handling_org: str
    id: str
    kind: str
    limit_days: int
    limit_unit: str
    matter_code: str
    matter_name: str
    matter_version: int
    national_code: int
    number: str
    outcome: None | str
    parent_id: None | str
    received_at: datetime.datetime
    received_by_org: str
    status: CasesCaseStatus
    status_label: str
    statutory_due_date: datetime.date | None
    subject_id: str
    subject_kind: str
    subject_label: str
    accepting_org: None | str | Unset = UNSET
    accepting_org_name: None | str | Unset = UNSET
    applicant_kind_label: str | Unset = ''
    applicant_name: None | str | Unset = UNSET
    applicant_name_masked: None | str | Unset = UNSET
    certificate_error: None | str | Unset = UNSET
    certificate_state: str | Unset = 'none'
    certificate_state_label: str | Unset = '无证照'
    channel_label: str | Unset = ''
    delivery_channel_label: None | str | Unset = UNSET
    delivery_ref: None | str | Unset = UNSET
    due_date_pending_reason: None | str | Unset = UNSET
    expected_due_date: datetime.date | None | Unset = UNSET
    expected_due_date_pending_reason: None | str | Unset = UNSET
    handling_org_name: None | str | Unset = UNSET
    kind_label: str | Unset = ''
    limit_unit_label: str | Unset = ''
    outcome_label: None | str | Unset = UNSET
    received_by_org_name: None | str | Unset = UNSET
    statutory_due_date_pending_reason: None | str | Unset = UNSET
    subject_name: None | str | Unset = UNSET
    subject_name_masked: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        accepted_at: None | str
        if isinstance(self.accepted_at, datetime.datetime):
            accepted_at = self.accepted_at.isoformat()
        else:
            accepted_at = self.accepted_at

        applicant_kind = self.applicant_kind

        bundle_code: None | str
        bundle_code = self.bundle_code

        certificate_id: None | str
        certificate_id = self.certificate_id

        channel = self.channel

        concluded_at: None | str
        if isinstance(self.concluded_at, datetime.datetime):
            concluded_at = self.concluded_at.isoformat()
        else:
            concluded_at = self.concluded_at

        deemed_accepted = self.deemed_accepted

        delivered_at: None | str
        if isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at

        delivery_channel: None | str
        delivery_channel = self.delivery_channel

        due_date: None | str
        if isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        extension_days = self.extension_days

        handling_org = self.handling_org

        id = self.id

        kind = self.kind

        limit_days = self.limit_days

        limit_unit = self.limit_unit

        matter_code = self.matter_code

        matter_name = self.matter_name

        matter_version = self.matter_version

        national_code = self.national_code

        number = self.number

        outcome: None | str
        outcome = self.outcome

        parent_id: None | str
        parent_id = self.parent_id

        received_at = self.received_at.isoformat()

        received_by_org = self.received_by_org

        status = self.status.value

        status_label = self.status_label

        statutory_due_date: None | str
        if isinstance(self.statutory_due_date, datetime.date):
            statutory_due_date = self.statutory_due_date.isoformat()
        else:
            statutory_due_date = self.statutory_due_date

        subject_id = self.subject_id

        subject_kind = self.subject_kind

        subject_label = self.subject_label

        accepting_org: None | str | Unset
        if isinstance(self.accepting_org, Unset):
            accepting_org = UNSET
        else:
            accepting_org = self.accepting_org

        accepting_org_name: None | str | Unset
        if isinstance(self.accepting_org_name, Unset):
            accepting_org_name = UNSET
        else:
            accepting_org_name = self.accepting_org_name

        applicant_kind_label = self.applicant_kind_label

        applicant_name: None | str | Unset
        if isinstance(self.applicant_name, Unset):
            applicant_name = UNSET
        else:
            applicant_name = self.applicant_name

        applicant_name_masked: None | str | Unset
        if isinstance(self.applicant_name_masked, Unset):
            applicant_name_masked = UNSET
        else:
            applicant_name_masked = self.applicant_name_masked

        certificate_error: None | str | Unset
        if isinstance(self.certificate_error, Unset):
            certificate_error = UNSET
        else:
            certificate_error = self.certificate_error

        certificate_state = self.certificate_state

        certificate_state_label = self.certificate_state_label

        channel_label = self.channel_label

        delivery_channel_label: None | str | Unset
        if isinstance(self.delivery_channel_label, Unset):
            delivery_channel_label = UNSET
        else:
            delivery_channel_label = self.delivery_channel_label

        delivery_ref: None | str | Unset
        if isinstance(self.delivery_ref, Unset):
            delivery_ref = UNSET
        else:
            delivery_ref = self.delivery_ref

        due_date_pending_reason: None | str | Unset
        if isinstance(self.due_date_pending_reason, Unset):
            due_date_pending_reason = UNSET
        else:
            due_date_pending_reason = self.due_date_pending_reason

        expected_due_date: None | str | Unset
        if isinstance(self.expected_due_date, Unset):
            expected_due_date = UNSET
        elif isinstance(self.expected_due_date, datetime.date):
            expected_due_date = self.expected_due_date.isoformat()
        else:
            expected_due_date = self.expected_due_date

        expected_due_date_pending_reason: None | str | Unset
        if isinstance(self.expected_due_date_pending_reason, Unset):
            expected_due_date_pending_reason = UNSET
        else:
            expected_due_date_pending_reason = self.expected_due_date_pending_reason

        handling_org_name: None | str | Unset
        if isinstance(self.handling_org_name, Unset):
            handling_org_name = UNSET
        else:
            handling_org_name = self.handling_org_name

        kind_label = self.kind_label

        limit_unit_label = self.limit_unit_label

        outcome_label: None | str | Unset
        if isinstance(self.outcome_label, Unset):
            outcome_label = UNSET
        else:
            outcome_label = self.outcome_label

        received_by_org_name: None | str | Unset
        if isinstance(self.received_by_org_name, Unset):
            received_by_org_name = UNSET
        else:
            received_by_org_name = self.received_by_org_name

        statutory_due_date_pending_reason: None | str | Unset
        if isinstance(self.statutory_due_date_pending_reason, Unset):
            statutory_due_date_pending_reason = UNSET
        else:
            statutory_due_date_pending_reason = self.statutory_due_date_pending_reason

        subject_name: None | str | Unset
        if isinstance(self.subject_name, Unset):
            subject_name = UNSET
        else:
            subject_name = self.subject_name

        subject_name_masked: None | str | Unset
        if isinstance(self.subject_name_masked, Unset):
            subject_name_masked = UNSET
        else:
            subject_name_masked = self.subject_name_masked


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accepted_at": accepted_at,
            "applicant_kind": applicant_kind,
            "bundle_code": bundle_code,
            "certificate_id": certificate_id,
            "channel": channel,
            "concluded_at": concluded_at,
            "deemed_accepted": deemed_accepted,
            "delivered_at": delivered_at,
            "delivery_channel": delivery_channel,
            "due_date": due_date,
            "extension_days": extension_days,
            "handling_org": handling_org,
            "id": id,
            "kind": kind,
            "limit_days": limit_days,
            "limit_unit": limit_unit,
            "matter_code": matter_code,
            "matter_name": matter_name,
            "matter_version": matter_version,
            "national_code": national_code,
            "number": number,
            "outcome": outcome,
            "parent_id": parent_id,
            "received_at": received_at,
            "received_by_org": received_by_org,
            "status": status,
            "status_label": status_label,
            "statutory_due_date": statutory_due_date,
            "subject_id": subject_id,
            "subject_kind": subject_kind,
            "subject_label": subject_label,
        })
        if accepting_org is not UNSET:
            field_dict["accepting_org"] = accepting_org
        if accepting_org_name is not UNSET:
            field_dict["accepting_org_name"] = accepting_org_name
        if applicant_kind_label is not UNSET:
            field_dict["applicant_kind_label"] = applicant_kind_label
        if applicant_name is not UNSET:
            field_dict["applicant_name"] = applicant_name
        if applicant_name_masked is not UNSET:
            field_dict["applicant_name_masked"] = applicant_name_masked
        if certificate_error is not UNSET:
            field_dict["certificate_error"] = certificate_error
        if certificate_state is not UNSET:
            field_dict["certificate_state"] = certificate_state
        if certificate_state_label is not UNSET:
            field_dict["certificate_state_label"] = certificate_state_label
        if channel_label is not UNSET:
            field_dict["channel_label"] = channel_label
        if delivery_channel_label is not UNSET:
            field_dict["delivery_channel_label"] = delivery_channel_label
        if delivery_ref is not UNSET:
            field_dict["delivery_ref"] = delivery_ref
        if due_date_pending_reason is not UNSET:
            field_dict["due_date_pending_reason"] = due_date_pending_reason
        if expected_due_date is not UNSET:
            field_dict["expected_due_date"] = expected_due_date
        if expected_due_date_pending_reason is not UNSET:
            field_dict["expected_due_date_pending_reason"] = expected_due_date_pending_reason
        if handling_org_name is not UNSET:
            field_dict["handling_org_name"] = handling_org_name
        if kind_label is not UNSET:
            field_dict["kind_label"] = kind_label
        if limit_unit_label is not UNSET:
            field_dict["limit_unit_label"] = limit_unit_label
        if outcome_label is not UNSET:
            field_dict["outcome_label"] = outcome_label
        if received_by_org_name is not UNSET:
            field_dict["received_by_org_name"] = received_by_org_name
        if statutory_due_date_pending_reason is not UNSET:
            field_dict["statutory_due_date_pending_reason"] = statutory_due_date_pending_reason
        if subject_name is not UNSET:
            field_dict["subject_name"] = subject_name
        if subject_name_masked is not UNSET:
            field_dict["subject_name_masked"] = subject_name_masked

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_accepted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                accepted_at_type_0 = datetime.datetime.fromisoformat(data)



                return accepted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        accepted_at = _parse_accepted_at(d.pop("accepted_at"))


        applicant_kind = d.pop("applicant_kind")

        def _parse_bundle_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        bundle_code = _parse_bundle_code(d.pop("bundle_code"))


        def _parse_certificate_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        certificate_id = _parse_certificate_id(d.pop("certificate_id"))


        channel = d.pop("channel")

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


        deemed_accepted = d.pop("deemed_accepted")

        def _parse_delivered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_at_type_0 = datetime.datetime.fromisoformat(data)



                return delivered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at"))


        def _parse_delivery_channel(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        delivery_channel = _parse_delivery_channel(d.pop("delivery_channel"))


        def _parse_due_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)



                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        due_date = _parse_due_date(d.pop("due_date"))


        extension_days = d.pop("extension_days")

        handling_org = d.pop("handling_org")

        id = d.pop("id")

        kind = d.pop("kind")

        limit_days = d.pop("limit_days")

        limit_unit = d.pop("limit_unit")

        matter_code = d.pop("matter_code")

        matter_name = d.pop("matter_name")

        matter_version = d.pop("matter_version")

        national_code = d.pop("national_code")

        number = d.pop("number")

        def _parse_outcome(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome = _parse_outcome(d.pop("outcome"))


        def _parse_parent_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        parent_id = _parse_parent_id(d.pop("parent_id"))


        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))




        received_by_org = d.pop("received_by_org")

        status = CasesCaseStatus(d.pop("status"))




        status_label = d.pop("status_label")

        def _parse_statutory_due_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                statutory_due_date_type_0 = datetime.date.fromisoformat(data)



                return statutory_due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        statutory_due_date = _parse_statutory_due_date(d.pop("statutory_due_date"))


        subject_id = d.pop("subject_id")

        subject_kind = d.pop("subject_kind")

        subject_label = d.pop("subject_label")

        def _parse_accepting_org(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        accepting_org = _parse_accepting_org(d.pop("accepting_org", UNSET))


        def _parse_accepting_org_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        accepting_org_name = _parse_accepting_org_name(d.pop("accepting_org_name", UNSET))


        applicant_kind_label = d.pop("applicant_kind_label", UNSET)

        def _parse_applicant_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        applicant_name = _parse_applicant_name(d.pop("applicant_name", UNSET))


        def _parse_applicant_name_masked(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        applicant_name_masked = _parse_applicant_name_masked(d.pop("applicant_name_masked", UNSET))


        def _parse_certificate_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        certificate_error = _parse_certificate_error(d.pop("certificate_error", UNSET))


        certificate_state = d.pop("certificate_state", UNSET)

        certificate_state_label = d.pop("certificate_state_label", UNSET)

        channel_label = d.pop("channel_label", UNSET)

        def _parse_delivery_channel_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        delivery_channel_label = _parse_delivery_channel_label(d.pop("delivery_channel_label", UNSET))


        def _parse_delivery_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        delivery_ref = _parse_delivery_ref(d.pop("delivery_ref", UNSET))


        def _parse_due_date_pending_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        due_date_pending_reason = _parse_due_date_pending_reason(d.pop("due_date_pending_reason", UNSET))


        def _parse_expected_due_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expected_due_date_type_0 = datetime.date.fromisoformat(data)



                return expected_due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        expected_due_date = _parse_expected_due_date(d.pop("expected_due_date", UNSET))


        def _parse_expected_due_date_pending_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        expected_due_date_pending_reason = _parse_expected_due_date_pending_reason(d.pop("expected_due_date_pending_reason", UNSET))


        def _parse_handling_org_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        handling_org_name = _parse_handling_org_name(d.pop("handling_org_name", UNSET))


        kind_label = d.pop("kind_label", UNSET)

        limit_unit_label = d.pop("limit_unit_label", UNSET)

        def _parse_outcome_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome_label = _parse_outcome_label(d.pop("outcome_label", UNSET))


        def _parse_received_by_org_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        received_by_org_name = _parse_received_by_org_name(d.pop("received_by_org_name", UNSET))


        def _parse_statutory_due_date_pending_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        statutory_due_date_pending_reason = _parse_statutory_due_date_pending_reason(d.pop("statutory_due_date_pending_reason", UNSET))


        def _parse_subject_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject_name = _parse_subject_name(d.pop("subject_name", UNSET))


        def _parse_subject_name_masked(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject_name_masked = _parse_subject_name_masked(d.pop("subject_name_masked", UNSET))


        cases_case_out = cls(
            accepted_at=accepted_at,
            applicant_kind=applicant_kind,
            bundle_code=bundle_code,
            certificate_id=certificate_id,
            channel=channel,
            concluded_at=concluded_at,
            deemed_accepted=deemed_accepted,
            delivered_at=delivered_at,
            delivery_channel=delivery_channel,
            due_date=due_date,
            extension_days=extension_days,
            handling_org=handling_org,
            id=id,
            kind=kind,
            limit_days=limit_days,
            limit_unit=limit_unit,
            matter_code=matter_code,
            matter_name=matter_name,
            matter_version=matter_version,
            national_code=national_code,
            number=number,
            outcome=outcome,
            parent_id=parent_id,
            received_at=received_at,
            received_by_org=received_by_org,
            status=status,
            status_label=status_label,
            statutory_due_date=statutory_due_date,
            subject_id=subject_id,
            subject_kind=subject_kind,
            subject_label=subject_label,
            accepting_org=accepting_org,
            accepting_org_name=accepting_org_name,
            applicant_kind_label=applicant_kind_label,
            applicant_name=applicant_name,
            applicant_name_masked=applicant_name_masked,
            certificate_error=certificate_error,
            certificate_state=certificate_state,
            certificate_state_label=certificate_state_label,
            channel_label=channel_label,
            delivery_channel_label=delivery_channel_label,
            delivery_ref=delivery_ref,
            due_date_pending_reason=due_date_pending_reason,
            expected_due_date=expected_due_date,
            expected_due_date_pending_reason=expected_due_date_pending_reason,
            handling_org_name=handling_org_name,
            kind_label=kind_label,
            limit_unit_label=limit_unit_label,
            outcome_label=outcome_label,
            received_by_org_name=received_by_org_name,
            statutory_due_date_pending_reason=statutory_due_date_pending_reason,
            subject_name=subject_name,
            subject_name_masked=subject_name_masked,
        )


        cases_case_out.additional_properties = d
        return cases_case_out

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
