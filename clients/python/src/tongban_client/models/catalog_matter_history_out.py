from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.catalog_history_entry_out import CatalogHistoryEntryOut
  from ..models.catalog_version_out import CatalogVersionOut





T = TypeVar("T", bound="CatalogMatterHistoryOut")



@_attrs_define
class CatalogMatterHistoryOut:
    """ 
        Attributes:
            code (str):
            entries (list[CatalogHistoryEntryOut]):
            versions (list[CatalogVersionOut]):
     """

    code: str
    entries: list[CatalogHistoryEntryOut]
    versions: list[CatalogVersionOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.catalog_history_entry_out import CatalogHistoryEntryOut # noqa: PLC0415
        from ..models.catalog_version_out import CatalogVersionOut # noqa: PLC0415
        code = self.code

        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)



        versions = []
        for versions_item_data in self.versions:
            versions_item = versions_item_data.to_dict()
            versions.append(versions_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "entries": entries,
            "versions": versions,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.catalog_history_entry_out import CatalogHistoryEntryOut # noqa: PLC0415
        from ..models.catalog_version_out import CatalogVersionOut # noqa: PLC0415
        d = dict(src_dict)
        code = d.pop("code")

        entries = []
        _entries = d.pop("entries")
        for entries_item_data in (_entries):
            entries_item = CatalogHistoryEntryOut.from_dict(entries_item_data)



            entries.append(entries_item)


        versions = []
        _versions = d.pop("versions")
        for versions_item_data in (_versions):
            versions_item = CatalogVersionOut.from_dict(versions_item_data)



            versions.append(versions_item)


        catalog_matter_history_out = cls(
            code=code,
            entries=entries,
            versions=versions,
        )


        catalog_matter_history_out.additional_properties = d
        return catalog_matter_history_out

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
