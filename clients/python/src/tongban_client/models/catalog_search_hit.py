from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="CatalogSearchHit")



@_attrs_define
class CatalogSearchHit:
    """ 
        Attributes:
            code (str):
            department_code (str):
            department_name (str):
            kind (str): matter 事项 | bundle 一件事
            levels (list[str]):
            matter_type (None | str):
            name (str):
            score (float): relevance, higher first
            summary (str):
            version (int):
            zero_visits (bool):
     """

    code: str
    department_code: str
    department_name: str
    kind: str
    levels: list[str]
    matter_type: None | str
    name: str
    score: float
    summary: str
    version: int
    zero_visits: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        code = self.code

        department_code = self.department_code

        department_name = self.department_name

        kind = self.kind

        levels = self.levels



        matter_type: None | str
        matter_type = self.matter_type

        name = self.name

        score = self.score

        summary = self.summary

        version = self.version

        zero_visits = self.zero_visits


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "department_code": department_code,
            "department_name": department_name,
            "kind": kind,
            "levels": levels,
            "matter_type": matter_type,
            "name": name,
            "score": score,
            "summary": summary,
            "version": version,
            "zero_visits": zero_visits,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        department_code = d.pop("department_code")

        department_name = d.pop("department_name")

        kind = d.pop("kind")

        levels = cast(list[str], d.pop("levels"))


        def _parse_matter_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        matter_type = _parse_matter_type(d.pop("matter_type"))


        name = d.pop("name")

        score = d.pop("score")

        summary = d.pop("summary")

        version = d.pop("version")

        zero_visits = d.pop("zero_visits")

        catalog_search_hit = cls(
            code=code,
            department_code=department_code,
            department_name=department_name,
            kind=kind,
            levels=levels,
            matter_type=matter_type,
            name=name,
            score=score,
            summary=summary,
            version=version,
            zero_visits=zero_visits,
        )


        catalog_search_hit.additional_properties = d
        return catalog_search_hit

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
