from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="CasesYearIn")



@_attrs_define
class CasesYearIn:
    """ 
        Attributes:
            source (str): the notice, e.g. 国办发明电〔2026〕N号
            holidays (list[datetime.date] | Unset): weekdays off (法定节假日 and the weekdays of holiday weeks)
            makeup_workdays (list[datetime.date] | Unset): weekend days worked (调休上班)
     """

    source: str
    holidays: list[datetime.date] | Unset = UNSET
    makeup_workdays: list[datetime.date] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        source = self.source

        holidays: list[str] | Unset = UNSET
        if not isinstance(self.holidays, Unset):
            holidays = []
            for holidays_item_data in self.holidays:
                holidays_item = holidays_item_data.isoformat()
                holidays.append(holidays_item)



        makeup_workdays: list[str] | Unset = UNSET
        if not isinstance(self.makeup_workdays, Unset):
            makeup_workdays = []
            for makeup_workdays_item_data in self.makeup_workdays:
                makeup_workdays_item = makeup_workdays_item_data.isoformat()
                makeup_workdays.append(makeup_workdays_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "source": source,
        })
        if holidays is not UNSET:
            field_dict["holidays"] = holidays
        if makeup_workdays is not UNSET:
            field_dict["makeup_workdays"] = makeup_workdays

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source = d.pop("source")

        _holidays = d.pop("holidays", UNSET)
        holidays: list[datetime.date] | Unset = UNSET
        if _holidays is not UNSET:
            holidays = []
            for holidays_item_data in _holidays:
                holidays_item = datetime.date.fromisoformat(holidays_item_data)



                holidays.append(holidays_item)


        _makeup_workdays = d.pop("makeup_workdays", UNSET)
        makeup_workdays: list[datetime.date] | Unset = UNSET
        if _makeup_workdays is not UNSET:
            makeup_workdays = []
            for makeup_workdays_item_data in _makeup_workdays:
                makeup_workdays_item = datetime.date.fromisoformat(makeup_workdays_item_data)



                makeup_workdays.append(makeup_workdays_item)


        cases_year_in = cls(
            source=source,
            holidays=holidays,
            makeup_workdays=makeup_workdays,
        )

        return cases_year_in

