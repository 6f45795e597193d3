from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.exchange_checkpoint_out_receipt_type_0 import ExchangeCheckpointOutReceiptType0





T = TypeVar("T", bound="ExchangeCheckpointOut")



@_attrs_define
class ExchangeCheckpointOut:
    """ 
        Attributes:
            digest (str): SHA-256 of the message and the signature: what the witness time-stamped
            hash_ (str):
            key_id (str):
            n (int):
            receipt (ExchangeCheckpointOutReceiptType0 | None): the witness's token: tst_info (base64 of its TSTInfo JSON),
                signature, algorithm, key_id
            seq (int):
            signature (str): Ed25519 over the checkpoint's canonical JSON, base64
            signed_at (datetime.datetime):
            witnessed_at (datetime.datetime | None): the witness's time-stamp (none yet: delivery retrying)
     """

    digest: str
    hash_: str
    key_id: str
    n: int
    receipt: ExchangeCheckpointOutReceiptType0 | None
    seq: int
    signature: str
    signed_at: datetime.datetime
    witnessed_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.exchange_checkpoint_out_receipt_type_0 import ExchangeCheckpointOutReceiptType0 # noqa: PLC0415
        digest = self.digest

        hash_ = self.hash_

        key_id = self.key_id

        n = self.n

        receipt: dict[str, Any] | None
        if isinstance(self.receipt, ExchangeCheckpointOutReceiptType0):
            receipt = self.receipt.to_dict()
        else:
            receipt = self.receipt

        seq = self.seq

        signature = self.signature

        signed_at = self.signed_at.isoformat()

        witnessed_at: None | str
        if isinstance(self.witnessed_at, datetime.datetime):
            witnessed_at = self.witnessed_at.isoformat()
        else:
            witnessed_at = self.witnessed_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "digest": digest,
            "hash": hash_,
            "key_id": key_id,
            "n": n,
            "receipt": receipt,
            "seq": seq,
            "signature": signature,
            "signed_at": signed_at,
            "witnessed_at": witnessed_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exchange_checkpoint_out_receipt_type_0 import ExchangeCheckpointOutReceiptType0 # noqa: PLC0415
        d = dict(src_dict)
        digest = d.pop("digest")

        hash_ = d.pop("hash")

        key_id = d.pop("key_id")

        n = d.pop("n")

        def _parse_receipt(data: object) -> ExchangeCheckpointOutReceiptType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                receipt_type_0 = ExchangeCheckpointOutReceiptType0.from_dict(data)



                return receipt_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExchangeCheckpointOutReceiptType0 | None, data)

        receipt = _parse_receipt(d.pop("receipt"))


        seq = d.pop("seq")

        signature = d.pop("signature")

        signed_at = datetime.datetime.fromisoformat(d.pop("signed_at"))




        def _parse_witnessed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                witnessed_at_type_0 = datetime.datetime.fromisoformat(data)



                return witnessed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        witnessed_at = _parse_witnessed_at(d.pop("witnessed_at"))


        exchange_checkpoint_out = cls(
            digest=digest,
            hash_=hash_,
            key_id=key_id,
            n=n,
            receipt=receipt,
            seq=seq,
            signature=signature,
            signed_at=signed_at,
            witnessed_at=witnessed_at,
        )


        exchange_checkpoint_out.additional_properties = d
        return exchange_checkpoint_out

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
