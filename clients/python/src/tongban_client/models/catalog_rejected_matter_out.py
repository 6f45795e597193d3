from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="CatalogRejectedMatterOut")



@_attrs_define
class CatalogRejectedMatterOut:
    """ 
        Attributes:
            code (str): 实施编码, or 第N行 when the row has none
            held_back (bool): true: the matter has no error of its own and was held back because the all-or-nothing import
                had errors elsewhere (未导入：同批次有错误); false: its problems are in `errors`
            reason (str): why it was not applied (未导入原因), in Chinese
            rows (list[int]): its rows in the sheet
     """

    code: str
    held_back: bool
    reason: str
    rows: list[int]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        code = self.code

        held_back = self.held_back

        reason = self.reason

        rows = self.rows




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "held_back": held_back,
            "reason": reason,
            "rows": rows,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        held_back = d.pop("held_back")

        reason = d.pop("reason")

        rows = cast(list[int], d.pop("rows"))


        catalog_rejected_matter_out = cls(
            code=code,
            held_back=held_back,
            reason=reason,
            rows=rows,
        )


        catalog_rejected_matter_out.additional_properties = d
        return catalog_rejected_matter_out

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
