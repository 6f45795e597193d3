from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="IdentityBodyCodeLogin")



@_attrs_define
class IdentityBodyCodeLogin:
    """ 
        Attributes:
            code (str):
            login (str):
            pending (str):
            credit_code (None | str | Unset):
     """

    code: str
    login: str
    pending: str
    credit_code: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        code = self.code

        login = self.login

        pending = self.pending

        credit_code: None | str | Unset
        if isinstance(self.credit_code, Unset):
            credit_code = UNSET
        else:
            credit_code = self.credit_code


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "login": login,
            "pending": pending,
        })
        if credit_code is not UNSET:
            field_dict["credit_code"] = credit_code

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        login = d.pop("login")

        pending = d.pop("pending")

        def _parse_credit_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        credit_code = _parse_credit_code(d.pop("credit_code", UNSET))


        identity_body_code_login = cls(
            code=code,
            login=login,
            pending=pending,
            credit_code=credit_code,
        )


        identity_body_code_login.additional_properties = d
        return identity_body_code_login

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
