"""Failure 9 (NATS part): the embedded NATS admits only the mesh's users, each within its own subjects.

The session's server runs with ``deploy/nats/permissions.toml`` (the pytest plugin reads it, as the launcher does).
"""

from __future__ import annotations

import asyncio
import json
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import nats
import pytest
from nats.aio.client import Client as NATS
from nats.js.api import AckPolicy, ConsumerConfig

from meshkit.embedded import EmbeddedNats
from meshkit.streams import ensure_stream
from meshkit.testing import eventually
from meshkit.worker import connect_nats

pytestmark = pytest.mark.integration


@asynccontextmanager
async def connected(server: EmbeddedNats, user: str) -> AsyncIterator[tuple[NATS, list[str]]]:
    """A connection as ``user`` and the permission errors the server sent it."""
    errors: list[str] = []

    async def record(exc: Exception) -> None:
        errors.append(str(exc))

    nc = await nats.connect(
        server.url_for(user), error_cb=record, inbox_prefix=f"_INBOX.{user}", allow_reconnect=False
    )
    try:
        yield nc, errors
    finally:
        await nc.close()


def refused(errors: list[str], subject: str) -> Callable[[], Awaitable[None]]:
    """A probe: the server told this connection it may not use ``subject`` (nats-py lowercases the message)."""

    async def probe() -> None:
        assert any("permissions violation" in e and subject.lower() in e for e in map(str.lower, errors)), (
            errors
        )

    return probe


async def _handshake(server: EmbeddedNats, connect: dict[str, object]) -> tuple[dict[str, object], str]:
    """The server's INFO, and its answer to CONNECT + PING, on a raw connection (NATS's text protocol)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
    try:
        info = json.loads((await reader.readline()).decode().removeprefix("INFO ").strip())
        writer.write(
            f"CONNECT {json.dumps({'verbose': False, 'pedantic': False, **connect})}\r\nPING\r\n".encode()
        )
        await writer.drain()
        return info, (await asyncio.wait_for(reader.readline(), 5)).decode().strip()
    finally:
        writer.close()
        await writer.wait_closed()


async def test_failure_9_an_unauthenticated_connection_is_refused(nats_server: EmbeddedNats) -> None:
    """Failure 9: any local process could read or publish on every stream; now no user, no connection."""
    assert nats_server.users, "the session's NATS must run with the mesh's users"
    info, answer = await _handshake(nats_server, {})
    assert info.get("auth_required") is True
    assert answer == "-ERR 'Authorization Violation'"
    _, answer = await _handshake(nats_server, {"user": "cases-worker", "pass": "not-the-password"})
    assert answer == "-ERR 'Authorization Violation'"
    password = next(u.password for u in nats_server.users if u.name == "cases-worker")
    _, answer = await _handshake(nats_server, {"user": "cases-worker", "pass": password})
    assert answer == "PONG"


async def test_failure_9_a_service_cannot_publish_on_another_services_subject(
    nats_server: EmbeddedNats,
) -> None:
    """Failure 9: the cases worker may announce cases' events, not catalog's (nor identity's revocations)."""
    async with connected(nats_server, "cases-worker") as (nc, errors):
        js = nc.jetstream(timeout=2.0)
        await ensure_stream(js, "CASES", ["cases.>"])
        ack = await js.publish(f"cases.permission_probe.v1.{secrets.token_hex(4)}", b"{}")
        assert ack.stream == "CASES"  # its own subjects: allowed
        for subject in ("catalog.matter_published.v1", "identity.token_revoked.v1"):
            await nc.publish(subject, b"{}")
            await nc.flush()
            await eventually(refused(errors, subject), timeout=5)
        with pytest.raises(Exception):  # noqa: B017,PT011 - nats-py reports the refusal as a timeout/no responders
            await js.publish("catalog.matter_published.v1", b"{}", timeout=1.0)


async def test_failure_9_users_read_only_what_they_consume(nats_server: EmbeddedNats) -> None:
    """The exchange worker consumes cases' stream (create consumer, pull, ack) but not identity's, and no user
    may listen on another user's reply inbox or a stream's raw subjects it does not consume."""
    async with connected(nats_server, "cases-worker") as (producer, _):
        js = producer.jetstream(timeout=2.0)
        await ensure_stream(js, "CASES", ["cases.>"])
        await js.publish("cases.permission_probe.v1", b'{"n": 1}')
    async with connected(nats_server, "exchange-worker") as (nc, errors):
        js = nc.jetstream(timeout=2.0)
        durable = f"exchange-probe-{secrets.token_hex(3)}"
        await js.add_consumer(
            "CASES",
            ConsumerConfig(
                durable_name=durable,
                ack_policy=AckPolicy.EXPLICIT,
                filter_subject="cases.permission_probe.v1",
            ),
        )
        sub = await js.pull_subscribe_bind(durable, "CASES")
        msgs = await sub.fetch(1, timeout=5)
        await msgs[0].ack()
        with pytest.raises(Exception):  # noqa: B017,PT011 - refused: identity's stream is not the exchange worker's
            await js.add_consumer(
                "IDENTITY", ConsumerConfig(durable_name=durable, ack_policy=AckPolicy.EXPLICIT)
            )
        await nc.subscribe("_INBOX.cases-worker.>")
        await nc.flush()
        await eventually(refused(errors, "_INBOX.cases-worker.>"), timeout=5)


async def test_every_process_kind_of_the_mesh_has_a_user(nats_server: EmbeddedNats) -> None:
    """The launcher gives each of these processes its own user; each can connect with its credentials."""
    names = {user.name for user in nats_server.users}
    for service in ("identity", "catalog", "cases", "exchange"):
        assert {service, f"{service}-worker"} <= names
    assert "gateway" in names
    nc = await connect_nats(nats_server.url_for("gateway"), name="probe")
    try:
        assert nc.is_connected
    finally:
        await nc.close()


async def test_the_gateway_keeps_its_counts_in_its_own_bucket_only(nats_server: EmbeddedNats) -> None:
    """The gateway's user may create and use the rate-limit bucket (compare-and-set updates included), and no
    other bucket or stream."""
    async with connected(nats_server, "gateway") as (nc, errors):
        js = nc.jetstream(timeout=2.0)
        kv = await js.create_key_value(bucket="gateway_limits", history=1, ttl=120)
        key = f"probe.{secrets.token_hex(4)}"
        revision = await kv.create(key, b"1")
        await kv.update(key, b"2", last=revision)
        assert (await kv.get(key)).value == b"2"
        with pytest.raises(Exception):  # noqa: B017,PT011 - refused: not its bucket
            await js.create_key_value(bucket="someone_else", history=1)
        await nc.publish("cases.case_submitted.v1", b"{}")
        await nc.flush()
        await eventually(refused(errors, "cases.case_submitted.v1"), timeout=5)
