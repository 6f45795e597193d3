from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="IdentityAgentIn")



@_attrs_define
class IdentityAgentIn:
    """ 
        Attributes:
            expires_at (datetime.datetime): 授权截止时间: the authorization ends then (at most ~3 years)
            id_number (str): the agent's 公民身份号码 (a registered person)
     """

    expires_at: datetime.datetime
    id_number: str





    def to_dict(self) -> dict[str, Any]:
        expires_at = self.expires_at.isoformat()

        id_number = self.id_number


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "expires_at": expires_at,
            "id_number": id_number,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        id_number = d.pop("id_number")

        identity_agent_in = cls(
            expires_at=expires_at,
            id_number=id_number,
        )

        return identity_agent_in

