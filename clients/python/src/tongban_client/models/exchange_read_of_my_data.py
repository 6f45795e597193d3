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






T = TypeVar("T", bound="ExchangeReadOfMyData")



@_attrs_define
class ExchangeReadOfMyData:
    """ 
        Attributes:
            at (datetime.datetime):
            case_ref (None | str):
            id (UUID):
            item_names (list[str]): the data items read, by their Chinese names (数据项)
            items (list[str]):
            legal_basis (None | str):
            organization (None | str): name of the reading department (读取部门); for a citizen's or company's own login, the
                organization running the system it read through (e.g. the web hall's 綦江区行政服务中心)
            organization_code (None | str): the reading department's code, for integrators
            outcome (str):
            outcome_label (str): 已提供数据, 允许读取，但提供部门没有该记录, 已拒绝 or 未能读取
            purpose (None | str):
            reason (None | str):
            reason_label (None | str): why it was refused or failed, in Chinese
            resource (None | str):
            resource_code (str):
            system (str): the client id of the system that read, for integrators
            read_by (str | Unset): who read, in Chinese (读取方): organization, system and, for a citizen's or company's own
                login, the kind of user — e.g. 区税务局的区税务局征管系统, 个人用户经綦江区行政服务中心的通办网上办事大厅查询 Default: ''.
            requester (None | str | Unset): for a citizen's or company's own login that asked: self (the reader herself),
                own_enterprise (another login of the reader's company) or other (another citizen or company — never who); none
                when a department read (its organization and system say who)
            requester_label (None | str | Unset): 您本人, 本单位 or 其他人
            system_name (None | str | Unset): the reading system by its name (读取系统), as the hub's operators entered it for
                the member (none: not entered yet)
     """

    at: datetime.datetime
    case_ref: None | str
    id: UUID
    item_names: list[str]
    items: list[str]
    legal_basis: None | str
    organization: None | str
    organization_code: None | str
    outcome: str
    outcome_label: str
    purpose: None | str
    reason: None | str
    reason_label: None | str
    resource: None | str
    resource_code: str
    system: str
    read_by: str | Unset = ''
    requester: None | str | Unset = UNSET
    requester_label: None | str | Unset = UNSET
    system_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        case_ref: None | str
        case_ref = self.case_ref

        id = str(self.id)

        item_names = self.item_names



        items = self.items



        legal_basis: None | str
        legal_basis = self.legal_basis

        organization: None | str
        organization = self.organization

        organization_code: None | str
        organization_code = self.organization_code

        outcome = self.outcome

        outcome_label = self.outcome_label

        purpose: None | str
        purpose = self.purpose

        reason: None | str
        reason = self.reason

        reason_label: None | str
        reason_label = self.reason_label

        resource: None | str
        resource = self.resource

        resource_code = self.resource_code

        system = self.system

        read_by = self.read_by

        requester: None | str | Unset
        if isinstance(self.requester, Unset):
            requester = UNSET
        else:
            requester = self.requester

        requester_label: None | str | Unset
        if isinstance(self.requester_label, Unset):
            requester_label = UNSET
        else:
            requester_label = self.requester_label

        system_name: None | str | Unset
        if isinstance(self.system_name, Unset):
            system_name = UNSET
        else:
            system_name = self.system_name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "at": at,
            "case_ref": case_ref,
            "id": id,
            "item_names": item_names,
            "items": items,
            "legal_basis": legal_basis,
            "organization": organization,
            "organization_code": organization_code,
            "outcome": outcome,
            "outcome_label": outcome_label,
            "purpose": purpose,
            "reason": reason,
            "reason_label": reason_label,
            "resource": resource,
            "resource_code": resource_code,
            "system": system,
        })
        if read_by is not UNSET:
            field_dict["read_by"] = read_by
        if requester is not UNSET:
            field_dict["requester"] = requester
        if requester_label is not UNSET:
            field_dict["requester_label"] = requester_label
        if system_name is not UNSET:
            field_dict["system_name"] = system_name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))




        def _parse_case_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        case_ref = _parse_case_ref(d.pop("case_ref"))


        id = UUID(d.pop("id"))




        item_names = cast(list[str], d.pop("item_names"))


        items = cast(list[str], d.pop("items"))


        def _parse_legal_basis(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        legal_basis = _parse_legal_basis(d.pop("legal_basis"))


        def _parse_organization(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        organization = _parse_organization(d.pop("organization"))


        def _parse_organization_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        organization_code = _parse_organization_code(d.pop("organization_code"))


        outcome = d.pop("outcome")

        outcome_label = d.pop("outcome_label")

        def _parse_purpose(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        purpose = _parse_purpose(d.pop("purpose"))


        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        def _parse_reason_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason_label = _parse_reason_label(d.pop("reason_label"))


        def _parse_resource(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resource = _parse_resource(d.pop("resource"))


        resource_code = d.pop("resource_code")

        system = d.pop("system")

        read_by = d.pop("read_by", UNSET)

        def _parse_requester(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        requester = _parse_requester(d.pop("requester", UNSET))


        def _parse_requester_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        requester_label = _parse_requester_label(d.pop("requester_label", UNSET))


        def _parse_system_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        system_name = _parse_system_name(d.pop("system_name", UNSET))


        exchange_read_of_my_data = cls(
            at=at,
            case_ref=case_ref,
            id=id,
            item_names=item_names,
            items=items,
            legal_basis=legal_basis,
            organization=organization,
            organization_code=organization_code,
            outcome=outcome,
            outcome_label=outcome_label,
            purpose=purpose,
            reason=reason,
            reason_label=reason_label,
            resource=resource,
            resource_code=resource_code,
            system=system,
            read_by=read_by,
            requester=requester,
            requester_label=requester_label,
            system_name=system_name,
        )


        exchange_read_of_my_data.additional_properties = d
        return exchange_read_of_my_data

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
