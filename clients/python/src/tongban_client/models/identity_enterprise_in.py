from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="IdentityEnterpriseIn")



@_attrs_define
class IdentityEnterpriseIn:
    """ 
        Attributes:
            credit_code (str): 统一社会信用代码 (GB 32100-2015)
            name (None | str | Unset): ignored: the enterprise's name is the market-regulation register's
     """

    credit_code: str
    name: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        credit_code = self.credit_code

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "credit_code": credit_code,
        })
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        credit_code = d.pop("credit_code")

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        identity_enterprise_in = cls(
            credit_code=credit_code,
            name=name,
        )

        return identity_enterprise_in

