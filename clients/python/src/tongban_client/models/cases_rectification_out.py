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
            records (list[CasesRectificationOutRecordsItem]): each step: step, step_label, at, by, note
            status (str):
            department_name (None | str | Unset): the department's name, from identity
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
    department_name: None | str | Unset = UNSET
    status_label: str | Unset = ''
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
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

        department_name: None | str | Unset
        if isinstance(self.department_name, Unset):
            department_name = UNSET
        else:
            department_name = self.department_name

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
        if department_name is not UNSET:
            field_dict["department_name"] = department_name
        if status_label is not UNSET:
            field_dict["status_label"] = status_label

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
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

        def _parse_department_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        department_name = _parse_department_name(d.pop("department_name", UNSET))


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
            department_name=department_name,
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
