from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.exchange_lookup_out import ExchangeLookupOut
  from ..models.exchange_read_out import ExchangeReadOut
  from ..models.problem import Problem





T = TypeVar("T", bound="ExchangeBatchResult")



@_attrs_define
class ExchangeBatchResult:
    """ 
        Attributes:
            status (int): what the single-read route would have answered: 200, or a problem's status
            problem (None | Problem | Unset): why not, otherwise (e.g. not_granted, purpose_required, record_not_found with
                its access_log_id)
            result (ExchangeLookupOut | ExchangeReadOut | None | Unset): the answer, when status is 200
     """

    status: int
    problem: None | Problem | Unset = UNSET
    result: ExchangeLookupOut | ExchangeReadOut | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.exchange_lookup_out import ExchangeLookupOut # noqa: PLC0415
        from ..models.exchange_read_out import ExchangeReadOut # noqa: PLC0415
        from ..models.problem import Problem # noqa: PLC0415
        status = self.status

        problem: dict[str, Any] | None | Unset
        if isinstance(self.problem, Unset):
            problem = UNSET
        elif isinstance(self.problem, Problem):
            problem = self.problem.to_dict()
        else:
            problem = self.problem

        result: dict[str, Any] | None | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        elif isinstance(self.result, ExchangeReadOut):
            result = self.result.to_dict()
        elif isinstance(self.result, ExchangeLookupOut):
            result = self.result.to_dict()
        else:
            result = self.result


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "status": status,
        })
        if problem is not UNSET:
            field_dict["problem"] = problem
        if result is not UNSET:
            field_dict["result"] = result

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exchange_lookup_out import ExchangeLookupOut # noqa: PLC0415
        from ..models.exchange_read_out import ExchangeReadOut # noqa: PLC0415
        from ..models.problem import Problem # noqa: PLC0415
        d = dict(src_dict)
        status = d.pop("status")

        def _parse_problem(data: object) -> None | Problem | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                problem_type_0 = Problem.from_dict(data)



                return problem_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Problem | Unset, data)

        problem = _parse_problem(d.pop("problem", UNSET))


        def _parse_result(data: object) -> ExchangeLookupOut | ExchangeReadOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = ExchangeReadOut.from_dict(data)



                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_1 = ExchangeLookupOut.from_dict(data)



                return result_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExchangeLookupOut | ExchangeReadOut | None | Unset, data)

        result = _parse_result(d.pop("result", UNSET))


        exchange_batch_result = cls(
            status=status,
            problem=problem,
            result=result,
        )


        exchange_batch_result.additional_properties = d
        return exchange_batch_result

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
