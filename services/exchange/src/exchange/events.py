"""Events the exchange publishes (stream EXCHANGE, subjects ``exchange.>``). Ids, codes and keyed hashes only:
never names, ID numbers or record contents."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import Field

from meshkit.events import EventPayload, EventSpec

__all__ = [
    "CHAIN_CHECKPOINT",
    "CITY_CASE_RECEIVED",
    "CITY_MATTER_RECEIVED",
    "EVENTS",
    "RECORD_CHANGED",
    "ChainCheckpoint",
    "CityItemReceived",
    "RecordChanged",
]


class RecordChanged(EventPayload):
    resource_code: str = Field(description="the data resource (资源代码)")
    subject_ref: str = Field(description="keyed SHA-256 of the subject's identifier, never the identifier")
    version: int = Field(description="the provider's version of the record")
    operation: Literal["upsert", "delete"]


class CityItemReceived(EventPayload):
    kind: Literal["matter", "case"]
    external_id: str = Field(description="the city platform's matter code or case number")
    batch: str
    inbound_id: int


class ChainCheckpoint(EventPayload):
    n: int = Field(description="the checkpoint's number, from 1")
    seq: int = Field(description="how many links the access log's chain had")
    hash: str = Field(description="the chain's hash at that link (hex SHA-256)")
    signed_at: datetime
    key_id: str = Field(description="the signing key's id (GET /access-log/checkpoint-keys)")
    signature: str = Field(description="Ed25519 over the checkpoint's canonical JSON (base64)")
    digest: str = Field(description="SHA-256 of the message and the signature: what the witness time-stamps")


RECORD_CHANGED: EventSpec[RecordChanged] = EventSpec(
    service="exchange",
    name="record_changed",
    version=1,
    payload=RecordChanged,
    description="A shared record changed (库表 push, or an e-certificate issued or changed status).",
    example={
        "resource_code": "500110-SCJGJ-FR-001",
        "subject_ref": "9f2c" + "0" * 60,
        "version": 3,
        "operation": "upsert",
    },
)
CITY_MATTER_RECEIVED: EventSpec[CityItemReceived] = EventSpec(
    service="exchange",
    name="city_matter_received",
    version=1,
    payload=CityItemReceived,
    description="The city platform pushed a matter down (事项回流); verified and stored.",
    example={
        "kind": "matter",
        "external_id": "11500000MB1234567X-XK-001",
        "batch": "CQ-20261125-01",
        "inbound_id": 1,
    },
)
CITY_CASE_RECEIVED: EventSpec[CityItemReceived] = EventSpec(
    service="exchange",
    name="city_case_received",
    version=1,
    payload=CityItemReceived,
    description="The city platform pushed a case down (办件回流); verified and stored.",
    example={"kind": "case", "external_id": "500000202611250001", "batch": "CQ-20261125-01", "inbound_id": 2},
)

CHAIN_CHECKPOINT: EventSpec[ChainCheckpoint] = EventSpec(
    service="exchange",
    name="chain_checkpoint",
    version=1,
    payload=ChainCheckpoint,
    description="The access log's hash chain was checkpointed and signed with a key the database does not hold; "
    "keep it outside the hub: a rewrite of the log before it is then reported by the verifier.",
    example={
        "n": 42,
        "seq": 120000,
        "hash": "3f" * 32,
        "signed_at": "2026-06-15T02:01:00.000000Z",
        "key_id": "9a19892d949102d6",
        "signature": "A" * 86 + "==",
        "digest": "c0" * 32,
    },
)

EVENTS: list[EventSpec[Any]] = [RECORD_CHANGED, CITY_MATTER_RECEIVED, CITY_CASE_RECEIVED, CHAIN_CHECKPOINT]
