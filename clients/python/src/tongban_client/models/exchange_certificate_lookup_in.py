from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.exchange_subject_kind import ExchangeSubjectKind
from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast






T = TypeVar("T", bound="ExchangeCertificateLookupIn")



@_attrs_define
class ExchangeCertificateLookupIn:
    """ A certificate lookup, as ``POST /certificates/lookup`` takes it.

        Attributes:
            holder_identifier (str): body only, never URL
            holder_kind (ExchangeSubjectKind):
            kind (Literal['certificates']):
            case_ref (None | str | Unset): the case (办件编号) the reader's organization handles or received, whose party the
                subject is
            legal_basis (None | str | Unset): the code of a registered duty (履职依据编码) of the reader's organization: GET
                /duties
            person_id (None | str | Unset): ignored: the hub decides whose data a lookup touched
            purpose (None | str | Unset):
            served_org (None | str | Unset): the cases platform only (scope exchange:platform), reading under `case_ref`:
                the organization (hall or department) handling the case at that moment, whom the read serves and the log names;
                checked against the hub's record of the case (refused `served_org_not_in_case` otherwise). Default: the case's
                handling department. Any other reader reads for its own organization
            traceparent (None | str | Unset): the W3C trace context of the work this read belongs to (e.g. the application
                whose material it is): the item is answered, logged and passed on to the providing system within that trace, not
                the batch's
            type_code (None | str | Unset): certificate type code (证照类型代码) or a known alias
     """

    holder_identifier: str
    holder_kind: ExchangeSubjectKind
    kind: Literal['certificates']
    case_ref: None | str | Unset = UNSET
    legal_basis: None | str | Unset = UNSET
    person_id: None | str | Unset = UNSET
    purpose: None | str | Unset = UNSET
    served_org: None | str | Unset = UNSET
    traceparent: None | str | Unset = UNSET
    type_code: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        holder_identifier = self.holder_identifier

        holder_kind = self.holder_kind.value

        kind = self.kind

        case_ref: None | str | Unset
        if isinstance(self.case_ref, Unset):
            case_ref = UNSET
        else:
            case_ref = self.case_ref

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

        traceparent: None | str | Unset
        if isinstance(self.traceparent, Unset):
            traceparent = UNSET
        else:
            traceparent = self.traceparent

        type_code: None | str | Unset
        if isinstance(self.type_code, Unset):
            type_code = UNSET
        else:
            type_code = self.type_code


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "holder_identifier": holder_identifier,
            "holder_kind": holder_kind,
            "kind": kind,
        })
        if case_ref is not UNSET:
            field_dict["case_ref"] = case_ref
        if legal_basis is not UNSET:
            field_dict["legal_basis"] = legal_basis
        if person_id is not UNSET:
            field_dict["person_id"] = person_id
        if purpose is not UNSET:
            field_dict["purpose"] = purpose
        if served_org is not UNSET:
            field_dict["served_org"] = served_org
        if traceparent is not UNSET:
            field_dict["traceparent"] = traceparent
        if type_code is not UNSET:
            field_dict["type_code"] = type_code

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        holder_identifier = d.pop("holder_identifier")

        holder_kind = ExchangeSubjectKind(d.pop("holder_kind"))




        kind = cast(Literal['certificates'] , d.pop("kind"))
        if kind != 'certificates':
            raise ValueError(f"kind must match const 'certificates', got '{kind}'")

        def _parse_case_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        case_ref = _parse_case_ref(d.pop("case_ref", UNSET))


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


        def _parse_traceparent(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        traceparent = _parse_traceparent(d.pop("traceparent", UNSET))


        def _parse_type_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_code = _parse_type_code(d.pop("type_code", UNSET))


        exchange_certificate_lookup_in = cls(
            holder_identifier=holder_identifier,
            holder_kind=holder_kind,
            kind=kind,
            case_ref=case_ref,
            legal_basis=legal_basis,
            person_id=person_id,
            purpose=purpose,
            served_org=served_org,
            traceparent=traceparent,
            type_code=type_code,
        )


        exchange_certificate_lookup_in.additional_properties = d
        return exchange_certificate_lookup_in

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
