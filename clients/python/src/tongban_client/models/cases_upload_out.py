from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="CasesUploadOut")



@_attrs_define
class CasesUploadOut:
    """ 
        Attributes:
            content_type (str):
            filename (str):
            id (str):
            material_code (str):
            sha256 (str): SHA-256 of the content, hex
            size (int):
            uploaded_at (datetime.datetime):
     """

    content_type: str
    filename: str
    id: str
    material_code: str
    sha256: str
    size: int
    uploaded_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        content_type = self.content_type

        filename = self.filename

        id = self.id

        material_code = self.material_code

        sha256 = self.sha256

        size = self.size

        uploaded_at = self.uploaded_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "content_type": content_type,
            "filename": filename,
            "id": id,
            "material_code": material_code,
            "sha256": sha256,
            "size": size,
            "uploaded_at": uploaded_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content_type = d.pop("content_type")

        filename = d.pop("filename")

        id = d.pop("id")

        material_code = d.pop("material_code")

        sha256 = d.pop("sha256")

        size = d.pop("size")

        uploaded_at = datetime.datetime.fromisoformat(d.pop("uploaded_at"))




        cases_upload_out = cls(
            content_type=content_type,
            filename=filename,
            id=id,
            material_code=material_code,
            sha256=sha256,
            size=size,
            uploaded_at=uploaded_at,
        )


        cases_upload_out.additional_properties = d
        return cases_upload_out

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
