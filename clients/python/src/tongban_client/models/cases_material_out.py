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
  from ..models.cases_material_out_detail import CasesMaterialOutDetail
  from ..models.cases_stand_in_out import CasesStandInOut





T = TypeVar("T", bound="CasesMaterialOut")



@_attrs_define
class CasesMaterialOut:
    """ 
        Attributes:
            attempts (int): failed tries through the exchange
            certificate_type (None | str):
            data_items (list[str]):
            detail (CasesMaterialOutDetail): access log id and item keys obtained (never the values), or upload; paper:
                received_at_org, note and, for staff, received_by (staff id) with received_by_name, for others received_by_label
                (窗口工作人员 · the hall)
            last_error (None | str): why the exchange could not provide it yet (a short code)
            material_code (str):
            method (None | str): data_sharing | e_certificate | upload | paper | bundle_member
            name (str):
            next_attempt_at (datetime.datetime | None):
            obtained_at (datetime.datetime | None):
            produced_by (None | str):
            reference (None | str): certificate identifier, resource code, upload id or org code
            requirement (str): required | optional | deferrable (容缺)
            resource_code (None | str):
            source (str): applicant | government (a department holds it)
            status (str): missing | obtained | awaiting_member (a bundle member's result)
            asked_by (list[str] | Unset): on a 一件事: the member matters asking for it (or whose material it stands in for); a
                member is accepted and granted on these; empty = every member
            belongs_to (str | Unset): whose material, so whose data the exchange is asked for: subject 办理对象 | applicant 申请人
                Default: 'subject'.
            stands_in_for (list[CasesStandInOut] | Unset): on a 一件事: members' materials this one stands in for (替代材料), not
                asked themselves — e.g. a newborn's 居民户口簿 for the 申请人身份证明 of 医保参保
     """

    attempts: int
    certificate_type: None | str
    data_items: list[str]
    detail: CasesMaterialOutDetail
    last_error: None | str
    material_code: str
    method: None | str
    name: str
    next_attempt_at: datetime.datetime | None
    obtained_at: datetime.datetime | None
    produced_by: None | str
    reference: None | str
    requirement: str
    resource_code: None | str
    source: str
    status: str
    asked_by: list[str] | Unset = UNSET
    belongs_to: str | Unset = 'subject'
    stands_in_for: list[CasesStandInOut] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.cases_material_out_detail import CasesMaterialOutDetail # noqa: PLC0415
        from ..models.cases_stand_in_out import CasesStandInOut # noqa: PLC0415
        attempts = self.attempts

        certificate_type: None | str
        certificate_type = self.certificate_type

        data_items = self.data_items



        detail = self.detail.to_dict()

        last_error: None | str
        last_error = self.last_error

        material_code = self.material_code

        method: None | str
        method = self.method

        name = self.name

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        obtained_at: None | str
        if isinstance(self.obtained_at, datetime.datetime):
            obtained_at = self.obtained_at.isoformat()
        else:
            obtained_at = self.obtained_at

        produced_by: None | str
        produced_by = self.produced_by

        reference: None | str
        reference = self.reference

        requirement = self.requirement

        resource_code: None | str
        resource_code = self.resource_code

        source = self.source

        status = self.status

        asked_by: list[str] | Unset = UNSET
        if not isinstance(self.asked_by, Unset):
            asked_by = self.asked_by



        belongs_to = self.belongs_to

        stands_in_for: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.stands_in_for, Unset):
            stands_in_for = []
            for stands_in_for_item_data in self.stands_in_for:
                stands_in_for_item = stands_in_for_item_data.to_dict()
                stands_in_for.append(stands_in_for_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attempts": attempts,
            "certificate_type": certificate_type,
            "data_items": data_items,
            "detail": detail,
            "last_error": last_error,
            "material_code": material_code,
            "method": method,
            "name": name,
            "next_attempt_at": next_attempt_at,
            "obtained_at": obtained_at,
            "produced_by": produced_by,
            "reference": reference,
            "requirement": requirement,
            "resource_code": resource_code,
            "source": source,
            "status": status,
        })
        if asked_by is not UNSET:
            field_dict["asked_by"] = asked_by
        if belongs_to is not UNSET:
            field_dict["belongs_to"] = belongs_to
        if stands_in_for is not UNSET:
            field_dict["stands_in_for"] = stands_in_for

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cases_material_out_detail import CasesMaterialOutDetail # noqa: PLC0415
        from ..models.cases_stand_in_out import CasesStandInOut # noqa: PLC0415
        d = dict(src_dict)
        attempts = d.pop("attempts")

        def _parse_certificate_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        certificate_type = _parse_certificate_type(d.pop("certificate_type"))


        data_items = cast(list[str], d.pop("data_items"))


        detail = CasesMaterialOutDetail.from_dict(d.pop("detail"))




        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))


        material_code = d.pop("material_code")

        def _parse_method(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        method = _parse_method(d.pop("method"))


        name = d.pop("name")

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)



                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))


        def _parse_obtained_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                obtained_at_type_0 = datetime.datetime.fromisoformat(data)



                return obtained_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        obtained_at = _parse_obtained_at(d.pop("obtained_at"))


        def _parse_produced_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        produced_by = _parse_produced_by(d.pop("produced_by"))


        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))


        requirement = d.pop("requirement")

        def _parse_resource_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resource_code = _parse_resource_code(d.pop("resource_code"))


        source = d.pop("source")

        status = d.pop("status")

        asked_by = cast(list[str], d.pop("asked_by", UNSET))


        belongs_to = d.pop("belongs_to", UNSET)

        _stands_in_for = d.pop("stands_in_for", UNSET)
        stands_in_for: list[CasesStandInOut] | Unset = UNSET
        if _stands_in_for is not UNSET:
            stands_in_for = []
            for stands_in_for_item_data in _stands_in_for:
                stands_in_for_item = CasesStandInOut.from_dict(stands_in_for_item_data)



                stands_in_for.append(stands_in_for_item)


        cases_material_out = cls(
            attempts=attempts,
            certificate_type=certificate_type,
            data_items=data_items,
            detail=detail,
            last_error=last_error,
            material_code=material_code,
            method=method,
            name=name,
            next_attempt_at=next_attempt_at,
            obtained_at=obtained_at,
            produced_by=produced_by,
            reference=reference,
            requirement=requirement,
            resource_code=resource_code,
            source=source,
            status=status,
            asked_by=asked_by,
            belongs_to=belongs_to,
            stands_in_for=stands_in_for,
        )


        cases_material_out.additional_properties = d
        return cases_material_out

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
