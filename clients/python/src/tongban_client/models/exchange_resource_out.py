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
  from ..models.exchange_access_out import ExchangeAccessOut
  from ..models.exchange_resource_out_items_item import ExchangeResourceOutItemsItem





T = TypeVar("T", bound="ExchangeResourceOut")



@_attrs_define
class ExchangeResourceOut:
    """ 
        Attributes:
            code (str):
            items (list[ExchangeResourceOutItemsItem]):
            legal_basis (None | str):
            name (str):
            provider_code (str):
            published_on (datetime.date):
            sharing_condition (None | str):
            sharing_method (str):
            sharing_type (str):
            subject_kind (str):
            summary (str):
            update_cycle (str):
            access (ExchangeAccessOut | None | Unset):
     """

    code: str
    items: list[ExchangeResourceOutItemsItem]
    legal_basis: None | str
    name: str
    provider_code: str
    published_on: datetime.date
    sharing_condition: None | str
    sharing_method: str
    sharing_type: str
    subject_kind: str
    summary: str
    update_cycle: str
    access: ExchangeAccessOut | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.exchange_access_out import ExchangeAccessOut # noqa: PLC0415
        from ..models.exchange_resource_out_items_item import ExchangeResourceOutItemsItem # noqa: PLC0415
        code = self.code

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        legal_basis: None | str
        legal_basis = self.legal_basis

        name = self.name

        provider_code = self.provider_code

        published_on = self.published_on.isoformat()

        sharing_condition: None | str
        sharing_condition = self.sharing_condition

        sharing_method = self.sharing_method

        sharing_type = self.sharing_type

        subject_kind = self.subject_kind

        summary = self.summary

        update_cycle = self.update_cycle

        access: dict[str, Any] | None | Unset
        if isinstance(self.access, Unset):
            access = UNSET
        elif isinstance(self.access, ExchangeAccessOut):
            access = self.access.to_dict()
        else:
            access = self.access


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "items": items,
            "legal_basis": legal_basis,
            "name": name,
            "provider_code": provider_code,
            "published_on": published_on,
            "sharing_condition": sharing_condition,
            "sharing_method": sharing_method,
            "sharing_type": sharing_type,
            "subject_kind": subject_kind,
            "summary": summary,
            "update_cycle": update_cycle,
        })
        if access is not UNSET:
            field_dict["access"] = access

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exchange_access_out import ExchangeAccessOut # noqa: PLC0415
        from ..models.exchange_resource_out_items_item import ExchangeResourceOutItemsItem # noqa: PLC0415
        d = dict(src_dict)
        code = d.pop("code")

        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = ExchangeResourceOutItemsItem.from_dict(items_item_data)



            items.append(items_item)


        def _parse_legal_basis(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        legal_basis = _parse_legal_basis(d.pop("legal_basis"))


        name = d.pop("name")

        provider_code = d.pop("provider_code")

        published_on = datetime.date.fromisoformat(d.pop("published_on"))




        def _parse_sharing_condition(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sharing_condition = _parse_sharing_condition(d.pop("sharing_condition"))


        sharing_method = d.pop("sharing_method")

        sharing_type = d.pop("sharing_type")

        subject_kind = d.pop("subject_kind")

        summary = d.pop("summary")

        update_cycle = d.pop("update_cycle")

        def _parse_access(data: object) -> ExchangeAccessOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                access_type_0 = ExchangeAccessOut.from_dict(data)



                return access_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExchangeAccessOut | None | Unset, data)

        access = _parse_access(d.pop("access", UNSET))


        exchange_resource_out = cls(
            code=code,
            items=items,
            legal_basis=legal_basis,
            name=name,
            provider_code=provider_code,
            published_on=published_on,
            sharing_condition=sharing_condition,
            sharing_method=sharing_method,
            sharing_type=sharing_type,
            subject_kind=subject_kind,
            summary=summary,
            update_cycle=update_cycle,
            access=access,
        )


        exchange_resource_out.additional_properties = d
        return exchange_resource_out

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
