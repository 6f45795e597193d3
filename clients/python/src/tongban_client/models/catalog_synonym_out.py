from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="CatalogSynonymOut")



@_attrs_define
class CatalogSynonymOut:
    """ 
        Attributes:
            expansions (list[str]):
            term (str):
            updated_at (datetime.datetime):
            updated_by (str):
     """

    expansions: list[str]
    term: str
    updated_at: datetime.datetime
    updated_by: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        expansions = self.expansions



        term = self.term

        updated_at = self.updated_at.isoformat()

        updated_by = self.updated_by


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "expansions": expansions,
            "term": term,
            "updated_at": updated_at,
            "updated_by": updated_by,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expansions = cast(list[str], d.pop("expansions"))


        term = d.pop("term")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        updated_by = d.pop("updated_by")

        catalog_synonym_out = cls(
            expansions=expansions,
            term=term,
            updated_at=updated_at,
            updated_by=updated_by,
        )


        catalog_synonym_out.additional_properties = d
        return catalog_synonym_out

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
