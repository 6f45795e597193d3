from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="IdentityPersonIn")



@_attrs_define
class IdentityPersonIn:
    """ 
        Attributes:
            id_number (str): 公民身份号码 (resident ID, GB 11643-1999)
            name (str): 姓名
            password (None | str | Unset): 8+ characters, letters and digits; optional only at a window
            phone (None | str | Unset): 联系电话: a mobile (手机号码; online: required, proven by `phone_code`) or, at a window, a
                landline with its area code (固定电话, e.g. 023-48621234) for a person without a mobile — never sent codes or
                notices
            phone_code (None | str | Unset): 短信验证码 from `POST /persons/phone-codes` for this phone (online registration)
     """

    id_number: str
    name: str
    password: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    phone_code: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id_number = self.id_number

        name = self.name

        password: None | str | Unset
        if isinstance(self.password, Unset):
            password = UNSET
        else:
            password = self.password

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        phone_code: None | str | Unset
        if isinstance(self.phone_code, Unset):
            phone_code = UNSET
        else:
            phone_code = self.phone_code


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id_number": id_number,
            "name": name,
        })
        if password is not UNSET:
            field_dict["password"] = password
        if phone is not UNSET:
            field_dict["phone"] = phone
        if phone_code is not UNSET:
            field_dict["phone_code"] = phone_code

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id_number = d.pop("id_number")

        name = d.pop("name")

        def _parse_password(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        password = _parse_password(d.pop("password", UNSET))


        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))


        def _parse_phone_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone_code = _parse_phone_code(d.pop("phone_code", UNSET))


        identity_person_in = cls(
            id_number=id_number,
            name=name,
            password=password,
            phone=phone,
            phone_code=phone_code,
        )

        return identity_person_in

