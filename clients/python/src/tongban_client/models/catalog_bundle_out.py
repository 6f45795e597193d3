from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.catalog_bundle_material_out import CatalogBundleMaterialOut
  from ..models.catalog_bundle_member_out import CatalogBundleMemberOut
  from ..models.catalog_combined_limit_out import CatalogCombinedLimitOut
  from ..models.catalog_substitute_in import CatalogSubstituteIn





T = TypeVar("T", bound="CatalogBundleOut")



@_attrs_define
class CatalogBundleOut:
    """ 
        Attributes:
            code (str):
            created_at (datetime.datetime):
            description (str):
            id (str):
            keywords (list[str]):
            lead_department_code (str):
            lead_department_name (str):
            limit (CatalogCombinedLimitOut | None): combined time limit, parallel approval (并联审批)
            materials (list[CatalogBundleMaterialOut]): merged materials (合并后的材料清单)
            member_codes (list[str]):
            members (list[CatalogBundleMemberOut]): members' current published versions
            name (str):
            published_at (datetime.datetime | None):
            status (str):
            version (int):
            substitutes (list[CatalogSubstituteIn] | Unset): the bundle's stand-ins (替代材料)
     """

    code: str
    created_at: datetime.datetime
    description: str
    id: str
    keywords: list[str]
    lead_department_code: str
    lead_department_name: str
    limit: CatalogCombinedLimitOut | None
    materials: list[CatalogBundleMaterialOut]
    member_codes: list[str]
    members: list[CatalogBundleMemberOut]
    name: str
    published_at: datetime.datetime | None
    status: str
    version: int
    substitutes: list[CatalogSubstituteIn] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.catalog_bundle_material_out import CatalogBundleMaterialOut # noqa: PLC0415
        from ..models.catalog_bundle_member_out import CatalogBundleMemberOut # noqa: PLC0415
        from ..models.catalog_combined_limit_out import CatalogCombinedLimitOut # noqa: PLC0415
        from ..models.catalog_substitute_in import CatalogSubstituteIn # noqa: PLC0415
        code = self.code

        created_at = self.created_at.isoformat()

        description = self.description

        id = self.id

        keywords = self.keywords



        lead_department_code = self.lead_department_code

        lead_department_name = self.lead_department_name

        limit: dict[str, Any] | None
        if isinstance(self.limit, CatalogCombinedLimitOut):
            limit = self.limit.to_dict()
        else:
            limit = self.limit

        materials = []
        for materials_item_data in self.materials:
            materials_item = materials_item_data.to_dict()
            materials.append(materials_item)



        member_codes = self.member_codes



        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)



        name = self.name

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        status = self.status

        version = self.version

        substitutes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.substitutes, Unset):
            substitutes = []
            for substitutes_item_data in self.substitutes:
                substitutes_item = substitutes_item_data.to_dict()
                substitutes.append(substitutes_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "created_at": created_at,
            "description": description,
            "id": id,
            "keywords": keywords,
            "lead_department_code": lead_department_code,
            "lead_department_name": lead_department_name,
            "limit": limit,
            "materials": materials,
            "member_codes": member_codes,
            "members": members,
            "name": name,
            "published_at": published_at,
            "status": status,
            "version": version,
        })
        if substitutes is not UNSET:
            field_dict["substitutes"] = substitutes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.catalog_bundle_material_out import CatalogBundleMaterialOut # noqa: PLC0415
        from ..models.catalog_bundle_member_out import CatalogBundleMemberOut # noqa: PLC0415
        from ..models.catalog_combined_limit_out import CatalogCombinedLimitOut # noqa: PLC0415
        from ..models.catalog_substitute_in import CatalogSubstituteIn # noqa: PLC0415
        d = dict(src_dict)
        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        description = d.pop("description")

        id = d.pop("id")

        keywords = cast(list[str], d.pop("keywords"))


        lead_department_code = d.pop("lead_department_code")

        lead_department_name = d.pop("lead_department_name")

        def _parse_limit(data: object) -> CatalogCombinedLimitOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                limit_type_0 = CatalogCombinedLimitOut.from_dict(data)



                return limit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CatalogCombinedLimitOut | None, data)

        limit = _parse_limit(d.pop("limit"))


        materials = []
        _materials = d.pop("materials")
        for materials_item_data in (_materials):
            materials_item = CatalogBundleMaterialOut.from_dict(materials_item_data)



            materials.append(materials_item)


        member_codes = cast(list[str], d.pop("member_codes"))


        members = []
        _members = d.pop("members")
        for members_item_data in (_members):
            members_item = CatalogBundleMemberOut.from_dict(members_item_data)



            members.append(members_item)


        name = d.pop("name")

        def _parse_published_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)



                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        published_at = _parse_published_at(d.pop("published_at"))


        status = d.pop("status")

        version = d.pop("version")

        _substitutes = d.pop("substitutes", UNSET)
        substitutes: list[CatalogSubstituteIn] | Unset = UNSET
        if _substitutes is not UNSET:
            substitutes = []
            for substitutes_item_data in _substitutes:
                substitutes_item = CatalogSubstituteIn.from_dict(substitutes_item_data)



                substitutes.append(substitutes_item)


        catalog_bundle_out = cls(
            code=code,
            created_at=created_at,
            description=description,
            id=id,
            keywords=keywords,
            lead_department_code=lead_department_code,
            lead_department_name=lead_department_name,
            limit=limit,
            materials=materials,
            member_codes=member_codes,
            members=members,
            name=name,
            published_at=published_at,
            status=status,
            version=version,
            substitutes=substitutes,
        )


        catalog_bundle_out.additional_properties = d
        return catalog_bundle_out

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
