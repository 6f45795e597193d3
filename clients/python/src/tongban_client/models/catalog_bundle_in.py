from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.catalog_substitute_in import CatalogSubstituteIn





T = TypeVar("T", bound="CatalogBundleIn")



@_attrs_define
class CatalogBundleIn:
    """ 
        Attributes:
            code (str): bundle code (一件事编码)
            lead_department_code (str): lead department (牵头部门)
            member_codes (list[str]): member matters' implementation codes (成员事项)
            name (str): bundle name, e.g. 开办餐饮店一件事
            description (str | Unset): 说明 Default: ''.
            keywords (list[str] | Unset):
            lead_department_name (str | Unset):  Default: ''.
            substitutes (list[CatalogSubstituteIn] | Unset): stand-ins (替代材料): a member's material satisfied by another
                member's certificate or another material of the bundle; checked on publish
     """

    code: str
    lead_department_code: str
    member_codes: list[str]
    name: str
    description: str | Unset = ''
    keywords: list[str] | Unset = UNSET
    lead_department_name: str | Unset = ''
    substitutes: list[CatalogSubstituteIn] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.catalog_substitute_in import CatalogSubstituteIn # noqa: PLC0415
        code = self.code

        lead_department_code = self.lead_department_code

        member_codes = self.member_codes



        name = self.name

        description = self.description

        keywords: list[str] | Unset = UNSET
        if not isinstance(self.keywords, Unset):
            keywords = self.keywords



        lead_department_name = self.lead_department_name

        substitutes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.substitutes, Unset):
            substitutes = []
            for substitutes_item_data in self.substitutes:
                substitutes_item = substitutes_item_data.to_dict()
                substitutes.append(substitutes_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "code": code,
            "lead_department_code": lead_department_code,
            "member_codes": member_codes,
            "name": name,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if keywords is not UNSET:
            field_dict["keywords"] = keywords
        if lead_department_name is not UNSET:
            field_dict["lead_department_name"] = lead_department_name
        if substitutes is not UNSET:
            field_dict["substitutes"] = substitutes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.catalog_substitute_in import CatalogSubstituteIn # noqa: PLC0415
        d = dict(src_dict)
        code = d.pop("code")

        lead_department_code = d.pop("lead_department_code")

        member_codes = cast(list[str], d.pop("member_codes"))


        name = d.pop("name")

        description = d.pop("description", UNSET)

        keywords = cast(list[str], d.pop("keywords", UNSET))


        lead_department_name = d.pop("lead_department_name", UNSET)

        _substitutes = d.pop("substitutes", UNSET)
        substitutes: list[CatalogSubstituteIn] | Unset = UNSET
        if _substitutes is not UNSET:
            substitutes = []
            for substitutes_item_data in _substitutes:
                substitutes_item = CatalogSubstituteIn.from_dict(substitutes_item_data)



                substitutes.append(substitutes_item)


        catalog_bundle_in = cls(
            code=code,
            lead_department_code=lead_department_code,
            member_codes=member_codes,
            name=name,
            description=description,
            keywords=keywords,
            lead_department_name=lead_department_name,
            substitutes=substitutes,
        )

        return catalog_bundle_in

