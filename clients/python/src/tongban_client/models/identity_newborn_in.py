from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.identity_newborn_in_sex import IdentityNewbornInSex
from typing import cast
import datetime






T = TypeVar("T", bound="IdentityNewbornIn")



@_attrs_define
class IdentityNewbornIn:
    """ 
        Attributes:
            birth_date (datetime.date): 出生日期 (within the last three years)
            name (str): 姓名
            sex (IdentityNewbornInSex): 性别: male 男 | female 女
     """

    birth_date: datetime.date
    name: str
    sex: IdentityNewbornInSex





    def to_dict(self) -> dict[str, Any]:
        birth_date = self.birth_date.isoformat()

        name = self.name

        sex = self.sex.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "birth_date": birth_date,
            "name": name,
            "sex": sex,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        birth_date = datetime.date.fromisoformat(d.pop("birth_date"))




        name = d.pop("name")

        sex = IdentityNewbornInSex(d.pop("sex"))




        identity_newborn_in = cls(
            birth_date=birth_date,
            name=name,
            sex=sex,
        )

        return identity_newborn_in

