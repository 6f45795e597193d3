from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.exchange_resource_in_sharing_method import ExchangeResourceInSharingMethod
from ..models.exchange_resource_in_sharing_type import ExchangeResourceInSharingType
from ..models.exchange_resource_in_subject_kind import ExchangeResourceInSubjectKind
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.exchange_item import ExchangeItem





T = TypeVar("T", bound="ExchangeResourceIn")



@_attrs_define
class ExchangeResourceIn:
    """ 
        Attributes:
            items (list[ExchangeItem]):
            name (str):
            provider_code (str):
            published_on (datetime.date):
            sharing_method (ExchangeResourceInSharingMethod):
            sharing_type (ExchangeResourceInSharingType):
            summary (str):
            update_cycle (str):
            endpoint_url (None | str | Unset):
            legal_basis (None | str | Unset):
            sharing_condition (None | str | Unset):
            subject_kind (ExchangeResourceInSubjectKind | Unset):  Default: ExchangeResourceInSubjectKind.PERSON.
            timeout_ms (int | Unset):  Default: 3000.
     """

    items: list[ExchangeItem]
    name: str
    provider_code: str
    published_on: datetime.date
    sharing_method: ExchangeResourceInSharingMethod
    sharing_type: ExchangeResourceInSharingType
    summary: str
    update_cycle: str
    endpoint_url: None | str | Unset = UNSET
    legal_basis: None | str | Unset = UNSET
    sharing_condition: None | str | Unset = UNSET
    subject_kind: ExchangeResourceInSubjectKind | Unset = ExchangeResourceInSubjectKind.PERSON
    timeout_ms: int | Unset = 3000
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.exchange_item import ExchangeItem # noqa: PLC0415
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        name = self.name

        provider_code = self.provider_code

        published_on = self.published_on.isoformat()

        sharing_method = self.sharing_method.value

        sharing_type = self.sharing_type.value

        summary = self.summary

        update_cycle = self.update_cycle

        endpoint_url: None | str | Unset
        if isinstance(self.endpoint_url, Unset):
            endpoint_url = UNSET
        else:
            endpoint_url = self.endpoint_url

        legal_basis: None | str | Unset
        if isinstance(self.legal_basis, Unset):
            legal_basis = UNSET
        else:
            legal_basis = self.legal_basis

        sharing_condition: None | str | Unset
        if isinstance(self.sharing_condition, Unset):
            sharing_condition = UNSET
        else:
            sharing_condition = self.sharing_condition

        subject_kind: str | Unset = UNSET
        if not isinstance(self.subject_kind, Unset):
            subject_kind = self.subject_kind.value


        timeout_ms = self.timeout_ms


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "items": items,
            "name": name,
            "provider_code": provider_code,
            "published_on": published_on,
            "sharing_method": sharing_method,
            "sharing_type": sharing_type,
            "summary": summary,
            "update_cycle": update_cycle,
        })
        if endpoint_url is not UNSET:
            field_dict["endpoint_url"] = endpoint_url
        if legal_basis is not UNSET:
            field_dict["legal_basis"] = legal_basis
        if sharing_condition is not UNSET:
            field_dict["sharing_condition"] = sharing_condition
        if subject_kind is not UNSET:
            field_dict["subject_kind"] = subject_kind
        if timeout_ms is not UNSET:
            field_dict["timeout_ms"] = timeout_ms

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exchange_item import ExchangeItem # noqa: PLC0415
        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = ExchangeItem.from_dict(items_item_data)



            items.append(items_item)


        name = d.pop("name")

        provider_code = d.pop("provider_code")

        published_on = datetime.date.fromisoformat(d.pop("published_on"))




        sharing_method = ExchangeResourceInSharingMethod(d.pop("sharing_method"))




        sharing_type = ExchangeResourceInSharingType(d.pop("sharing_type"))




        summary = d.pop("summary")

        update_cycle = d.pop("update_cycle")

        def _parse_endpoint_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        endpoint_url = _parse_endpoint_url(d.pop("endpoint_url", UNSET))


        def _parse_legal_basis(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        legal_basis = _parse_legal_basis(d.pop("legal_basis", UNSET))


        def _parse_sharing_condition(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sharing_condition = _parse_sharing_condition(d.pop("sharing_condition", UNSET))


        _subject_kind = d.pop("subject_kind", UNSET)
        subject_kind: ExchangeResourceInSubjectKind | Unset
        if isinstance(_subject_kind,  Unset):
            subject_kind = UNSET
        else:
            subject_kind = ExchangeResourceInSubjectKind(_subject_kind)




        timeout_ms = d.pop("timeout_ms", UNSET)

        exchange_resource_in = cls(
            items=items,
            name=name,
            provider_code=provider_code,
            published_on=published_on,
            sharing_method=sharing_method,
            sharing_type=sharing_type,
            summary=summary,
            update_cycle=update_cycle,
            endpoint_url=endpoint_url,
            legal_basis=legal_basis,
            sharing_condition=sharing_condition,
            subject_kind=subject_kind,
            timeout_ms=timeout_ms,
        )


        exchange_resource_in.additional_properties = d
        return exchange_resource_in

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
