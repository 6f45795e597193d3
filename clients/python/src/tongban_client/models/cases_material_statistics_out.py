from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.cases_material_statistics_out_by_method import CasesMaterialStatisticsOutByMethod





T = TypeVar("T", bound="CasesMaterialStatisticsOut")



@_attrs_define
class CasesMaterialStatisticsOut:
    """ 
        Attributes:
            awaiting_member (int):
            by_method (CasesMaterialStatisticsOutByMethod):
            missing_required (int):
            obtained (int):
            paper_free_share (float | None): obtained without paper / obtained (材料免提交率)
            total (int):
     """

    awaiting_member: int
    by_method: CasesMaterialStatisticsOutByMethod
    missing_required: int
    obtained: int
    paper_free_share: float | None
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.cases_material_statistics_out_by_method import CasesMaterialStatisticsOutByMethod # noqa: PLC0415
        awaiting_member = self.awaiting_member

        by_method = self.by_method.to_dict()

        missing_required = self.missing_required

        obtained = self.obtained

        paper_free_share: float | None
        paper_free_share = self.paper_free_share

        total = self.total


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "awaiting_member": awaiting_member,
            "by_method": by_method,
            "missing_required": missing_required,
            "obtained": obtained,
            "paper_free_share": paper_free_share,
            "total": total,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cases_material_statistics_out_by_method import CasesMaterialStatisticsOutByMethod # noqa: PLC0415
        d = dict(src_dict)
        awaiting_member = d.pop("awaiting_member")

        by_method = CasesMaterialStatisticsOutByMethod.from_dict(d.pop("by_method"))




        missing_required = d.pop("missing_required")

        obtained = d.pop("obtained")

        def _parse_paper_free_share(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        paper_free_share = _parse_paper_free_share(d.pop("paper_free_share"))


        total = d.pop("total")

        cases_material_statistics_out = cls(
            awaiting_member=awaiting_member,
            by_method=by_method,
            missing_required=missing_required,
            obtained=obtained,
            paper_free_share=paper_free_share,
            total=total,
        )


        cases_material_statistics_out.additional_properties = d
        return cases_material_statistics_out

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
