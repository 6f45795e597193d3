from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="IdentityRelationOut")



@_attrs_define
class IdentityRelationOut:
    """ 
        Attributes:
            person_id (str):
            relation (None | str): self | guardian | legal_representative | agent; null: the person may not act for the
                subject
            subject_id (str):
            subject_kind (str):
     """

    person_id: str
    relation: None | str
    subject_id: str
    subject_kind: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        person_id = self.person_id

        relation: None | str
        relation = self.relation

        subject_id = self.subject_id

        subject_kind = self.subject_kind


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "person_id": person_id,
            "relation": relation,
            "subject_id": subject_id,
            "subject_kind": subject_kind,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        person_id = d.pop("person_id")

        def _parse_relation(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        relation = _parse_relation(d.pop("relation"))


        subject_id = d.pop("subject_id")

        subject_kind = d.pop("subject_kind")

        identity_relation_out = cls(
            person_id=person_id,
            relation=relation,
            subject_id=subject_id,
            subject_kind=subject_kind,
        )


        identity_relation_out.additional_properties = d
        return identity_relation_out

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
