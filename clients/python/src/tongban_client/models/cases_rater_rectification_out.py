from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.cases_rater_step_out import CasesRaterStepOut





T = TypeVar("T", bound="CasesRaterRectificationOut")



@_attrs_define
class CasesRaterRectificationOut:
    """ The rectification of a bad rating as the rater sees it: its steps and feedback, not who recorded them.

        Attributes:
            closed_at (datetime.datetime | None):
            due_date (datetime.date | None):
            rater_label (None | str):
            rater_score (int | None): the rater's rating of the rectification, once given
            status (str):
            status_label (str): 待回访, 已回访, 已核实, 已整改 or 已反馈
            steps (list[CasesRaterStepOut]):
     """

    closed_at: datetime.datetime | None
    due_date: datetime.date | None
    rater_label: None | str
    rater_score: int | None
    status: str
    status_label: str
    steps: list[CasesRaterStepOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.cases_rater_step_out import CasesRaterStepOut # noqa: PLC0415
        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        due_date: None | str
        if isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        rater_label: None | str
        rater_label = self.rater_label

        rater_score: int | None
        rater_score = self.rater_score

        status = self.status

        status_label = self.status_label

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "closed_at": closed_at,
            "due_date": due_date,
            "rater_label": rater_label,
            "rater_score": rater_score,
            "status": status,
            "status_label": status_label,
            "steps": steps,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cases_rater_step_out import CasesRaterStepOut # noqa: PLC0415
        d = dict(src_dict)
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


        def _parse_rater_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rater_label = _parse_rater_label(d.pop("rater_label"))


        def _parse_rater_score(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        rater_score = _parse_rater_score(d.pop("rater_score"))


        status = d.pop("status")

        status_label = d.pop("status_label")

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in (_steps):
            steps_item = CasesRaterStepOut.from_dict(steps_item_data)



            steps.append(steps_item)


        cases_rater_rectification_out = cls(
            closed_at=closed_at,
            due_date=due_date,
            rater_label=rater_label,
            rater_score=rater_score,
            status=status,
            status_label=status_label,
            steps=steps,
        )


        cases_rater_rectification_out.additional_properties = d
        return cases_rater_rectification_out

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
