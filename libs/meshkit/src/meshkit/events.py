"""CloudEvents 1.0 envelope, event specifications, and JetStream stream helpers.

A service declares what it publishes as :class:`EventSpec` objects in its ``events.py``; the contracts generator
turns them into JSON Schemas and the AsyncAPI document.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from meshkit.observability import current_request_id, current_traceparent

__all__ = [
    "DEAD_LETTER_STREAM",
    "SCHEMA_BASE",
    "CloudEvent",
    "EventPayload",
    "EventSpec",
    "new_event",
    "stream_for",
    "trace_headers",
]

log = logging.getLogger("meshkit.events")

DEAD_LETTER_STREAM = "DEADLETTER"
DEAD_LETTER_PREFIX = "deadletter"
# Where the committed JSON Schema of each event type lives (contracts/events/<type>.schema.json): the
# ``dataschema`` of every event and the ``$id`` of its schema.
SCHEMA_BASE = "https://tongban.example/contracts/events/"


class EventPayload(BaseModel):
    """Base of every payload: ids and codes only, never personal data. Unknown fields are kept (v1 may grow)."""

    model_config = ConfigDict(extra="allow", frozen=True)


P = TypeVar("P", bound=EventPayload)


@dataclass(frozen=True)
class EventSpec(Generic[P]):
    """One published event type: ``<service>.<event>.v<major>``."""

    service: str
    name: str
    version: int
    payload: type[P]
    description: str
    example: dict[str, Any]

    @property
    def subject(self) -> str:
        return f"{self.service}.{self.name}.v{self.version}"

    @property
    def stream(self) -> str:
        return stream_for(self.service)

    @property
    def dataschema(self) -> str:
        """The URI of this type's JSON Schema: the CloudEvents ``dataschema`` of its events."""
        return f"{SCHEMA_BASE}{self.subject}.schema.json"


def stream_for(service: str) -> str:
    """One stream per producer: ``CATALOG`` takes ``catalog.>``."""
    return service.upper()


class CloudEvent(BaseModel):
    """CloudEvents 1.0 structured JSON, plus ``sequence`` = the aggregate's version."""

    model_config = ConfigDict(extra="allow", frozen=True)

    specversion: str = "1.0"
    id: str
    source: str
    type: str
    subject: str = Field(description="the aggregate id")
    time: datetime
    datacontenttype: str = "application/json"
    dataschema: str | None = Field(
        default=None,
        exclude_if=lambda value: value is None,  # CloudEvents: an absent attribute, never null
        description="URI of the JSON Schema ``data`` conforms to (contracts/events/<type>.schema.json); set on "
        "every event meshkit builds, absent only on messages published before it was",
    )
    sequence: int = Field(ge=0, description="the aggregate's version, for ordering within one aggregate")
    data: dict[str, Any]


def new_event(spec: EventSpec[P], *, aggregate_id: str, sequence: int, payload: P) -> CloudEvent:
    """A new event; staged inside a request or an event's handling, it carries that work's trace context as the
    CloudEvents distributed-tracing extension (``traceparent``) and its request id (``requestid``), which the outbox
    relay sends as message headers (:func:`trace_headers`) and consumers continue."""
    context: dict[str, Any] = {}
    traceparent = current_traceparent()
    if traceparent is not None:
        context["traceparent"] = traceparent
    request_id = current_request_id()
    if request_id is not None:
        context["requestid"] = request_id
    return CloudEvent(
        id=str(uuid.uuid4()),
        source=f"/tongban/{spec.service}",
        type=spec.subject,
        subject=aggregate_id,
        time=datetime.now(UTC),
        dataschema=spec.dataschema,
        sequence=sequence,
        data=payload.model_dump(mode="json"),
        **context,
    )


def trace_headers(envelope: Mapping[str, Any]) -> dict[str, str]:
    """NATS headers for an event's trace context (W3C ``traceparent``, ``X-Request-Id``), from its envelope."""
    headers: dict[str, str] = {}
    traceparent = envelope.get("traceparent")
    if isinstance(traceparent, str):
        headers["traceparent"] = traceparent
    request_id = envelope.get("requestid")
    if isinstance(request_id, str):
        headers["X-Request-Id"] = request_id
    return headers
