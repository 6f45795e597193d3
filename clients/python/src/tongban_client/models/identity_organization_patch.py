from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.identity_organization_kind import IdentityOrganizationKind
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="IdentityOrganizationPatch")



@_attrs_define
class IdentityOrganizationPatch:
    """ Only the fields sent change. ``null`` is taken only where it means something (no credit code, a root, not
    retired); elsewhere it is refused (422).

        Attributes:
            credit_code (None | str | Unset): null: none
            division_code (str | Unset):
            kind (IdentityOrganizationKind | Unset):
            name (str | Unset): 名称
            parent_code (None | str | Unset): null: a root
            valid_from (datetime.date | Unset):
            valid_to (datetime.date | None | Unset): set to retire (撤销); null to restore
     """

    credit_code: None | str | Unset = UNSET
    division_code: str | Unset = UNSET
    kind: IdentityOrganizationKind | Unset = UNSET
    name: str | Unset = UNSET
    parent_code: None | str | Unset = UNSET
    valid_from: datetime.date | Unset = UNSET
    valid_to: datetime.date | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        credit_code: None | str | Unset
        if isinstance(self.credit_code, Unset):
            credit_code = UNSET
        else:
            credit_code = self.credit_code

        division_code = self.division_code

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        name = self.name

        parent_code: None | str | Unset
        if isinstance(self.parent_code, Unset):
            parent_code = UNSET
        else:
            parent_code = self.parent_code

        valid_from: str | Unset = UNSET
        if not isinstance(self.valid_from, Unset):
            valid_from = self.valid_from.isoformat()

        valid_to: None | str | Unset
        if isinstance(self.valid_to, Unset):
            valid_to = UNSET
        elif isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if credit_code is not UNSET:
            field_dict["credit_code"] = credit_code
        if division_code is not UNSET:
            field_dict["division_code"] = division_code
        if kind is not UNSET:
            field_dict["kind"] = kind
        if name is not UNSET:
            field_dict["name"] = name
        if parent_code is not UNSET:
            field_dict["parent_code"] = parent_code
        if valid_from is not UNSET:
            field_dict["valid_from"] = valid_from
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_credit_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        credit_code = _parse_credit_code(d.pop("credit_code", UNSET))


        division_code = d.pop("division_code", UNSET)

        _kind = d.pop("kind", UNSET)
        kind: IdentityOrganizationKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = IdentityOrganizationKind(_kind)




        name = d.pop("name", UNSET)

        def _parse_parent_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_code = _parse_parent_code(d.pop("parent_code", UNSET))


        _valid_from = d.pop("valid_from", UNSET)
        valid_from: datetime.date | Unset
        if isinstance(_valid_from,  Unset):
            valid_from = UNSET
        else:
            valid_from = datetime.date.fromisoformat(_valid_from)




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


        identity_organization_patch = cls(
            credit_code=credit_code,
            division_code=division_code,
            kind=kind,
            name=name,
            parent_code=parent_code,
            valid_from=valid_from,
            valid_to=valid_to,
        )

        return identity_organization_patch

