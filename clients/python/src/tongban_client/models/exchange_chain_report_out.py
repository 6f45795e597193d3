from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.exchange_broken_link import ExchangeBrokenLink
  from ..models.exchange_checkpoint_out import ExchangeCheckpointOut





T = TypeVar("T", bound="ExchangeChainReportOut")



@_attrs_define
class ExchangeChainReportOut:
    """ 
        Attributes:
            checked (int):
            first_broken (ExchangeBrokenLink | None):
            head_hash (str):
            head_seq (int):
            intact (bool):
            checkpoints_checked (int | Unset): signed checkpoints the chain was checked against Default: 0.
            entries_since_checkpoint (int | Unset): entries after the last checkpoint: not yet protected by one Default: 0.
            last_checkpoint (ExchangeCheckpointOut | None | Unset): compare it with the copies kept outside (the witness,
                the published events)
            unwitnessed_checkpoints (int | Unset): checkpoints still waiting for the witness Default: 0.
     """

    checked: int
    first_broken: ExchangeBrokenLink | None
    head_hash: str
    head_seq: int
    intact: bool
    checkpoints_checked: int | Unset = 0
    entries_since_checkpoint: int | Unset = 0
    last_checkpoint: ExchangeCheckpointOut | None | Unset = UNSET
    unwitnessed_checkpoints: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.exchange_broken_link import ExchangeBrokenLink # noqa: PLC0415
        from ..models.exchange_checkpoint_out import ExchangeCheckpointOut # noqa: PLC0415
        checked = self.checked

        first_broken: dict[str, Any] | None
        if isinstance(self.first_broken, ExchangeBrokenLink):
            first_broken = self.first_broken.to_dict()
        else:
            first_broken = self.first_broken

        head_hash = self.head_hash

        head_seq = self.head_seq

        intact = self.intact

        checkpoints_checked = self.checkpoints_checked

        entries_since_checkpoint = self.entries_since_checkpoint

        last_checkpoint: dict[str, Any] | None | Unset
        if isinstance(self.last_checkpoint, Unset):
            last_checkpoint = UNSET
        elif isinstance(self.last_checkpoint, ExchangeCheckpointOut):
            last_checkpoint = self.last_checkpoint.to_dict()
        else:
            last_checkpoint = self.last_checkpoint

        unwitnessed_checkpoints = self.unwitnessed_checkpoints


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "checked": checked,
            "first_broken": first_broken,
            "head_hash": head_hash,
            "head_seq": head_seq,
            "intact": intact,
        })
        if checkpoints_checked is not UNSET:
            field_dict["checkpoints_checked"] = checkpoints_checked
        if entries_since_checkpoint is not UNSET:
            field_dict["entries_since_checkpoint"] = entries_since_checkpoint
        if last_checkpoint is not UNSET:
            field_dict["last_checkpoint"] = last_checkpoint
        if unwitnessed_checkpoints is not UNSET:
            field_dict["unwitnessed_checkpoints"] = unwitnessed_checkpoints

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exchange_broken_link import ExchangeBrokenLink # noqa: PLC0415
        from ..models.exchange_checkpoint_out import ExchangeCheckpointOut # noqa: PLC0415
        d = dict(src_dict)
        checked = d.pop("checked")

        def _parse_first_broken(data: object) -> ExchangeBrokenLink | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                first_broken_type_0 = ExchangeBrokenLink.from_dict(data)



                return first_broken_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExchangeBrokenLink | None, data)

        first_broken = _parse_first_broken(d.pop("first_broken"))


        head_hash = d.pop("head_hash")

        head_seq = d.pop("head_seq")

        intact = d.pop("intact")

        checkpoints_checked = d.pop("checkpoints_checked", UNSET)

        entries_since_checkpoint = d.pop("entries_since_checkpoint", UNSET)

        def _parse_last_checkpoint(data: object) -> ExchangeCheckpointOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                last_checkpoint_type_0 = ExchangeCheckpointOut.from_dict(data)



                return last_checkpoint_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExchangeCheckpointOut | None | Unset, data)

        last_checkpoint = _parse_last_checkpoint(d.pop("last_checkpoint", UNSET))


        unwitnessed_checkpoints = d.pop("unwitnessed_checkpoints", UNSET)

        exchange_chain_report_out = cls(
            checked=checked,
            first_broken=first_broken,
            head_hash=head_hash,
            head_seq=head_seq,
            intact=intact,
            checkpoints_checked=checkpoints_checked,
            entries_since_checkpoint=entries_since_checkpoint,
            last_checkpoint=last_checkpoint,
            unwitnessed_checkpoints=unwitnessed_checkpoints,
        )


        exchange_chain_report_out.additional_properties = d
        return exchange_chain_report_out

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
