from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="CatalogImportCountsOut")



@_attrs_define
class CatalogImportCountsOut:
    """ 
        Attributes:
            created (int):
            published (int):
            rejected (int): matters not applied (未导入)
            unchanged (int):
            updated (int):
     """

    created: int
    published: int
    rejected: int
    unchanged: int
    updated: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created = self.created

        published = self.published

        rejected = self.rejected

        unchanged = self.unchanged

        updated = self.updated


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created": created,
            "published": published,
            "rejected": rejected,
            "unchanged": unchanged,
            "updated": updated,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created = d.pop("created")

        published = d.pop("published")

        rejected = d.pop("rejected")

        unchanged = d.pop("unchanged")

        updated = d.pop("updated")

        catalog_import_counts_out = cls(
            created=created,
            published=published,
            rejected=rejected,
            unchanged=unchanged,
            updated=updated,
        )


        catalog_import_counts_out.additional_properties = d
        return catalog_import_counts_out

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
