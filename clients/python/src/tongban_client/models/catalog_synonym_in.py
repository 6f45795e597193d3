from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="CatalogSynonymIn")



@_attrs_define
class CatalogSynonymIn:
    """ 
        Attributes:
            expansions (list[str]): what the term means in the catalog, e.g. 食品经营许可
     """

    expansions: list[str]





    def to_dict(self) -> dict[str, Any]:
        expansions = self.expansions




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "expansions": expansions,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expansions = cast(list[str], d.pop("expansions"))


        catalog_synonym_in = cls(
            expansions=expansions,
        )

        return catalog_synonym_in

