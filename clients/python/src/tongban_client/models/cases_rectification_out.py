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
  from ..models.cases_department_out import CasesDepartmentOut
  from ..models.cases_rectification_out_records_item import CasesRectificationOutRecordsItem





T = TypeVar("T", bound="CasesRectificationOut")



@_attrs_define
class CasesRectificationOut:
    """ 
        Attributes:
            callback_required (bool):
            case_id (str):
            closed_at (datetime.datetime | None):
            department (str):
            due_date (datetime.date | None):
            id (str):
            opened_at (datetime.datetime):
            records (list[CasesRectificationOutRecordsItem]): each step: step, step_label, at, by (staff id), by_name (that
                staff member's name, from identity), department (who recorded it), note
            status (str):
            case_number (None | str | Unset): 办件编号 of the rated case
            comment (None | str | Unset): what the rater wrote, as she wrote it (ID numbers and phones in it masked); the
                rater's identity is not shown
            concerned (list[CasesDepartmentOut] | Unset): the departments the complaint concerns (a 一件事: each member
                department that did not approve, else all): they record the steps with the coordinating `department`
            department_name (None | str | Unset): the department's name, from identity
            involved (list[CasesDepartmentOut] | Unset): every department that sees the task and the rating (a 一件事: the lead
                and each member's)
            matter_name (None | str | Unset): the rated case's matter (事项名称)
            rated_at (datetime.datetime | None | Unset):
            score (int | None | Unset): the rating that opened the task, 1 or 2
            score_label (None | str | Unset): 不满意 or 非常不满意
            status_label (str | Unset): 待回访, 已回访, 已核实, 已整改 or 已反馈 Default: ''.
     """

    callback_required: bool
    case_id: str
    closed_at: datetime.datetime | None
    department: str
    due_date: datetime.date | None
    id: str
    opened_at: datetime.datetime
    records: list[CasesRectificationOutRecordsItem]
    status: str
    case_number: None | str | Unset = UNSET
    comment: None | str | Unset = UNSET
    concerned: list[CasesDepartmentOut] | Unset = UNSET
    department_name: None | str | Unset = UNSET
    involved: list[CasesDepartmentOut] | Unset = UNSET
    matter_name: None | str | Unset = UNSET
    rated_at: datetime.datetime | None | Unset = UNSET
    score: int | None | Unset = UNSET
    score_label: None | str | Unset = UNSET
    status_label: str | Unset = ''
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.cases_department_out import CasesDepartmentOut # noqa: PLC0415
        from ..models.cases_rectification_out_records_item import CasesRectificationOutRecordsItem # noqa: PLC0415
        callback_required = self.callback_required

        case_id = self.case_id

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        department = self.department

        due_date: None | str
        if isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        id = self.id

        opened_at = self.opened_at.isoformat()

        records = []
        for records_item_data in self.records:
            records_item = records_item_data.to_dict()
            records.append(records_item)



        status = self.status

        case_number: None | str | Unset
        if isinstance(self.case_number, Unset):
            case_number = UNSET
        else:
            case_number = self.case_number

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        concerned: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.concerned, Unset):
            concerned = []
            for concerned_item_data in self.concerned:
                concerned_item = concerned_item_data.to_dict()
                concerned.append(concerned_item)



        department_name: None | str | Unset
        if isinstance(self.department_name, Unset):
            department_name = UNSET
        else:
            department_name = self.department_name

        involved: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.involved, Unset):
            involved = []
            for involved_item_data in self.involved:
                involved_item = involved_item_data.to_dict()
                involved.append(involved_item)



        matter_name: None | str | Unset
        if isinstance(self.matter_name, Unset):
            matter_name = UNSET
        else:
            matter_name = self.matter_name

        rated_at: None | str | Unset
        if isinstance(self.rated_at, Unset):
            rated_at = UNSET
        elif isinstance(self.rated_at, datetime.datetime):
            rated_at = self.rated_at.isoformat()
        else:
            rated_at = self.rated_at

        score: int | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        score_label: None | str | Unset
        if isinstance(self.score_label, Unset):
            score_label = UNSET
        else:
            score_label = self.score_label

        status_label = self.status_label


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "callback_required": callback_required,
            "case_id": case_id,
            "closed_at": closed_at,
            "department": department,
            "due_date": due_date,
            "id": id,
            "opened_at": opened_at,
            "records": records,
            "status": status,
        })
        if case_number is not UNSET:
            field_dict["case_number"] = case_number
        if comment is not UNSET:
            field_dict["comment"] = comment
        if concerned is not UNSET:
            field_dict["concerned"] = concerned
        if department_name is not UNSET:
            field_dict["department_name"] = department_name
        if involved is not UNSET:
            field_dict["involved"] = involved
        if matter_name is not UNSET:
            field_dict["matter_name"] = matter_name
        if rated_at is not UNSET:
            field_dict["rated_at"] = rated_at
        if score is not UNSET:
            field_dict["score"] = score
        if score_label is not UNSET:
            field_dict["score_label"] = score_label
        if status_label is not UNSET:
            field_dict["status_label"] = status_label

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cases_department_out import CasesDepartmentOut # noqa: PLC0415
        from ..models.cases_rectification_out_records_item import CasesRectificationOutRecordsItem # noqa: PLC0415
        d = dict(src_dict)
        callback_required = d.pop("callback_required")

        case_id = d.pop("case_id")

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)



                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))


        department = d.pop("department")

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


        id = d.pop("id")

        opened_at = datetime.datetime.fromisoformat(d.pop("opened_at"))




        records = []
        _records = d.pop("records")
        for records_item_data in (_records):
            records_item = CasesRectificationOutRecordsItem.from_dict(records_item_data)



            records.append(records_item)


        status = d.pop("status")

        def _parse_case_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        case_number = _parse_case_number(d.pop("case_number", UNSET))


        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))


        _concerned = d.pop("concerned", UNSET)
        concerned: list[CasesDepartmentOut] | Unset = UNSET
        if _concerned is not UNSET:
            concerned = []
            for concerned_item_data in _concerned:
                concerned_item = CasesDepartmentOut.from_dict(concerned_item_data)



                concerned.append(concerned_item)


        def _parse_department_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        department_name = _parse_department_name(d.pop("department_name", UNSET))


        _involved = d.pop("involved", UNSET)
        involved: list[CasesDepartmentOut] | Unset = UNSET
        if _involved is not UNSET:
            involved = []
            for involved_item_data in _involved:
                involved_item = CasesDepartmentOut.from_dict(involved_item_data)



                involved.append(involved_item)


        def _parse_matter_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        matter_name = _parse_matter_name(d.pop("matter_name", UNSET))


        def _parse_rated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rated_at_type_0 = datetime.datetime.fromisoformat(data)



                return rated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        rated_at = _parse_rated_at(d.pop("rated_at", UNSET))


        def _parse_score(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))


        def _parse_score_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        score_label = _parse_score_label(d.pop("score_label", UNSET))


        status_label = d.pop("status_label", UNSET)

        cases_rectification_out = cls(
            callback_required=callback_required,
            case_id=case_id,
            closed_at=closed_at,
            department=department,
            due_date=due_date,
            id=id,
            opened_at=opened_at,
            records=records,
            status=status,
            case_number=case_number,
            comment=comment,
            concerned=concerned,
            department_name=department_name,
            involved=involved,
            matter_name=matter_name,
            rated_at=rated_at,
            score=score,
            score_label=score_label,
            status_label=status_label,
        )


        cases_rectification_out.additional_properties = d
        return cases_rectification_out

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
