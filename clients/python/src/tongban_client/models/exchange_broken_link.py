from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ExchangeBrokenLink")



@_attrs_define
class ExchangeBrokenLink:
    """ 
        Attributes:
            detail (str):
            entry_id (None | str):
            problem (str): content_changed | link_broken | missing_entries | not_chained | head_mismatch |
                checkpoint_mismatch (rewritten between since_checkpoint and checkpoint) | head_behind_checkpoint (a tail cut or
                the log emptied, the head moved back) | checkpoint_signature_invalid | receipt_invalid
            seq (int):
            checkpoint (int | None | Unset): the checkpoint the chain fails against
            since_checkpoint (int | None | Unset): the last checkpoint the chain still matched (none: from the start)
     """

    detail: str
    entry_id: None | str
    problem: str
    seq: int
    checkpoint: int | None | Unset = UNSET
    since_checkpoint: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        detail = self.detail

        entry_id: None | str
        entry_id = self.entry_id

        problem = self.problem

        seq = self.seq

        checkpoint: int | None | Unset
        if isinstance(self.checkpoint, Unset):
            checkpoint = UNSET
        else:
            checkpoint = self.checkpoint

        since_checkpoint: int | None | Unset
        if isinstance(self.since_checkpoint, Unset):
            since_checkpoint = UNSET
        else:
            since_checkpoint = self.since_checkpoint


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "detail": detail,
            "entry_id": entry_id,
            "problem": problem,
            "seq": seq,
        })
        if checkpoint is not UNSET:
            field_dict["checkpoint"] = checkpoint
        if since_checkpoint is not UNSET:
            field_dict["since_checkpoint"] = since_checkpoint

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        detail = d.pop("detail")

        def _parse_entry_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        entry_id = _parse_entry_id(d.pop("entry_id"))


        problem = d.pop("problem")

        seq = d.pop("seq")

        def _parse_checkpoint(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        checkpoint = _parse_checkpoint(d.pop("checkpoint", UNSET))


        def _parse_since_checkpoint(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        since_checkpoint = _parse_since_checkpoint(d.pop("since_checkpoint", UNSET))


        exchange_broken_link = cls(
            detail=detail,
            entry_id=entry_id,
            problem=problem,
            seq=seq,
            checkpoint=checkpoint,
            since_checkpoint=since_checkpoint,
        )


        exchange_broken_link.additional_properties = d
        return exchange_broken_link

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
