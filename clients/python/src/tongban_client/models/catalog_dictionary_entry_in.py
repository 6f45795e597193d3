from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="CatalogDictionaryEntryIn")



@_attrs_define
class CatalogDictionaryEntryIn:
    """ 
        Attributes:
            label (str): Chinese label (名称)
            active (bool | Unset):  Default: True.
     """

    label: str
    active: bool | Unset = True





    def to_dict(self) -> dict[str, Any]:
        label = self.label

        active = self.active


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "label": label,
        })
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        label = d.pop("label")

        active = d.pop("active", UNSET)

        catalog_dictionary_entry_in = cls(
            label=label,
            active=active,
        )

        return catalog_dictionary_entry_in

