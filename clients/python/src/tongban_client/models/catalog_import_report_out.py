from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.catalog_import_counts_out import CatalogImportCountsOut
  from ..models.catalog_matter_outcome_out import CatalogMatterOutcomeOut
  from ..models.catalog_rejected_matter_out import CatalogRejectedMatterOut
  from ..models.catalog_row_error_out import CatalogRowErrorOut





T = TypeVar("T", bound="CatalogImportReportOut")



@_attrs_define
class CatalogImportReportOut:
    """ 
        Attributes:
            applied (bool):
            counts (CatalogImportCountsOut):
            errors (list[CatalogRowErrorOut]):
            imported (list[str]): codes of the matters applied (or already as the sheet says)
            matters (int): matters in the sheet
            outcomes (list[CatalogMatterOutcomeOut]): what happened to each matter applied
            rejected (list[CatalogRejectedMatterOut]): matters not applied, with their rows
            rows (int):
            warnings (list[CatalogRowErrorOut]): columns not imported (unknown or repeated headings)
     """

    applied: bool
    counts: CatalogImportCountsOut
    errors: list[CatalogRowErrorOut]
    imported: list[str]
    matters: int
    outcomes: list[CatalogMatterOutcomeOut]
    rejected: list[CatalogRejectedMatterOut]
    rows: int
    warnings: list[CatalogRowErrorOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.catalog_import_counts_out import CatalogImportCountsOut # noqa: PLC0415
        from ..models.catalog_matter_outcome_out import CatalogMatterOutcomeOut # noqa: PLC0415
        from ..models.catalog_rejected_matter_out import CatalogRejectedMatterOut # noqa: PLC0415
        from ..models.catalog_row_error_out import CatalogRowErrorOut # noqa: PLC0415
        applied = self.applied

        counts = self.counts.to_dict()

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)



        imported = self.imported



        matters = self.matters

        outcomes = []
        for outcomes_item_data in self.outcomes:
            outcomes_item = outcomes_item_data.to_dict()
            outcomes.append(outcomes_item)



        rejected = []
        for rejected_item_data in self.rejected:
            rejected_item = rejected_item_data.to_dict()
            rejected.append(rejected_item)



        rows = self.rows

        warnings = []
        for warnings_item_data in self.warnings:
            warnings_item = warnings_item_data.to_dict()
            warnings.append(warnings_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "applied": applied,
            "counts": counts,
            "errors": errors,
            "imported": imported,
            "matters": matters,
            "outcomes": outcomes,
            "rejected": rejected,
            "rows": rows,
            "warnings": warnings,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.catalog_import_counts_out import CatalogImportCountsOut # noqa: PLC0415
        from ..models.catalog_matter_outcome_out import CatalogMatterOutcomeOut # noqa: PLC0415
        from ..models.catalog_rejected_matter_out import CatalogRejectedMatterOut # noqa: PLC0415
        from ..models.catalog_row_error_out import CatalogRowErrorOut # noqa: PLC0415
        d = dict(src_dict)
        applied = d.pop("applied")

        counts = CatalogImportCountsOut.from_dict(d.pop("counts"))




        errors = []
        _errors = d.pop("errors")
        for errors_item_data in (_errors):
            errors_item = CatalogRowErrorOut.from_dict(errors_item_data)



            errors.append(errors_item)


        imported = cast(list[str], d.pop("imported"))


        matters = d.pop("matters")

        outcomes = []
        _outcomes = d.pop("outcomes")
        for outcomes_item_data in (_outcomes):
            outcomes_item = CatalogMatterOutcomeOut.from_dict(outcomes_item_data)



            outcomes.append(outcomes_item)


        rejected = []
        _rejected = d.pop("rejected")
        for rejected_item_data in (_rejected):
            rejected_item = CatalogRejectedMatterOut.from_dict(rejected_item_data)



            rejected.append(rejected_item)


        rows = d.pop("rows")

        warnings = []
        _warnings = d.pop("warnings")
        for warnings_item_data in (_warnings):
            warnings_item = CatalogRowErrorOut.from_dict(warnings_item_data)



            warnings.append(warnings_item)


        catalog_import_report_out = cls(
            applied=applied,
            counts=counts,
            errors=errors,
            imported=imported,
            matters=matters,
            outcomes=outcomes,
            rejected=rejected,
            rows=rows,
            warnings=warnings,
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
