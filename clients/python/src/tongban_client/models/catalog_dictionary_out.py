from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.catalog_dictionary_entry_out import CatalogDictionaryEntryOut





T = TypeVar("T", bound="CatalogDictionaryOut")



@_attrs_define
class CatalogDictionaryOut:
    """ 
        Attributes:
            editable (bool):
            entries (list[CatalogDictionaryEntryOut]):
            label (str):
            name (str):
     """

    editable: bool
    entries: list[CatalogDictionaryEntryOut]
    label: str
    name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.catalog_dictionary_entry_out import CatalogDictionaryEntryOut # noqa: PLC0415
        editable = self.editable

        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)



        label = self.label

        name = self.name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "editable": editable,
            "entries": entries,
            "label": label,
            "name": name,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.catalog_dictionary_entry_out import CatalogDictionaryEntryOut # noqa: PLC0415
        d = dict(src_dict)
        editable = d.pop("editable")

        entries = []
        _entries = d.pop("entries")
        for entries_item_data in (_entries):
            entries_item = CatalogDictionaryEntryOut.from_dict(entries_item_data)



            entries.append(entries_item)


        label = d.pop("label")

        name = d.pop("name")

        catalog_dictionary_out = cls(
            editable=editable,
            entries=entries,
            label=label,
            name=name,
        )


        catalog_dictionary_out.additional_properties = d
        return catalog_dictionary_out

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
