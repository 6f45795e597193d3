from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="CasesYearOut")



@_attrs_define
class CasesYearOut:
    """ 
        Attributes:
            holidays (list[datetime.date]):
            makeup_workdays (list[datetime.date]):
            source (str):
            year (int):
     """

    holidays: list[datetime.date]
    makeup_workdays: list[datetime.date]
    source: str
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        holidays = []
        for holidays_item_data in self.holidays:
            holidays_item = holidays_item_data.isoformat()
            holidays.append(holidays_item)



        makeup_workdays = []
        for makeup_workdays_item_data in self.makeup_workdays:
            makeup_workdays_item = makeup_workdays_item_data.isoformat()
            makeup_workdays.append(makeup_workdays_item)



        source = self.source

        year = self.year


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "holidays": holidays,
            "makeup_workdays": makeup_workdays,
            "source": source,
            "year": year,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        holidays = []
        _holidays = d.pop("holidays")
        for holidays_item_data in (_holidays):
            holidays_item = datetime.date.fromisoformat(holidays_item_data)



            holidays.append(holidays_item)


        makeup_workdays = []
        _makeup_workdays = d.pop("makeup_workdays")
        for makeup_workdays_item_data in (_makeup_workdays):
            makeup_workdays_item = datetime.date.fromisoformat(makeup_workdays_item_data)



            makeup_workdays.append(makeup_workdays_item)


        source = d.pop("source")

        year = d.pop("year")

        cases_year_out = cls(
            holidays=holidays,
            makeup_workdays=makeup_workdays,
            source=source,
            year=year,
        )


        cases_year_out.additional_properties = d
        return cases_year_out

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
