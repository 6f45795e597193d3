from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.cases_rater_rectification_out import CasesRaterRectificationOut





T = TypeVar("T", bound="CasesMyEvaluationOut")



@_attrs_define
class CasesMyEvaluationOut:
    """ The applicant's own evaluation and the answer to it (好差评: 差评 must be answered to the rater).

        Attributes:
            at (datetime.datetime):
            case_id (str):
            comment (None | str):
            label (str):
            rectification (CasesRaterRectificationOut | None):
            score (int):
     """

    at: datetime.datetime
    case_id: str
    comment: None | str
    label: str
    rectification: CasesRaterRectificationOut | None
    score: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.cases_rater_rectification_out import CasesRaterRectificationOut # noqa: PLC0415
        at = self.at.isoformat()

        case_id = self.case_id

        comment: None | str
        comment = self.comment

        label = self.label

        rectification: dict[str, Any] | None
        if isinstance(self.rectification, CasesRaterRectificationOut):
            rectification = self.rectification.to_dict()
        else:
            rectification = self.rectification

        score = self.score


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "at": at,
            "case_id": case_id,
            "comment": comment,
            "label": label,
            "rectification": rectification,
            "score": score,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cases_rater_rectification_out import CasesRaterRectificationOut # noqa: PLC0415
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))




        case_id = d.pop("case_id")

        def _parse_comment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        comment = _parse_comment(d.pop("comment"))


        label = d.pop("label")

        def _parse_rectification(data: object) -> CasesRaterRectificationOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rectification_type_0 = CasesRaterRectificationOut.from_dict(data)



                return rectification_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CasesRaterRectificationOut | None, data)

        rectification = _parse_rectification(d.pop("rectification"))


        score = d.pop("score")

        cases_my_evaluation_out = cls(
            at=at,
            case_id=case_id,
            comment=comment,
            label=label,
            rectification=rectification,
            score=score,
        )


        cases_my_evaluation_out.additional_properties = d
        return cases_my_evaluation_out

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
