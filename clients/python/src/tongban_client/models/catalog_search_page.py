from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.catalog_search_hit import CatalogSearchHit
  from ..models.catalog_search_page_facets import CatalogSearchPageFacets





T = TypeVar("T", bound="CatalogSearchPage")



@_attrs_define
class CatalogSearchPage:
    """ 
        Attributes:
            expanded (bool): synonyms widened the query (同义词扩展)
            facets (CatalogSearchPageFacets): department, level, audience, type, online_depth, zero_visits, bundle: value
                counts
            items (list[CatalogSearchHit]):
            limit (int):
            offset (int):
            total (int):
     """

    expanded: bool
    facets: CatalogSearchPageFacets
    items: list[CatalogSearchHit]
    limit: int
    offset: int
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.catalog_search_hit import CatalogSearchHit # noqa: PLC0415
        from ..models.catalog_search_page_facets import CatalogSearchPageFacets # noqa: PLC0415
        expanded = self.expanded

        facets = self.facets.to_dict()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        limit = self.limit

        offset = self.offset

        total = self.total


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "expanded": expanded,
            "facets": facets,
            "items": items,
            "limit": limit,
            "offset": offset,
            "total": total,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.catalog_search_hit import CatalogSearchHit # noqa: PLC0415
        from ..models.catalog_search_page_facets import CatalogSearchPageFacets # noqa: PLC0415
        d = dict(src_dict)
        expanded = d.pop("expanded")

        facets = CatalogSearchPageFacets.from_dict(d.pop("facets"))




        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = CatalogSearchHit.from_dict(items_item_data)



            items.append(items_item)


        limit = d.pop("limit")

        offset = d.pop("offset")

        total = d.pop("total")

        catalog_search_page = cls(
            expanded=expanded,
            facets=facets,
            items=items,
            limit=limit,
            offset=offset,
            total=total,
        )


        catalog_search_page.additional_properties = d
        return catalog_search_page

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
