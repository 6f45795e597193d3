from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.exchange_record_read_in_subject_kind_type_0 import ExchangeRecordReadInSubjectKindType0
from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast
import datetime






T = TypeVar("T", bound="ExchangeRecordReadIn")



@_attrs_define
class ExchangeRecordReadIn:
    """ A read of one subject's record, as ``POST /resources/{code}/read`` takes it, with the resource code.

        Attributes:
            identifier (str): the subject's ID number or credit code; body only, never URL
            kind (Literal['record']):
            resource_code (str): resource code (资源代码)
            case_ref (None | str | Unset): the case (办件编号) the reader's organization handles or received, whose party the
                subject is
            hidden_until (datetime.datetime | None | Unset): hide this read from the subject until then: only under a
                registered duty that allows it (e.g. an investigation), by a role allowed to hide, within the duty's maximum
            items (list[str] | None | Unset): data item keys; default all granted
            legal_basis (None | str | Unset): the code of a registered duty (履职依据编码) of the reader's organization: GET
                /duties
            person_id (None | str | Unset): ignored: the hub decides whose data a read touched from the identifier read,
                never from the caller
            purpose (None | str | Unset):
            served_org (None | str | Unset): the cases platform only (scope exchange:platform), reading under `case_ref`:
                the organization (hall or department) handling the case at that moment, whom the read serves and the log names;
                checked against the hub's record of the case (refused `served_org_not_in_case` otherwise). Default: the case's
                handling department. Any other reader reads for its own organization
            subject_kind (ExchangeRecordReadInSubjectKindType0 | None | Unset):
            traceparent (None | str | Unset): the W3C trace context of the work this read belongs to (e.g. the application
                whose material it is): the item is answered, logged and passed on to the providing system within that trace, not
                the batch's
     """

    identifier: str
    kind: Literal['record']
    resource_code: str
    case_ref: None | str | Unset = UNSET
    hidden_until: datetime.datetime | None | Unset = UNSET
    items: list[str] | None | Unset = UNSET
    legal_basis: None | str | Unset = UNSET
    person_id: None | str | Unset = UNSET
    purpose: None | str | Unset = UNSET
    served_org: None | str | Unset = UNSET
    subject_kind: ExchangeRecordReadInSubjectKindType0 | None | Unset = UNSET
    traceparent: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        identifier = self.identifier

        kind = self.kind

        resource_code = self.resource_code

        case_ref: None | str | Unset
        if isinstance(self.case_ref, Unset):
            case_ref = UNSET
        else:
            case_ref = self.case_ref

        hidden_until: None | str | Unset
        if isinstance(self.hidden_until, Unset):
            hidden_until = UNSET
        elif isinstance(self.hidden_until, datetime.datetime):
            hidden_until = self.hidden_until.isoformat()
        else:
            hidden_until = self.hidden_until

        items: list[str] | None | Unset
        if isinstance(self.items, Unset):
            items = UNSET
        elif isinstance(self.items, list):
            items = self.items


        else:
            items = self.items

        legal_basis: None | str | Unset
        if isinstance(self.legal_basis, Unset):
            legal_basis = UNSET
        else:
            legal_basis = self.legal_basis

        person_id: None | str | Unset
        if isinstance(self.person_id, Unset):
            person_id = UNSET
        else:
            person_id = self.person_id

        purpose: None | str | Unset
        if isinstance(self.purpose, Unset):
            purpose = UNSET
        else:
            purpose = self.purpose

        served_org: None | str | Unset
        if isinstance(self.served_org, Unset):
            served_org = UNSET
        else:
            served_org = self.served_org

        subject_kind: None | str | Unset
        if isinstance(self.subject_kind, Unset):
            subject_kind = UNSET
        elif isinstance(self.subject_kind, ExchangeRecordReadInSubjectKindType0):
            subject_kind = self.subject_kind.value
        else:
            subject_kind = self.subject_kind

        traceparent: None | str | Unset
        if isinstance(self.traceparent, Unset):
            traceparent = UNSET
        else:
            traceparent = self.traceparent


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "identifier": identifier,
            "kind": kind,
            "resource_code": resource_code,
        })
        if case_ref is not UNSET:
            field_dict["case_ref"] = case_ref
        if hidden_until is not UNSET:
            field_dict["hidden_until"] = hidden_until
        if items is not UNSET:
            field_dict["items"] = items
        if legal_basis is not UNSET:
            field_dict["legal_basis"] = legal_basis
        if person_id is not UNSET:
            field_dict["person_id"] = person_id
        if purpose is not UNSET:
            field_dict["purpose"] = purpose
        if served_org is not UNSET:
            field_dict["served_org"] = served_org
        if subject_kind is not UNSET:
            field_dict["subject_kind"] = subject_kind
        if traceparent is not UNSET:
            field_dict["traceparent"] = traceparent

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        identifier = d.pop("identifier")

        kind = cast(Literal['record'] , d.pop("kind"))
        if kind != 'record':
            raise ValueError(f"kind must match const 'record', got '{kind}'")

        resource_code = d.pop("resource_code")

        def _parse_case_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        case_ref = _parse_case_ref(d.pop("case_ref", UNSET))


        def _parse_hidden_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hidden_until_type_0 = datetime.datetime.fromisoformat(data)



                return hidden_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        hidden_until = _parse_hidden_until(d.pop("hidden_until", UNSET))


        def _parse_items(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                items_type_0 = cast(list[str], data)

                return items_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        items = _parse_items(d.pop("items", UNSET))


        def _parse_legal_basis(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        legal_basis = _parse_legal_basis(d.pop("legal_basis", UNSET))


        def _parse_person_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        person_id = _parse_person_id(d.pop("person_id", UNSET))


        def _parse_purpose(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        purpose = _parse_purpose(d.pop("purpose", UNSET))


        def _parse_served_org(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        served_org = _parse_served_org(d.pop("served_org", UNSET))


        def _parse_subject_kind(data: object) -> ExchangeRecordReadInSubjectKindType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                subject_kind_type_0 = ExchangeRecordReadInSubjectKindType0(data)



                return subject_kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExchangeRecordReadInSubjectKindType0 | None | Unset, data)

        subject_kind = _parse_subject_kind(d.pop("subject_kind", UNSET))


        def _parse_traceparent(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        traceparent = _parse_traceparent(d.pop("traceparent", UNSET))


        exchange_record_read_in = cls(
            identifier=identifier,
            kind=kind,
            resource_code=resource_code,
            case_ref=case_ref,
            hidden_until=hidden_until,
            items=items,
            legal_basis=legal_basis,
            person_id=person_id,
            purpose=purpose,
            served_org=served_org,
            subject_kind=subject_kind,
            traceparent=traceparent,
        )


        exchange_record_read_in.additional_properties = d
        return exchange_record_read_in

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
