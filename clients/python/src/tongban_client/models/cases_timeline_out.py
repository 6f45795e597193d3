from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="CasesTimelineOut")



@_attrs_define
class CasesTimelineOut:
    """ 
        Attributes:
            action (str):
            action_label (str): what was done, in Chinese (e.g. 受理, 一次性告知补正)
            actor_org (None | str):
            actor_role (str):
            actor_role_label (str): in which capacity (申请人, 窗口工作人员, 审核人员 …)
            at (datetime.datetime):
            from_status (None | str):
            from_status_label (None | str):
            opinion (None | str):
            to_status (str):
            to_status_label (str):
            actor_name (None | str | Unset): for staff readers: the staff member who acted, by name (from identity); never
                an id, and null for the applicant's own reading (she reads the capacity and the organization)
            actor_org_name (None | str | Unset): the acting organization's name
            to_org (None | str | Unset): for forward (转办): the hall the case was sent to, to accept it
            to_org_name (None | str | Unset):
     """

    action: str
    action_label: str
    actor_org: None | str
    actor_role: str
    actor_role_label: str
    at: datetime.datetime
    from_status: None | str
    from_status_label: None | str
    opinion: None | str
    to_status: str
    to_status_label: str
    actor_name: None | str | Unset = UNSET
    actor_org_name: None | str | Unset = UNSET
    to_org: None | str | Unset = UNSET
    to_org_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        action = self.action

        action_label = self.action_label

        actor_org: None | str
        actor_org = self.actor_org

        actor_role = self.actor_role

        actor_role_label = self.actor_role_label

        at = self.at.isoformat()

        from_status: None | str
        from_status = self.from_status

        from_status_label: None | str
        from_status_label = self.from_status_label

        opinion: None | str
        opinion = self.opinion

        to_status = self.to_status

        to_status_label = self.to_status_label

        actor_name: None | str | Unset
        if isinstance(self.actor_name, Unset):
            actor_name = UNSET
        else:
            actor_name = self.actor_name

        actor_org_name: None | str | Unset
        if isinstance(self.actor_org_name, Unset):
            actor_org_name = UNSET
        else:
            actor_org_name = self.actor_org_name

        to_org: None | str | Unset
        if isinstance(self.to_org, Unset):
            to_org = UNSET
        else:
            to_org = self.to_org

        to_org_name: None | str | Unset
        if isinstance(self.to_org_name, Unset):
            to_org_name = UNSET
        else:
            to_org_name = self.to_org_name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "action": action,
            "action_label": action_label,
            "actor_org": actor_org,
            "actor_role": actor_role,
            "actor_role_label": actor_role_label,
            "at": at,
            "from_status": from_status,
            "from_status_label": from_status_label,
            "opinion": opinion,
            "to_status": to_status,
            "to_status_label": to_status_label,
        })
        if actor_name is not UNSET:
            field_dict["actor_name"] = actor_name
        if actor_org_name is not UNSET:
            field_dict["actor_org_name"] = actor_org_name
        if to_org is not UNSET:
            field_dict["to_org"] = to_org
        if to_org_name is not UNSET:
            field_dict["to_org_name"] = to_org_name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        action_label = d.pop("action_label")

        def _parse_actor_org(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_org = _parse_actor_org(d.pop("actor_org"))


        actor_role = d.pop("actor_role")

        actor_role_label = d.pop("actor_role_label")

        at = datetime.datetime.fromisoformat(d.pop("at"))




        def _parse_from_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        from_status = _parse_from_status(d.pop("from_status"))


        def _parse_from_status_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        from_status_label = _parse_from_status_label(d.pop("from_status_label"))


        def _parse_opinion(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        opinion = _parse_opinion(d.pop("opinion"))


        to_status = d.pop("to_status")

        to_status_label = d.pop("to_status_label")

        def _parse_actor_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor_name = _parse_actor_name(d.pop("actor_name", UNSET))


        def _parse_actor_org_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor_org_name = _parse_actor_org_name(d.pop("actor_org_name", UNSET))


        def _parse_to_org(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        to_org = _parse_to_org(d.pop("to_org", UNSET))


        def _parse_to_org_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        to_org_name = _parse_to_org_name(d.pop("to_org_name", UNSET))


        cases_timeline_out = cls(
            action=action,
            action_label=action_label,
            actor_org=actor_org,
            actor_role=actor_role,
            actor_role_label=actor_role_label,
            at=at,
            from_status=from_status,
            from_status_label=from_status_label,
            opinion=opinion,
            to_status=to_status,
            to_status_label=to_status_label,
            actor_name=actor_name,
            actor_org_name=actor_org_name,
            to_org=to_org,
            to_org_name=to_org_name,
        )


        cases_timeline_out.additional_properties = d
        return cases_timeline_out

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
