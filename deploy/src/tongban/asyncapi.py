"""The AsyncAPI 3.1 document of every event type: what really travels on NATS (issue 18, failure 13).

Each message's payload is the CloudEvents 1.0 structured envelope (:class:`meshkit.events.CloudEvent`) whose ``data``
is that type's committed JSON Schema (``events/<type>.schema.json``) and whose ``dataschema`` is that schema's URI.
The headers are the ones the outbox relay sends (``Nats-Msg-Id``, and the trace context of the work that staged the
event: ``traceparent``, ``X-Request-Id``, also in the envelope as the extensions ``traceparent`` and ``requestid``). Servers are NATS: the launcher's embedded server and a production placeholder. The AsyncAPI NATS
bindings only know a queue group on operations; the JetStream stream each subject is captured by (name, subjects,
storage, retention, duplicate window) is documented with the ``x-jetstream`` extension on each channel.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from meshkit.events import CloudEvent, EventSpec
from meshkit.streams import StreamPolicy
from tongban.config import DEFAULT_BASE_PORT, NATS_OFFSET

__all__ = ["ENVELOPE", "NOTIFY_KEY", "asyncapi", "envelope_schema"]

ENVELOPE = "CloudEvent"
NATS_BINDING = {"bindingVersion": "0.1.0"}
# meshkit.streams' default configuration (TONGBAN_STREAM_*), as an integrator needs it (durations in seconds)
_DEFAULT = StreamPolicy()
STREAM_CONFIG = {
    "storage": _DEFAULT.storage,
    "retention": "limits",
    "discard": "old",
    "max_age": int(_DEFAULT.max_age_days * 24 * 3600),
}
DUPLICATE_WINDOW = int(_DEFAULT.duplicate_window)
_EXAMPLE_ID = "0b9b4b4e-6f1e-4a53-9d55-3a0c2f7b9e10"
_EXAMPLE_TIME = "2026-12-06T08:00:00.250000Z"


def envelope_schema() -> dict[str, Any]:
    """meshkit's CloudEvent model as JSON Schema, with what the wire always carries marked required."""
    schema: dict[str, Any] = CloudEvent.model_json_schema()
    properties = schema["properties"]
    properties["specversion"] = {"const": "1.0", "type": "string", "description": "CloudEvents 1.0"}
    properties["id"]["description"] = "unique per event; also sent as the Nats-Msg-Id header"
    properties["source"]["description"] = "/tongban/<producing service>"
    properties["type"]["description"] = "the event type = the NATS subject, <service>.<event>.v<major>"
    properties["datacontenttype"] = {"const": "application/json", "type": "string"}
    properties["dataschema"] = {
        "type": "string",
        "format": "uri",
        "description": properties["dataschema"]["description"],
    }
    properties["data"]["description"] = "the event's payload: ids and codes only, never personal data"
    properties["traceparent"] = {
        "type": "string",
        "description": "CloudEvents distributed-tracing extension: the W3C trace context of the work that staged the "
        "event (also the `traceparent` header)",
    }
    properties["requestid"] = {
        "type": "string",
        "description": "extension: the request id of the request that staged the event (also `X-Request-Id`)",
    }
    schema["required"] = sorted({*schema["required"], "specversion", "datacontenttype"})
    schema["description"] = (
        "CloudEvents 1.0 structured JSON (application/cloudevents+json) plus the extension `sequence` "
        "(the aggregate's version, for ordering within one aggregate) and, when a request or an event's handling "
        "staged it, the extensions `traceparent` (CloudEvents distributed tracing) and `requestid`."
    )
    return schema


def _payload(spec: EventSpec[Any]) -> dict[str, Any]:
    return {
        "allOf": [
            {"$ref": f"#/components/schemas/{ENVELOPE}"},
            {
                "type": "object",
                "required": ["dataschema"],
                "properties": {
                    "type": {"const": spec.subject, "type": "string"},
                    "source": {"const": f"/tongban/{spec.service}", "type": "string"},
                    "dataschema": {"const": spec.dataschema, "type": "string", "format": "uri"},
                    "data": {"$ref": f"events/{spec.subject}.schema.json"},
                },
            },
        ]
    }


def _example(spec: EventSpec[Any]) -> dict[str, Any]:
    envelope = {
        "specversion": "1.0",
        "id": _EXAMPLE_ID,
        "source": f"/tongban/{spec.service}",
        "type": spec.subject,
        "subject": "aggregate-id",
        "time": _EXAMPLE_TIME,
        "datacontenttype": "application/json",
        "dataschema": spec.dataschema,
        "sequence": 1,
        "data": copy.deepcopy(spec.example),
    }
    return {"name": "wire", "headers": {"Nats-Msg-Id": _EXAMPLE_ID}, "payload": envelope}


HEADERS = {
    "type": "object",
    "required": ["Nats-Msg-Id"],
    "properties": {
        "Nats-Msg-Id": {
            "type": "string",
            "format": "uuid",
            "description": "= the envelope's `id`: JetStream drops a repeat inside the stream's duplicate window "
            "(the outbox relay may publish an event twice after a crash)",
        },
        "traceparent": {
            "type": "string",
            "pattern": "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
            "description": "W3C trace context of the request or event handling that staged the event (absent when "
            "none did); consumers continue that trace",
        },
        "X-Request-Id": {
            "type": "string",
            "description": "request id of the request that staged the event (absent when none did)",
        },
    },
}


NOTIFY_KEY = "exchange_notify"
# exchange.use_cases.deliveries._body: what a subscriber system with channel "nats" receives (not a CloudEvent)
NOTIFICATION = {
    "type": "object",
    "description": "A change of a subscribed resource (订阅通知), one per delivery; plain JSON, not a CloudEvent.",
    "required": [
        "type",
        "delivery_id",
        "event_id",
        "subscription_id",
        "resource_code",
        "subject_ref",
        "version",
        "operation",
    ],
    "properties": {
        "type": {"const": "exchange.record_changed.v1", "type": "string"},
        "delivery_id": {"type": "string"},
        "event_id": {"type": "string", "description": "the record_changed event this delivery is for"},
        "subscription_id": {"type": "string"},
        "resource_code": {"type": "string"},
        "subject_ref": {
            "type": "string",
            "description": "keyed SHA-256 of the subject, never the identifier",
        },
        "version": {"type": "integer"},
        "operation": {"type": "string"},
    },
}


def _notifications() -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """The exchange's deliveries to subscriber systems on NATS: channel, operation, message."""
    channel = {
        "address": "exchange.notify.{member_code}",
        "description": "Deliveries to one subscriber system (订阅方) whose subscriptions use channel `nats`; "
        "captured by the stream EXCHANGE, read by that member's own consumer.",
        "parameters": {"member_code": {"description": "the subscriber's member code (接入方编码)"}},
        "messages": {NOTIFY_KEY: {"$ref": f"#/components/messages/{NOTIFY_KEY}"}},
        "x-jetstream": {
            "stream": "EXCHANGE",
            "subjects": ["exchange.>"],
            "deduplication_header": "Nats-Msg-Id",
        },
    }
    operation = {
        "action": "send",
        "channel": {"$ref": f"#/channels/{NOTIFY_KEY}"},
        "messages": [{"$ref": f"#/channels/{NOTIFY_KEY}/messages/{NOTIFY_KEY}"}],
        "summary": "the exchange's worker delivers a subscribed change (retried with backoff until acked)",
        "bindings": {"nats": dict(NATS_BINDING)},
    }
    message = {
        "name": "exchange.notify",
        "title": "subscription delivery",
        "contentType": "application/json",
        "headers": {
            "type": "object",
            "required": ["Nats-Msg-Id"],
            "properties": {"Nats-Msg-Id": {"type": "string", "description": "delivery-<delivery_id>"}},
        },
        "payload": copy.deepcopy(NOTIFICATION),
    }
    return channel, operation, message


def _servers() -> dict[str, Any]:
    def security() -> list[dict[str, str]]:
        return [{"$ref": "#/components/securitySchemes/natsUser"}]

    return {
        "local": {
            "host": f"127.0.0.1:{DEFAULT_BASE_PORT + NATS_OFFSET}",
            "protocol": "nats",
            "description": "The embedded NATS JetStream of `tongban up` (NATS_URL's default: base port + 42).",
            "security": security(),
        },
        "production": {
            "host": "{natsHost}:{natsPort}",
            "protocol": "nats",
            "description": "The district's NATS JetStream cluster (NATS_URL of every service and worker).",
            "variables": {
                "natsHost": {"default": "nats.tongban.example", "description": "the NATS server or cluster"},
                "natsPort": {"default": "4222", "description": "the client port"},
            },
            "security": security(),
        },
    }


def asyncapi(events: Sequence[EventSpec[Any]]) -> dict[str, Any]:
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    for spec in events:
        key = spec.subject.replace(".", "_")
        messages[key] = {
            "name": spec.subject,
            "title": spec.subject,
            "summary": spec.description,
            "contentType": "application/cloudevents+json",
            "headers": copy.deepcopy(HEADERS),
            "payload": _payload(spec),
            "examples": [_example(spec)],
        }
        channels[key] = {
            "address": spec.subject,
            "description": f"Captured by the JetStream stream {spec.stream} ({spec.service}.>).",
            "messages": {key: {"$ref": f"#/components/messages/{key}"}},
            "x-jetstream": {
                "stream": spec.stream,
                "subjects": [f"{spec.service}.>"],
                **STREAM_CONFIG,  # scalars only: no YAML aliases
                "duplicate_window": DUPLICATE_WINDOW,
                "deduplication_header": "Nats-Msg-Id",
            },
        }
        operations[f"publish_{key}"] = {
            "action": "send",
            "channel": {"$ref": f"#/channels/{key}"},
            "messages": [{"$ref": f"#/channels/{key}/messages/{key}"}],
            "summary": f"{spec.service}'s worker publishes {spec.name} from its transactional outbox",
            "bindings": {"nats": dict(NATS_BINDING)},
            "x-jetstream-ack": "the relay awaits the stream's ack and retries until it comes",
        }
    channels[NOTIFY_KEY], operations[f"deliver_{NOTIFY_KEY}"], messages[NOTIFY_KEY] = _notifications()
    return {
        "asyncapi": "3.1.0",
        "info": {
            "title": "Tongban events (通办事件)",
            "version": "1.0.0",
            "description": "CloudEvents 1.0 structured envelopes on NATS JetStream; one stream per producer, "
            "durable pull consumers with explicit ack. Each message is the envelope; its `data` conforms to "
            "the schema its `dataschema` names (contracts/events/<type>.schema.json).",
        },
        "defaultContentType": "application/cloudevents+json",
        "servers": _servers(),
        "channels": channels,
        "operations": operations,
        "components": {
            "schemas": {ENVELOPE: envelope_schema()},
            "messages": messages,
            "securitySchemes": {
                "natsUser": {
                    "type": "userPassword",
                    "description": "One NATS user per kind of process, each allowed only its own subjects "
                    "(deploy/nats/permissions.toml).",
                }
            },
        },
    }
