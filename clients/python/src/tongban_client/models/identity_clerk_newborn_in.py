from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.identity_clerk_newborn_in_sex import IdentityClerkNewbornInSex
from typing import cast
import datetime






T = TypeVar("T", bound="IdentityClerkNewbornIn")



@_attrs_define
class IdentityClerkNewbornIn:
    """ 
        Attributes:
            birth_date (datetime.date): 出生日期 (within the last three years)
            guardian_id (str): identity's id of the guardian (监护人), a parent
            name (str): 姓名
            sex (IdentityClerkNewbornInSex): 性别: male 男 | female 女
     """

    birth_date: datetime.date
    guardian_id: str
    name: str
    sex: IdentityClerkNewbornInSex





    def to_dict(self) -> dict[str, Any]:
        birth_date = self.birth_date.isoformat()

        guardian_id = self.guardian_id

        name = self.name

        sex = self.sex.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "birth_date": birth_date,
            "guardian_id": guardian_id,
            "name": name,
            "sex": sex,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        birth_date = datetime.date.fromisoformat(d.pop("birth_date"))




        guardian_id = d.pop("guardian_id")

        name = d.pop("name")

        sex = IdentityClerkNewbornInSex(d.pop("sex"))




        identity_clerk_newborn_in = cls(
            birth_date=birth_date,
            guardian_id=guardian_id,
            name=name,
            sex=sex,
        )

        return identity_clerk_newborn_in

