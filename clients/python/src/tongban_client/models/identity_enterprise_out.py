from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="IdentityEnterpriseOut")



@_attrs_define
class IdentityEnterpriseOut:
    """ 
        Attributes:
            created_at (datetime.datetime):
            credit_code_masked (str):
            id (str):
            legal_representative_id (str):
            name (str):
            credit_code (None | str | Unset): only for the legal representative with ?reveal=true
     """

    created_at: datetime.datetime
    credit_code_masked: str
    id: str
    legal_representative_id: str
    name: str
    credit_code: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        credit_code_masked = self.credit_code_masked

        id = self.id

        legal_representative_id = self.legal_representative_id

        name = self.name

        credit_code: None | str | Unset
        if isinstance(self.credit_code, Unset):
            credit_code = UNSET
        else:
            credit_code = self.credit_code


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "credit_code_masked": credit_code_masked,
            "id": id,
            "legal_representative_id": legal_representative_id,
            "name": name,
        })
        if credit_code is not UNSET:
            field_dict["credit_code"] = credit_code

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        credit_code_masked = d.pop("credit_code_masked")

        id = d.pop("id")

        legal_representative_id = d.pop("legal_representative_id")

        name = d.pop("name")

        def _parse_credit_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        credit_code = _parse_credit_code(d.pop("credit_code", UNSET))


        identity_enterprise_out = cls(
            created_at=created_at,
            credit_code_masked=credit_code_masked,
            id=id,
            legal_representative_id=legal_representative_id,
            name=name,
            credit_code=credit_code,
        )


        identity_enterprise_out.additional_properties = d
        return identity_enterprise_out

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
