from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ExchangeRequestOut")



@_attrs_define
class ExchangeRequestOut:
    """ 
        Attributes:
            answer (None | str):
            answered_at (datetime.datetime | None):
            answered_by (None | str):
            due_on (datetime.date): the provider must answer by this date (10 working days)
            id (UUID):
            items (list[str]):
            legal_basis (str):
            purpose (str):
            requested_by (str):
            requested_on (datetime.date):
            requester_code (str):
            resource_code (str):
            status (str):
            valid_from (datetime.date):
            valid_to (datetime.date):
            overdue (bool | Unset):  Default: False.
     """

    answer: None | str
    answered_at: datetime.datetime | None
    answered_by: None | str
    due_on: datetime.date
    id: UUID
    items: list[str]
    legal_basis: str
    purpose: str
    requested_by: str
    requested_on: datetime.date
    requester_code: str
    resource_code: str
    status: str
    valid_from: datetime.date
    valid_to: datetime.date
    overdue: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        answer: None | str
        answer = self.answer

        answered_at: None | str
        if isinstance(self.answered_at, datetime.datetime):
            answered_at = self.answered_at.isoformat()
        else:
            answered_at = self.answered_at

        answered_by: None | str
        answered_by = self.answered_by

        due_on = self.due_on.isoformat()

        id = str(self.id)

        items = self.items



        legal_basis = self.legal_basis

        purpose = self.purpose

        requested_by = self.requested_by

        requested_on = self.requested_on.isoformat()

        requester_code = self.requester_code

        resource_code = self.resource_code

        status = self.status

        valid_from = self.valid_from.isoformat()

        valid_to = self.valid_to.isoformat()

        overdue = self.overdue


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "answer": answer,
            "answered_at": answered_at,
            "answered_by": answered_by,
            "due_on": due_on,
            "id": id,
            "items": items,
            "legal_basis": legal_basis,
            "purpose": purpose,
            "requested_by": requested_by,
            "requested_on": requested_on,
            "requester_code": requester_code,
            "resource_code": resource_code,
            "status": status,
            "valid_from": valid_from,
            "valid_to": valid_to,
        })
        if overdue is not UNSET:
            field_dict["overdue"] = overdue

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_answer(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        answer = _parse_answer(d.pop("answer"))


        def _parse_answered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answered_at_type_0 = datetime.datetime.fromisoformat(data)



                return answered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        answered_at = _parse_answered_at(d.pop("answered_at"))


        def _parse_answered_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        answered_by = _parse_answered_by(d.pop("answered_by"))


        due_on = datetime.date.fromisoformat(d.pop("due_on"))




        id = UUID(d.pop("id"))




        items = cast(list[str], d.pop("items"))


        legal_basis = d.pop("legal_basis")

        purpose = d.pop("purpose")

        requested_by = d.pop("requested_by")

        requested_on = datetime.date.fromisoformat(d.pop("requested_on"))




        requester_code = d.pop("requester_code")

        resource_code = d.pop("resource_code")

        status = d.pop("status")

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))




        valid_to = datetime.date.fromisoformat(d.pop("valid_to"))




        overdue = d.pop("overdue", UNSET)

        exchange_request_out = cls(
            answer=answer,
            answered_at=answered_at,
            answered_by=answered_by,
            due_on=due_on,
            id=id,
            items=items,
            legal_basis=legal_basis,
            purpose=purpose,
            requested_by=requested_by,
            requested_on=requested_on,
            requester_code=requester_code,
            resource_code=resource_code,
            status=status,
            valid_from=valid_from,
            valid_to=valid_to,
            overdue=overdue,
        )


        exchange_request_out.additional_properties = d
        return exchange_request_out

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
