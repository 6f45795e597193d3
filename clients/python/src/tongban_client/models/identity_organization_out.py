from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="IdentityOrganizationOut")



@_attrs_define
class IdentityOrganizationOut:
    """ 
        Attributes:
            code (str):
            credit_code (None | str):
            division_code (str):
            kind (str):
            name (str):
            parent_code (None | str):
            valid_from (datetime.date):
            valid_to (datetime.date | None):
     """

    code: str
    credit_code: None | str
    division_code: str
    kind: str
    name: str
    parent_code: None | str
    valid_from: datetime.date
    valid_to: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        code = self.code

        credit_code: None | str
        credit_code = self.credit_code

        division_code = self.division_code

        kind = self.kind

        name = self.name

        parent_code: None | str
        parent_code = self.parent_code

        valid_from = self.valid_from.isoformat()

        valid_to: None | str
        if isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "credit_code": credit_code,
            "division_code": division_code,
            "kind": kind,
            "name": name,
            "parent_code": parent_code,
            "valid_from": valid_from,
            "valid_to": valid_to,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        def _parse_credit_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        credit_code = _parse_credit_code(d.pop("credit_code"))


        division_code = d.pop("division_code")

        kind = d.pop("kind")

        name = d.pop("name")

        def _parse_parent_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        parent_code = _parse_parent_code(d.pop("parent_code"))


        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))




        def _parse_valid_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_to_type_0 = datetime.date.fromisoformat(data)



                return valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        valid_to = _parse_valid_to(d.pop("valid_to"))


        identity_organization_out = cls(
            code=code,
            credit_code=credit_code,
            division_code=division_code,
            kind=kind,
            name=name,
            parent_code=parent_code,
            valid_from=valid_from,
            valid_to=valid_to,
        )


        identity_organization_out.additional_properties = d
        return identity_organization_out

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
