"""Read what really travels on the mesh's JetStream streams and check it as an integrator would (issue 18, failure
14): each message parsed by the official CloudEvents SDK (structured JSON), its envelope checked against the
AsyncAPI document's envelope schema and message constraints, its ``data`` against the committed JSON Schema that
its ``dataschema`` names, and its ``Nats-Msg-Id`` header equal to the event's id."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from cloudevents.core.formats.json import JSONFormat
from cloudevents.core.v1.event import CloudEvent as SdkCloudEvent
from nats.aio.client import Client as NATS
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy

from meshkit.events import SCHEMA_BASE
from meshkit.worker import connect_nats
from tongban.mesh import Mesh

__all__ = ["CONTRACTS", "NOTIFY_PREFIX", "READERS", "StreamReader", "WireMessage", "check", "event_types"]

CONTRACTS = Path(__file__).resolve().parents[2] / "contracts"
# The NATS user that may read each stream (deploy/nats/permissions.toml): an ephemeral consumer, never a publish.
READERS = {
    "IDENTITY": "identity",
    "CATALOG": "exchange-worker",
    "CASES": "exchange-worker",
    "EXCHANGE": "exchange-worker",
}


def event_types() -> set[str]:
    """Every event type of the contracts: contracts/events/<type>.schema.json."""
    return {path.name.removesuffix(".schema.json") for path in (CONTRACTS / "events").glob("*.schema.json")}


@cache
def _asyncapi() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((CONTRACTS / "asyncapi.yaml").read_text())
    return loaded


@cache
def _data_schema(event_type: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((CONTRACTS / "events" / f"{event_type}.schema.json").read_text())
    return loaded


@dataclass(frozen=True)
class WireMessage:
    stream: str
    seq: int
    subject: str
    headers: dict[str, str]
    body: bytes


@dataclass
class StreamReader:
    """Marks where each stream stands, then reads every message published after the mark."""

    mesh: Mesh
    marks: dict[str, int] = field(default_factory=dict)

    @asynccontextmanager
    async def _connected(self, stream: str) -> AsyncIterator[NATS]:
        assert self.mesh.nats is not None
        nc = await connect_nats(self.mesh.nats.url_for(READERS[stream]), name="e2e-wire-reader")
        try:
            yield nc
        finally:
            await nc.drain()

    async def last(self, stream: str) -> int:
        async with self._connected(stream) as nc:
            return int((await nc.jetstream().stream_info(stream)).state.last_seq)

    async def mark(self) -> None:
        for stream in READERS:
            self.marks[stream] = await self.last(stream)

    async def since_mark(self, stream: str) -> list[WireMessage]:
        start = self.marks[stream] + 1
        async with self._connected(stream) as nc:
            js = nc.jetstream()
            end = int((await js.stream_info(stream)).state.last_seq)
            if end < start:
                return []
            config = ConsumerConfig(
                deliver_policy=DeliverPolicy.BY_START_SEQUENCE,
                opt_start_seq=start,
                ack_policy=AckPolicy.NONE,
                inactive_threshold=30.0,
            )
            subscription = await js.pull_subscribe(f"{stream.lower()}.>", stream=stream, config=config)
            found: list[WireMessage] = []
            try:
                while not found or found[-1].seq < end:
                    for msg in await subscription.fetch(batch=200, timeout=10):
                        found.append(
                            WireMessage(
                                stream,
                                msg.metadata.sequence.stream,
                                msg.subject,
                                dict(msg.headers or {}),
                                msg.data,
                            )
                        )
            finally:
                await subscription.unsubscribe()
            return [m for m in found if m.seq <= end]


NOTIFY_PREFIX = "exchange.notify."  # the exchange's deliveries to subscriber systems: plain JSON, not events


def check(message: WireMessage) -> str:
    """Every check an integrator would make of one message; returns its event type (``exchange.notify`` for a
    subscriber delivery). Raises on any failure."""
    if message.subject.startswith(NOTIFY_PREFIX):
        declared = _asyncapi()["components"]["messages"]["exchange_notify"]
        jsonschema.Draft202012Validator(declared["payload"]).validate(json.loads(message.body))
        assert message.headers.get("Nats-Msg-Id", "").startswith("delivery-"), message.headers
        return "exchange.notify"
    event = JSONFormat().read(SdkCloudEvent, message.body)  # the SDK's structured-mode parsing and validation
    attributes = event.get_attributes()
    assert event.get_specversion() == "1.0", attributes
    event_type = event.get_type()
    assert message.subject == event_type, (message.subject, event_type)
    assert message.headers.get("Nats-Msg-Id") == event.get_id(), (message.headers, event.get_id())
    assert event.get_dataschema() == f"{SCHEMA_BASE}{event_type}.schema.json", attributes
    assert event.get_datacontenttype() == "application/json", attributes
    document = _asyncapi()
    envelope = document["components"]["schemas"]["CloudEvent"]
    jsonschema.Draft202012Validator(envelope).validate(json.loads(message.body))
    key = event_type.replace(".", "_")
    constraints = document["components"]["messages"][key]["payload"]["allOf"][1]["properties"]
    for attribute in ("type", "source", "dataschema"):
        assert attributes[attribute] == constraints[attribute]["const"], (attribute, attributes)
    data = event.get_data()
    assert isinstance(data, dict), data
    jsonschema.Draft202012Validator(_data_schema(event_type)).validate(data)
    return event_type
