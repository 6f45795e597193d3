from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="ExchangeDeadLetter")



@_attrs_define
class ExchangeDeadLetter:
    """ 
        Attributes:
            attempts (int):
            batch (str):
            case_number (str):
            created_at (datetime.datetime):
            id (int):
            kind (str):
            last_error (None | str): why it was dead-lettered
            operation (str):
            record_id (str):
     """

    attempts: int
    batch: str
    case_number: str
    created_at: datetime.datetime
    id: int
    kind: str
    last_error: None | str
    operation: str
    record_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        attempts = self.attempts

        batch = self.batch

        case_number = self.case_number

        created_at = self.created_at.isoformat()

        id = self.id

        kind = self.kind

        last_error: None | str
        last_error = self.last_error

        operation = self.operation

        record_id = self.record_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attempts": attempts,
            "batch": batch,
            "case_number": case_number,
            "created_at": created_at,
            "id": id,
            "kind": kind,
            "last_error": last_error,
            "operation": operation,
            "record_id": record_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempts = d.pop("attempts")

        batch = d.pop("batch")

        case_number = d.pop("case_number")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        kind = d.pop("kind")

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))


        operation = d.pop("operation")

        record_id = d.pop("record_id")

        exchange_dead_letter = cls(
            attempts=attempts,
            batch=batch,
            case_number=case_number,
            created_at=created_at,
            id=id,
            kind=kind,
            last_error=last_error,
            operation=operation,
            record_id=record_id,
        )


        exchange_dead_letter.additional_properties = d
        return exchange_dead_letter

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
