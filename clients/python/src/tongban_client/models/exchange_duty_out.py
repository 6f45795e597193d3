from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="ExchangeDutyOut")



@_attrs_define
class ExchangeDutyOut:
    """ 
        Attributes:
            code (str):
            member_code (str): the member whose duty it is (履职部门)
            name (str):
            registered_by (str):
            statute (str): the law and article cited (法律依据)
            valid_from (datetime.date):
            active (bool | Unset):  Default: True.
            allows_hiding (bool | Unset): reads under it may be hidden from their subject Default: False.
            max_hidden_days (int | Unset):  Default: 0.
            resources (list[str] | Unset): resource codes it covers; empty: every resource
            valid_to (datetime.date | None | Unset):
     """

    code: str
    member_code: str
    name: str
    registered_by: str
    statute: str
    valid_from: datetime.date
    active: bool | Unset = True
    allows_hiding: bool | Unset = False
    max_hidden_days: int | Unset = 0
    resources: list[str] | Unset = UNSET
    valid_to: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        code = self.code

        member_code = self.member_code

        name = self.name

        registered_by = self.registered_by

        statute = self.statute

        valid_from = self.valid_from.isoformat()

        active = self.active

        allows_hiding = self.allows_hiding

        max_hidden_days = self.max_hidden_days

        resources: list[str] | Unset = UNSET
        if not isinstance(self.resources, Unset):
            resources = self.resources



        valid_to: None | str | Unset
        if isinstance(self.valid_to, Unset):
            valid_to = UNSET
        elif isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "member_code": member_code,
            "name": name,
            "registered_by": registered_by,
            "statute": statute,
            "valid_from": valid_from,
        })
        if active is not UNSET:
            field_dict["active"] = active
        if allows_hiding is not UNSET:
            field_dict["allows_hiding"] = allows_hiding
        if max_hidden_days is not UNSET:
            field_dict["max_hidden_days"] = max_hidden_days
        if resources is not UNSET:
            field_dict["resources"] = resources
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        member_code = d.pop("member_code")

        name = d.pop("name")

        registered_by = d.pop("registered_by")

        statute = d.pop("statute")

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))




        active = d.pop("active", UNSET)

        allows_hiding = d.pop("allows_hiding", UNSET)

        max_hidden_days = d.pop("max_hidden_days", UNSET)

        resources = cast(list[str], d.pop("resources", UNSET))


        def _parse_valid_to(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_to_type_0 = datetime.date.fromisoformat(data)



                return valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_to = _parse_valid_to(d.pop("valid_to", UNSET))


        exchange_duty_out = cls(
            code=code,
            member_code=member_code,
            name=name,
            registered_by=registered_by,
            statute=statute,
            valid_from=valid_from,
            active=active,
            allows_hiding=allows_hiding,
            max_hidden_days=max_hidden_days,
            resources=resources,
            valid_to=valid_to,
        )


        exchange_duty_out.additional_properties = d
        return exchange_duty_out

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
