"""Issue 18, failure 13: the AsyncAPI document pointed each message's payload at the ``data`` schema while what
travels on NATS is the CloudEvents envelope; it declared no servers nor NATS bindings, and events carried no
``dataschema``. Here the document is validated with the AsyncAPI CLI (npm, pinned in asyncapi_cli/: 0 errors), and
the envelope meshkit really builds for each type, serialized as the outbox relay sends it, must match that
message's declared payload (resolved as an integrator's code generator would resolve it).

Needs Node.js 20 and npm: ``npm ci`` installs asyncapi_cli/node_modules (npm's cache in asyncapi_cli/.npm-cache) on
the first run and whenever package-lock.json changes; only the npm registry is contacted."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from meshkit.events import SCHEMA_BASE, CloudEvent, new_event
from tongban.contracts import EVENTS

pytestmark = pytest.mark.contract

ROOT = Path(__file__).resolve().parents[2]
DOCUMENT = ROOT / "contracts" / "asyncapi.yaml"
CLI_DIR = Path(__file__).parent / "asyncapi_cli"
BASE = "https://tongban.example/contracts/"  # the document's own place: its relative $refs resolve from here


def _run(
    *command: str, env: dict[str, str] | None = None, timeout: float
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        cwd=CLI_DIR,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(scope="session")
def asyncapi_cli() -> Path:
    """asyncapi_cli/node_modules as package-lock.json pins it (``npm ci``, once per lock change)."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.fail("the AsyncAPI CLI needs Node.js 20 and npm on PATH (see README)")
    installed = CLI_DIR / "node_modules" / ".package-lock.json"
    lock = CLI_DIR / "package-lock.json"
    if not installed.exists() or installed.stat().st_mtime < lock.stat().st_mtime:
        done = _run(
            "npm",
            "ci",
            "--no-audit",
            "--no-fund",
            "--prefer-offline",
            env={"npm_config_cache": str(CLI_DIR / ".npm-cache"), "npm_config_update_notifier": "false"},
            timeout=900,
        )
        assert done.returncode == 0, f"npm ci failed:\n{done.stdout}\n{done.stderr}"
    return CLI_DIR / "node_modules" / ".bin" / "asyncapi"


def test_issue18_f13_the_asyncapi_cli_finds_0_errors(asyncapi_cli: Path, tmp_path: Path) -> None:
    """Failure 13 (gate): `asyncapi validate` of the committed document, every diagnostic of severity error or warning
    failing it. The CLI's usage metrics are switched off with a config file of the test's own."""
    analytics = tmp_path / "asyncapi-analytics.json"
    analytics.write_text(
        json.dumps({"analyticsEnabled": "false", "infoMessageShown": "true", "userID": "ci"})
    )
    done = _run(
        str(asyncapi_cli),
        "validate",
        str(DOCUMENT),
        "--fail-severity=warn",
        "--log-diagnostics",
        env={"ASYNCAPI_METRICS_CONFIG_PATH": str(analytics), "CI": "true"},
        timeout=300,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "0 errors" in output or "is valid!" in output, output


@cache
def _document() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(DOCUMENT.read_text())
    return loaded


@cache
def _registry() -> Registry[Any]:
    """The document and contracts/events/ files, where the payloads' $refs point."""
    document = _document()
    resources = [
        (BASE + "asyncapi.yaml", Resource.from_contents(document, default_specification=DRAFT202012))
    ]
    for path in sorted((ROOT / "contracts" / "events").glob("*.schema.json")):
        resources.append((BASE + f"events/{path.name}", Resource.from_contents(json.loads(path.read_text()))))
    registry: Registry[Any] = Registry().with_resources(resources)
    return registry


def _validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    """The message's payload with its $refs resolved: into the document, and to contracts/events/ files."""
    anchored = {**schema, "$id": BASE + "asyncapi.yaml#payload"}
    return jsonschema.Draft202012Validator(_rebased(anchored), registry=_registry())


def _rebased(schema: Any) -> Any:
    """``#/components/...`` refs of a message point into the whole document, not into the payload."""
    if isinstance(schema, dict):
        return {
            key: (
                BASE + "asyncapi.yaml" + value
                if key == "$ref" and value.startswith("#/")
                else _rebased(value)
            )
            for key, value in schema.items()
        }
    if isinstance(schema, list):
        return [_rebased(item) for item in schema]
    return schema


@pytest.mark.parametrize("spec", EVENTS, ids=lambda spec: spec.subject)
def test_issue18_f13_the_declared_payload_is_the_envelope_meshkit_sends(spec) -> None:  # type: ignore[no-untyped-def]
    """Failure 13: the wire body of an event meshkit builds (as the outbox relay serializes it) matches the
    message's payload; a bare ``data`` object (what the old document declared) does not."""
    document = _document()
    key = spec.subject.replace(".", "_")
    message = document["components"]["messages"][key]
    validator = _validator(message["payload"])
    event = new_event(
        spec, aggregate_id="agg-1", sequence=3, payload=spec.payload.model_validate(spec.example)
    )
    assert event.dataschema == f"{SCHEMA_BASE}{spec.subject}.schema.json"
    wire = json.loads(CloudEvent.model_validate(event.model_dump(mode="json")).model_dump_json())
    committed = json.loads((ROOT / "contracts" / "events" / f"{spec.subject}.schema.json").read_text())
    assert wire["dataschema"] == committed["$id"]
    validator.validate(wire)
    for example in message["examples"]:
        validator.validate(example["payload"])
    assert not validator.is_valid(spec.example), "the payload must be the envelope, not the data alone"
    assert not validator.is_valid({**wire, "dataschema": SCHEMA_BASE + "other.schema.json"})
    assert not validator.is_valid({key: value for key, value in wire.items() if key != "dataschema"})
    assert not validator.is_valid({**wire, "data": {}}), "data must be checked against the type's schema"


def test_issue18_f13_nats_servers_jetstream_and_headers_are_declared() -> None:
    """Failure 13: NATS servers (the launcher's default address and a production placeholder), each channel's
    JetStream stream, the NATS binding on each operation, the Nats-Msg-Id header the relay sends."""
    document = _document()
    servers = document["servers"]
    assert {server["protocol"] for server in servers.values()} == {"nats"}
    assert servers["local"]["host"] == "127.0.0.1:8842"
    assert set(servers["production"]["variables"]) == {"natsHost", "natsPort"}
    for spec in EVENTS:
        key = spec.subject.replace(".", "_")
        channel = document["channels"][key]
        assert channel["address"] == spec.subject
        assert channel["x-jetstream"]["stream"] == spec.stream
        assert document["operations"][f"publish_{key}"]["bindings"]["nats"]["bindingVersion"] == "0.1.0"
        headers = document["components"]["messages"][key]["headers"]
        assert headers["required"] == ["Nats-Msg-Id"]


def test_issue18_f13_subscriber_deliveries_on_nats_match_their_declared_message() -> None:
    """What the exchange sends on exchange.notify.{member_code} (not a CloudEvent) is declared as it is built."""
    from exchange.store.pubsub_models import Delivery, Subscription
    from exchange.use_cases.deliveries import _body, notify_subject

    delivery = Delivery(
        id=7,
        event_id="e-1",
        resource_code="500110-GAJ-RK-001",
        subject_ref="ab" * 32,
        version=2,
        operation="upsert",
    )
    body = _body(delivery, Subscription(id=3))
    declared = _document()["components"]["messages"]["exchange_notify"]
    jsonschema.Draft202012Validator(declared["payload"]).validate(body)
    assert set(body) == set(declared["payload"]["properties"])
    channel = _document()["channels"]["exchange_notify"]["address"]
    assert notify_subject("M1") == channel.replace("{member_code}", "M1")
