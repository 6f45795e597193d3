from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.cases_material_out import CasesMaterialOut
  from ..models.cases_upload_out import CasesUploadOut





T = TypeVar("T", bound="CasesCaseMaterialsOut")



@_attrs_define
class CasesCaseMaterialsOut:
    """ 
        Attributes:
            case_id (str):
            case_number (str):
            materials (list[CasesMaterialOut]):
            paper_free_share (float | None): share of obtained materials that came without paper
            still_missing (int): required materials not obtained yet
            uploads (list[CasesUploadOut]):
     """

    case_id: str
    case_number: str
    materials: list[CasesMaterialOut]
    paper_free_share: float | None
    still_missing: int
    uploads: list[CasesUploadOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.cases_material_out import CasesMaterialOut # noqa: PLC0415
        from ..models.cases_upload_out import CasesUploadOut # noqa: PLC0415
        case_id = self.case_id

        case_number = self.case_number

        materials = []
        for materials_item_data in self.materials:
            materials_item = materials_item_data.to_dict()
            materials.append(materials_item)



        paper_free_share: float | None
        paper_free_share = self.paper_free_share

        still_missing = self.still_missing

        uploads = []
        for uploads_item_data in self.uploads:
            uploads_item = uploads_item_data.to_dict()
            uploads.append(uploads_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "case_id": case_id,
            "case_number": case_number,
            "materials": materials,
            "paper_free_share": paper_free_share,
            "still_missing": still_missing,
            "uploads": uploads,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cases_material_out import CasesMaterialOut # noqa: PLC0415
        from ..models.cases_upload_out import CasesUploadOut # noqa: PLC0415
        d = dict(src_dict)
        case_id = d.pop("case_id")

        case_number = d.pop("case_number")

        materials = []
        _materials = d.pop("materials")
        for materials_item_data in (_materials):
            materials_item = CasesMaterialOut.from_dict(materials_item_data)



            materials.append(materials_item)


        def _parse_paper_free_share(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        paper_free_share = _parse_paper_free_share(d.pop("paper_free_share"))


        still_missing = d.pop("still_missing")

        uploads = []
        _uploads = d.pop("uploads")
        for uploads_item_data in (_uploads):
            uploads_item = CasesUploadOut.from_dict(uploads_item_data)



            uploads.append(uploads_item)


        cases_case_materials_out = cls(
            case_id=case_id,
            case_number=case_number,
            materials=materials,
            paper_free_share=paper_free_share,
            still_missing=still_missing,
            uploads=uploads,
        )


        cases_case_materials_out.additional_properties = d
        return cases_case_materials_out

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
