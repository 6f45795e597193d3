from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.identity_enterprise_out import IdentityEnterpriseOut





T = TypeVar("T", bound="IdentityReclaimOut")



@_attrs_define
class IdentityReclaimOut:
    """ 
        Attributes:
            agents_revoked (int):
            enterprise (IdentityEnterpriseOut):
            previous_representative_id (str):
            sessions_ended (int): enterprise logins ended (their tokens revoked)
     """

    agents_revoked: int
    enterprise: IdentityEnterpriseOut
    previous_representative_id: str
    sessions_ended: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.identity_enterprise_out import IdentityEnterpriseOut # noqa: PLC0415
        agents_revoked = self.agents_revoked

        enterprise = self.enterprise.to_dict()

        previous_representative_id = self.previous_representative_id

        sessions_ended = self.sessions_ended


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "agents_revoked": agents_revoked,
            "enterprise": enterprise,
            "previous_representative_id": previous_representative_id,
            "sessions_ended": sessions_ended,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.identity_enterprise_out import IdentityEnterpriseOut # noqa: PLC0415
        d = dict(src_dict)
        agents_revoked = d.pop("agents_revoked")

        enterprise = IdentityEnterpriseOut.from_dict(d.pop("enterprise"))




        previous_representative_id = d.pop("previous_representative_id")

        sessions_ended = d.pop("sessions_ended")

        identity_reclaim_out = cls(
            agents_revoked=agents_revoked,
            enterprise=enterprise,
            previous_representative_id=previous_representative_id,
            sessions_ended=sessions_ended,
        )


        identity_reclaim_out.additional_properties = d
        return identity_reclaim_out

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
