from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.catalog_matter_outcome_out_outcome import CatalogMatterOutcomeOutOutcome






T = TypeVar("T", bound="CatalogMatterOutcomeOut")



@_attrs_define
class CatalogMatterOutcomeOut:
    """ 
        Attributes:
            code (str):
            outcome (CatalogMatterOutcomeOutOutcome): created: a new draft version (新草稿); updated: its open draft changed
                (更新草稿); published (已发布); unchanged: the catalog already says what the row says (未变化: no version, no event)
            row (int): the matter's first row in the sheet
            version (int):
     """

    code: str
    outcome: CatalogMatterOutcomeOutOutcome
    row: int
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        code = self.code

        outcome = self.outcome.value

        row = self.row

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "outcome": outcome,
            "row": row,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        outcome = CatalogMatterOutcomeOutOutcome(d.pop("outcome"))




        row = d.pop("row")

        version = d.pop("version")

        catalog_matter_outcome_out = cls(
            code=code,
            outcome=outcome,
            row=row,
            version=version,
        )


        catalog_matter_outcome_out.additional_properties = d
        return catalog_matter_outcome_out

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
