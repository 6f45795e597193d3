from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.exchange_subject_kind import ExchangeSubjectKind
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.exchange_issue_in_content_type_0 import ExchangeIssueInContentType0





T = TypeVar("T", bound="ExchangeIssueIn")



@_attrs_define
class ExchangeIssueIn:
    """ 
        Attributes:
            holder_identifier (str): holder's ID number or credit code
            holder_kind (ExchangeSubjectKind):
            holder_name (str):
            valid_from (datetime.date):
            case_ref (None | str | Unset): the case that produced it
            content (ExchangeIssueInContentType0 | None | Unset):
            holder_id (None | str | Unset): identity's id of the holder
            identifier (None | str | Unset): GB/T 36904 identifier; leave out to have the registry assign one from type_code
                and the issuer's credit code
            issuer_org (None | str | Unset): the issuing member when a platform system issues on its behalf (scope
                exchange:certificates:issue)
            type_code (None | str | Unset): certificate type: the national code (证照类型代码) or an alias from GET /certificate-
                types; required without identifier
            type_name (None | str | Unset): default: the type directory's name
            valid_to (datetime.date | None | Unset):
     """

    holder_identifier: str
    holder_kind: ExchangeSubjectKind
    holder_name: str
    valid_from: datetime.date
    case_ref: None | str | Unset = UNSET
    content: ExchangeIssueInContentType0 | None | Unset = UNSET
    holder_id: None | str | Unset = UNSET
    identifier: None | str | Unset = UNSET
    issuer_org: None | str | Unset = UNSET
    type_code: None | str | Unset = UNSET
    type_name: None | str | Unset = UNSET
    valid_to: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.exchange_issue_in_content_type_0 import ExchangeIssueInContentType0 # noqa: PLC0415
        holder_identifier = self.holder_identifier

        holder_kind = self.holder_kind.value

        holder_name = self.holder_name

        valid_from = self.valid_from.isoformat()

        case_ref: None | str | Unset
        if isinstance(self.case_ref, Unset):
            case_ref = UNSET
        else:
            case_ref = self.case_ref

        content: dict[str, Any] | None | Unset
        if isinstance(self.content, Unset):
            content = UNSET
        elif isinstance(self.content, ExchangeIssueInContentType0):
            content = self.content.to_dict()
        else:
            content = self.content

        holder_id: None | str | Unset
        if isinstance(self.holder_id, Unset):
            holder_id = UNSET
        else:
            holder_id = self.holder_id

        identifier: None | str | Unset
        if isinstance(self.identifier, Unset):
            identifier = UNSET
        else:
            identifier = self.identifier

        issuer_org: None | str | Unset
        if isinstance(self.issuer_org, Unset):
            issuer_org = UNSET
        else:
            issuer_org = self.issuer_org

        type_code: None | str | Unset
        if isinstance(self.type_code, Unset):
            type_code = UNSET
        else:
            type_code = self.type_code

        type_name: None | str | Unset
        if isinstance(self.type_name, Unset):
            type_name = UNSET
        else:
            type_name = self.type_name

        valid_to: None | str | Unset
        if isinstance(self.valid_to, Unset):
            valid_to = UNSET
        elif isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "holder_identifier": holder_identifier,
            "holder_kind": holder_kind,
            "holder_name": holder_name,
            "valid_from": valid_from,
        })
        if case_ref is not UNSET:
            field_dict["case_ref"] = case_ref
        if content is not UNSET:
            field_dict["content"] = content
        if holder_id is not UNSET:
            field_dict["holder_id"] = holder_id
        if identifier is not UNSET:
            field_dict["identifier"] = identifier
        if issuer_org is not UNSET:
            field_dict["issuer_org"] = issuer_org
        if type_code is not UNSET:
            field_dict["type_code"] = type_code
        if type_name is not UNSET:
            field_dict["type_name"] = type_name
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exchange_issue_in_content_type_0 import ExchangeIssueInContentType0 # noqa: PLC0415
        d = dict(src_dict)
        holder_identifier = d.pop("holder_identifier")

        holder_kind = ExchangeSubjectKind(d.pop("holder_kind"))




        holder_name = d.pop("holder_name")

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))




        def _parse_case_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        case_ref = _parse_case_ref(d.pop("case_ref", UNSET))


        def _parse_content(data: object) -> ExchangeIssueInContentType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                content_type_0 = ExchangeIssueInContentType0.from_dict(data)



                return content_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExchangeIssueInContentType0 | None | Unset, data)

        content = _parse_content(d.pop("content", UNSET))


        def _parse_holder_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        holder_id = _parse_holder_id(d.pop("holder_id", UNSET))


        def _parse_identifier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        identifier = _parse_identifier(d.pop("identifier", UNSET))


        def _parse_issuer_org(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        issuer_org = _parse_issuer_org(d.pop("issuer_org", UNSET))


        def _parse_type_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_code = _parse_type_code(d.pop("type_code", UNSET))


        def _parse_type_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_name = _parse_type_name(d.pop("type_name", UNSET))


        def _parse_valid_to(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_to_type_0 = datetime.date.fromisoformat(data)



                return valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_to = _parse_valid_to(d.pop("valid_to", UNSET))


        exchange_issue_in = cls(
            holder_identifier=holder_identifier,
            holder_kind=holder_kind,
            holder_name=holder_name,
            valid_from=valid_from,
            case_ref=case_ref,
            content=content,
            holder_id=holder_id,
            identifier=identifier,
            issuer_org=issuer_org,
            type_code=type_code,
            type_name=type_name,
            valid_to=valid_to,
        )


        exchange_issue_in.additional_properties = d
        return exchange_issue_in

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
