from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="CasesRaterStepOut")



@_attrs_define
class CasesRaterStepOut:
    """ 
        Attributes:
            at (datetime.datetime):
            note (str): what the department did and said at this step
            step (str): called_back | verified | rectified | closed
            step_label (str): 回访, 核实, 整改 or 反馈
     """

    at: datetime.datetime
    note: str
    step: str
    step_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        note = self.note

        step = self.step

        step_label = self.step_label


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "at": at,
            "note": note,
            "step": step,
            "step_label": step_label,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))




        note = d.pop("note")

        step = d.pop("step")

        step_label = d.pop("step_label")

        cases_rater_step_out = cls(
            at=at,
            note=note,
            step=step,
            step_label=step_label,
        )


        cases_rater_step_out.additional_properties = d
        return cases_rater_step_out

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
