from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.identity_enterprise_out import IdentityEnterpriseOut
  from ..models.identity_person_out import IdentityPersonOut





T = TypeVar("T", bound="IdentityEnterpriseMe")



@_attrs_define
class IdentityEnterpriseMe:
    """ 
        Attributes:
            enterprise (IdentityEnterpriseOut):
            kind (Literal['enterprise']):  Default: 'enterprise'.
            representative (IdentityPersonOut):
     """

    enterprise: IdentityEnterpriseOut
    representative: IdentityPersonOut
    kind: Literal['enterprise'] = 'enterprise'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.identity_enterprise_out import IdentityEnterpriseOut # noqa: PLC0415
        from ..models.identity_person_out import IdentityPersonOut # noqa: PLC0415
        enterprise = self.enterprise.to_dict()

        kind = self.kind

        representative = self.representative.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "enterprise": enterprise,
            "kind": kind,
            "representative": representative,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.identity_enterprise_out import IdentityEnterpriseOut # noqa: PLC0415
        from ..models.identity_person_out import IdentityPersonOut # noqa: PLC0415
        d = dict(src_dict)
        enterprise = IdentityEnterpriseOut.from_dict(d.pop("enterprise"))




        kind = cast(Literal['enterprise'] , d.pop("kind"))
        if kind != 'enterprise':
            raise ValueError(f"kind must match const 'enterprise', got '{kind}'")

        representative = IdentityPersonOut.from_dict(d.pop("representative"))




        identity_enterprise_me = cls(
            enterprise=enterprise,
            kind=kind,
            representative=representative,
        )


        identity_enterprise_me.additional_properties = d
        return identity_enterprise_me

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
