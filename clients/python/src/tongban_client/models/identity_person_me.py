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





T = TypeVar("T", bound="IdentityPersonMe")



@_attrs_define
class IdentityPersonMe:
    """ 
        Attributes:
            enterprises (list[IdentityEnterpriseOut]): enterprises this person legally represents
            kind (Literal['person']):  Default: 'person'.
            person (IdentityPersonOut):
     """

    enterprises: list[IdentityEnterpriseOut]
    person: IdentityPersonOut
    kind: Literal['person'] = 'person'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.identity_enterprise_out import IdentityEnterpriseOut # noqa: PLC0415
        from ..models.identity_person_out import IdentityPersonOut # noqa: PLC0415
        enterprises = []
        for enterprises_item_data in self.enterprises:
            enterprises_item = enterprises_item_data.to_dict()
            enterprises.append(enterprises_item)



        kind = self.kind

        person = self.person.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "enterprises": enterprises,
            "kind": kind,
            "person": person,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.identity_enterprise_out import IdentityEnterpriseOut # noqa: PLC0415
        from ..models.identity_person_out import IdentityPersonOut # noqa: PLC0415
        d = dict(src_dict)
        enterprises = []
        _enterprises = d.pop("enterprises")
        for enterprises_item_data in (_enterprises):
            enterprises_item = IdentityEnterpriseOut.from_dict(enterprises_item_data)



            enterprises.append(enterprises_item)


        kind = cast(Literal['person'] , d.pop("kind"))
        if kind != 'person':
            raise ValueError(f"kind must match const 'person', got '{kind}'")

        person = IdentityPersonOut.from_dict(d.pop("person"))




        identity_person_me = cls(
            enterprises=enterprises,
            kind=kind,
            person=person,
        )


        identity_person_me.additional_properties = d
        return identity_person_me

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
