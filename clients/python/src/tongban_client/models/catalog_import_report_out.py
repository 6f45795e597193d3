from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.catalog_row_error_out import CatalogRowErrorOut





T = TypeVar("T", bound="CatalogImportReportOut")



@_attrs_define
class CatalogImportReportOut:
    """ 
        Attributes:
            applied (bool):
            errors (list[CatalogRowErrorOut]):
            imported (list[str]): codes of the matters applied
            matters (int):
            rows (int):
     """

    applied: bool
    errors: list[CatalogRowErrorOut]
    imported: list[str]
    matters: int
    rows: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.catalog_row_error_out import CatalogRowErrorOut # noqa: PLC0415
        applied = self.applied

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)



        imported = self.imported



        matters = self.matters

        rows = self.rows


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "applied": applied,
            "errors": errors,
            "imported": imported,
            "matters": matters,
            "rows": rows,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.catalog_row_error_out import CatalogRowErrorOut # noqa: PLC0415
        d = dict(src_dict)
        applied = d.pop("applied")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in (_errors):
            errors_item = CatalogRowErrorOut.from_dict(errors_item_data)



            errors.append(errors_item)


        imported = cast(list[str], d.pop("imported"))


        matters = d.pop("matters")

        rows = d.pop("rows")

        catalog_import_report_out = cls(
            applied=applied,
            errors=errors,
            imported=imported,
            matters=matters,
            rows=rows,
        )


        catalog_import_report_out.additional_properties = d
        return catalog_import_report_out

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
