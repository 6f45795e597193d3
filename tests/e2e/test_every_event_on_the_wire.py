"""Issue 18, failure 14: 16 of the 25 event types were never produced outside the unit tests, so nothing showed that
they match their schemas on the wire. Here real user actions through the gateway make every service publish every
event type of contracts/events/, and each message the streams took meanwhile is read back from JetStream and
checked as an integrator would: the official CloudEvents SDK parses it (structured JSON), its envelope matches the
AsyncAPI document (with ``dataschema`` and the ``Nats-Msg-Id`` header), its ``data`` matches the committed schema,
and no message carries the applicant's ID number.
An event type of the contracts that no action produced fails the test."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

from meshkit.testing import eventually
from tongban.mesh import Mesh

from .emitters import Cases, catalog_events, exchange_events, identity_events, register_applicant
from .wire import NOTIFY_PREFIX, READERS, StreamReader, WireMessage, check, event_types

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(600)]

LogIn = Callable[..., Awaitable[tuple[dict[str, str], dict[str, Any]]]]


async def test_issue18_f14_every_event_type_is_produced_and_matches_its_contract_on_the_wire(
    http: httpx.AsyncClient,
    log_in: LogIn,
    mesh: Mesh,
    gateway_url: str,
    client_address: dict[str, str],
) -> None:
    """Failure 14: every event type in contracts/events is produced by the real mesh, and its wire message passes
    the CloudEvents SDK, the AsyncAPI envelope and its JSON Schema."""
    expected = event_types()
    assert len(expected) >= 31, expected  # the contracts as committed: a lost schema file is no pass
    reader = StreamReader(mesh)
    await reader.mark()

    applicant, _ = await register_applicant(http, log_in)
    await identity_events(http, log_in, gateway_url, client_address)
    await catalog_events(http)
    await exchange_events(http, mesh)
    cases = Cases(http, log_in, mesh, applicant)
    await cases.calendar()
    await cases.handled_to_the_end()
    await cases.refused()
    await cases.past_its_deadlines()

    async def every_type_on_a_stream() -> list[WireMessage]:
        messages = [m for stream in READERS for m in await reader.since_mark(stream)]
        produced = {
            json.loads(m.body).get("type") for m in messages if not m.subject.startswith(NOTIFY_PREFIX)
        }
        missing = expected - produced
        assert not missing, f"never produced since the test began: {sorted(missing)}"
        return messages

    messages = await eventually(every_type_on_a_stream, timeout=120, interval=1)
    checked: dict[str, int] = {}
    failures = []
    for message in messages:
        assert applicant.encode() not in message.body, f"{message.subject} carries an ID number"
        try:
            event_type = check(message)
        except Exception as exc:  # every bad message is reported, not only the first
            failures.append(f"{message.stream}#{message.seq} {message.subject}: {type(exc).__name__}: {exc}")
            continue
        checked[event_type] = checked.get(event_type, 0) + 1
    assert not failures, "\n".join(failures[:20])
    assert set(checked) >= expected, sorted(expected - set(checked))
    unknown = set(checked) - expected - {"exchange.notify"}
    assert not unknown, f"a type on the wire has no committed schema: {unknown}"
