from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.catalog_bundle_material_out_belongs_to import CatalogBundleMaterialOutBelongsTo
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.catalog_stand_in_out import CatalogStandInOut





T = TypeVar("T", bound="CatalogBundleMaterialOut")



@_attrs_define
class CatalogBundleMaterialOut:
    """ 
        Attributes:
            asked (bool): whether the applicant is asked for it (是否需申请人提交)
            asked_by (list[str]): members that ask for it (需要此材料的事项)
            name (str): material name (材料名称)
            produced_by (None | str): member whose result satisfies it: not asked (由成员事项产生，免提交)
            belongs_to (CatalogBundleMaterialOutBelongsTo | Unset): whose material (材料所属): subject 办理对象 (the person or
                enterprise the matter is about, e.g. a newborn) | applicant 申请人 (e.g. the mother's own ID card); the exchange is
                asked for that holder Default: CatalogBundleMaterialOutBelongsTo.SUBJECT.
            certificate_type (None | str | Unset): e-certificate type (电子证照类型), e.g. ZZ-YYZZ
            data_items (list[str] | Unset): data items needed (数据项)
            form (str | Unset): original 原件 | copy 复印件 | original_and_copy | electronic Default: 'original'.
            notes (str | Unset):  Default: ''.
            paper_copies (int | Unset): paper copies (纸质份数) Default: 1.
            requirement (str | Unset): required 必要 | optional 非必要 | deferrable 容缺后补 Default: 'required'.
            resource_code (None | str | Unset): shared data resource (共享资源编码)
            source (str | Unset): applicant 申请人自备 | government 政府部门核发 | other Default: 'applicant'.
            stands_in_for (list[CatalogStandInOut] | Unset): members' materials it stands in for, not asked themselves
                (代替的材料)
     """

    asked: bool
    asked_by: list[str]
    name: str
    produced_by: None | str
    belongs_to: CatalogBundleMaterialOutBelongsTo | Unset = CatalogBundleMaterialOutBelongsTo.SUBJECT
    certificate_type: None | str | Unset = UNSET
    data_items: list[str] | Unset = UNSET
    form: str | Unset = 'original'
    notes: str | Unset = ''
    paper_copies: int | Unset = 1
    requirement: str | Unset = 'required'
    resource_code: None | str | Unset = UNSET
    source: str | Unset = 'applicant'
    stands_in_for: list[CatalogStandInOut] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.catalog_stand_in_out import CatalogStandInOut # noqa: PLC0415
        asked = self.asked

        asked_by = self.asked_by



        name = self.name

        produced_by: None | str
        produced_by = self.produced_by

        belongs_to: str | Unset = UNSET
        if not isinstance(self.belongs_to, Unset):
            belongs_to = self.belongs_to.value


        certificate_type: None | str | Unset
        if isinstance(self.certificate_type, Unset):
            certificate_type = UNSET
        else:
            certificate_type = self.certificate_type

        data_items: list[str] | Unset = UNSET
        if not isinstance(self.data_items, Unset):
            data_items = self.data_items



        form = self.form

        notes = self.notes

        paper_copies = self.paper_copies

        requirement = self.requirement

        resource_code: None | str | Unset
        if isinstance(self.resource_code, Unset):
            resource_code = UNSET
        else:
            resource_code = self.resource_code

        source = self.source

        stands_in_for: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.stands_in_for, Unset):
            stands_in_for = []
            for stands_in_for_item_data in self.stands_in_for:
                stands_in_for_item = stands_in_for_item_data.to_dict()
                stands_in_for.append(stands_in_for_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "asked": asked,
            "asked_by": asked_by,
            "name": name,
            "produced_by": produced_by,
        })
        if belongs_to is not UNSET:
            field_dict["belongs_to"] = belongs_to
        if certificate_type is not UNSET:
            field_dict["certificate_type"] = certificate_type
        if data_items is not UNSET:
            field_dict["data_items"] = data_items
        if form is not UNSET:
            field_dict["form"] = form
        if notes is not UNSET:
            field_dict["notes"] = notes
        if paper_copies is not UNSET:
            field_dict["paper_copies"] = paper_copies
        if requirement is not UNSET:
            field_dict["requirement"] = requirement
        if resource_code is not UNSET:
            field_dict["resource_code"] = resource_code
        if source is not UNSET:
            field_dict["source"] = source
        if stands_in_for is not UNSET:
            field_dict["stands_in_for"] = stands_in_for

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.catalog_stand_in_out import CatalogStandInOut # noqa: PLC0415
        d = dict(src_dict)
        asked = d.pop("asked")

        asked_by = cast(list[str], d.pop("asked_by"))


        name = d.pop("name")

        def _parse_produced_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        produced_by = _parse_produced_by(d.pop("produced_by"))


        _belongs_to = d.pop("belongs_to", UNSET)
        belongs_to: CatalogBundleMaterialOutBelongsTo | Unset
        if isinstance(_belongs_to,  Unset):
            belongs_to = UNSET
        else:
            belongs_to = CatalogBundleMaterialOutBelongsTo(_belongs_to)




        def _parse_certificate_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        certificate_type = _parse_certificate_type(d.pop("certificate_type", UNSET))


        data_items = cast(list[str], d.pop("data_items", UNSET))


        form = d.pop("form", UNSET)

        notes = d.pop("notes", UNSET)

        paper_copies = d.pop("paper_copies", UNSET)

        requirement = d.pop("requirement", UNSET)

        def _parse_resource_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resource_code = _parse_resource_code(d.pop("resource_code", UNSET))


        source = d.pop("source", UNSET)

        _stands_in_for = d.pop("stands_in_for", UNSET)
        stands_in_for: list[CatalogStandInOut] | Unset = UNSET
        if _stands_in_for is not UNSET:
            stands_in_for = []
            for stands_in_for_item_data in _stands_in_for:
                stands_in_for_item = CatalogStandInOut.from_dict(stands_in_for_item_data)



                stands_in_for.append(stands_in_for_item)


        catalog_bundle_material_out = cls(
            asked=asked,
            asked_by=asked_by,
            name=name,
            produced_by=produced_by,
            belongs_to=belongs_to,
            certificate_type=certificate_type,
            data_items=data_items,
            form=form,
            notes=notes,
            paper_copies=paper_copies,
            requirement=requirement,
            resource_code=resource_code,
            source=source,
            stands_in_for=stands_in_for,
        )

        return catalog_bundle_material_out

