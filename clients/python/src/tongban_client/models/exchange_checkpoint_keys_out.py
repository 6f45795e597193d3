from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.exchange_public_key_out import ExchangePublicKeyOut





T = TypeVar("T", bound="ExchangeCheckpointKeysOut")



@_attrs_define
class ExchangeCheckpointKeysOut:
    """ 
        Attributes:
            checkpoint_keys (list[ExchangePublicKeyOut]):
            witness_keys (list[ExchangePublicKeyOut]): the time-stamping authority's keys the hub accepts
     """

    checkpoint_keys: list[ExchangePublicKeyOut]
    witness_keys: list[ExchangePublicKeyOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.exchange_public_key_out import ExchangePublicKeyOut # noqa: PLC0415
        checkpoint_keys = []
        for checkpoint_keys_item_data in self.checkpoint_keys:
            checkpoint_keys_item = checkpoint_keys_item_data.to_dict()
            checkpoint_keys.append(checkpoint_keys_item)



        witness_keys = []
        for witness_keys_item_data in self.witness_keys:
            witness_keys_item = witness_keys_item_data.to_dict()
            witness_keys.append(witness_keys_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "checkpoint_keys": checkpoint_keys,
            "witness_keys": witness_keys,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exchange_public_key_out import ExchangePublicKeyOut # noqa: PLC0415
        d = dict(src_dict)
        checkpoint_keys = []
        _checkpoint_keys = d.pop("checkpoint_keys")
        for checkpoint_keys_item_data in (_checkpoint_keys):
            checkpoint_keys_item = ExchangePublicKeyOut.from_dict(checkpoint_keys_item_data)



            checkpoint_keys.append(checkpoint_keys_item)


        witness_keys = []
        _witness_keys = d.pop("witness_keys")
        for witness_keys_item_data in (_witness_keys):
            witness_keys_item = ExchangePublicKeyOut.from_dict(witness_keys_item_data)



            witness_keys.append(witness_keys_item)


        exchange_checkpoint_keys_out = cls(
            checkpoint_keys=checkpoint_keys,
            witness_keys=witness_keys,
        )


        exchange_checkpoint_keys_out.additional_properties = d
        return exchange_checkpoint_keys_out

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
