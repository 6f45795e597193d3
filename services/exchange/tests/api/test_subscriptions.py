"""Publish/subscribe: a push announces record_changed through the outbox; subscribers who may read the resource
get it by signed webhook (retried with backoff, dead-lettered, replayable) or on their NATS subject."""

import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from aiohttp import web
from sqlalchemy import select, text

from exchange.clients.webhooks import WebhookClient
from exchange.consumers.record_changed import on_record_changed
from exchange.sealing import Sealer
from exchange.store.models import OUTBOX
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases.deliveries import DeliveryPolicy, deliver_due
from meshkit.db import Database
from meshkit.events import CloudEvent
from meshkit.testing.service import TEST_SECRET

pytestmark = pytest.mark.api

# a department system with every scope its job may need (the matrix test checks each one alone)
DEPARTMENT_SYSTEM = (
    "exchange:read exchange:records:write exchange:resources:write exchange:sharing exchange:subscribe"
)

LEGAL = "500110-SCJGJ-FR-001"
COMPANY = "91500110MA60XJ8Q1X"
POLICY = DeliveryPolicy(max_attempts=3, backoff_base=1.0, backoff_cap=60.0)
POINT_WEBHOOKS = text("UPDATE subscriptions SET webhook_url = :url WHERE channel = 'webhook'")


class Subscriber:
    """A subscriber's webhook endpoint (a local HTTP server) that answers ``status`` (503: down; a 4xx: it refuses)
    to the first ``failures`` calls."""

    def __init__(self, failures: int, status: int = 503) -> None:
        self.failures = failures
        self.status = status
        self.received: list[tuple[dict[str, str], bytes]] = []

    async def __call__(self, request: web.Request) -> web.Response:
        if self.failures > 0:
            self.failures -= 1
            return web.Response(status=self.status)
        self.received.append(({k.lower(): v for k, v in request.headers.items()}, await request.read()))
        return web.Response(status=204)


async def subscriber_at(
    serve_http, make_outbound, database: Database, subscriber: Subscriber
) -> WebhookClient:  # type: ignore[no-untyped-def]
    """Serve ``subscriber`` on a loopback port, point the webhooks there (registered as https://rsj.example) and
    return the worker's webhook client, whose outbound policy admits that port."""
    port = await serve_http(subscriber)
    async with database.sessions() as session:
        await session.execute(POINT_WEBHOOKS, {"url": f"http://127.0.0.1:{port}/hooks"})
        await session.commit()
    return WebhookClient(make_outbound(f"127.0.0.1:{port}"), timeout=1.0)


class Notifier:
    def __init__(self) -> None:
        self.published: list[tuple[str, dict[str, Any], str]] = []

    async def publish(self, subject: str, body: dict[str, Any], *, message_id: str) -> None:
        self.published.append((subject, body, message_id))


async def push(client: httpx.AsyncClient, headers, version: int) -> None:  # type: ignore[no-untyped-def]
    record = {
        "identifier": COMPANY,
        "version": version,
        "data": {"name": "重庆綦河农产品有限公司", "address": "新址"},
    }
    response = await client.put(
        f"/resources/{LEGAL}/records",
        json={"records": [record]},
        headers=headers.system("500110-SCJGJ", scope=DEPARTMENT_SYSTEM),
    )
    assert response.status_code == 200, response.text


async def relay_to_consumer(database: Database) -> None:
    """What the outbox relay and JetStream do: hand each staged record_changed event to the consumer."""
    async with database.sessions() as session:
        rows = (await session.execute(select(OUTBOX.c.envelope).where(OUTBOX.c.published_at.is_(None)))).all()
        for (envelope,) in rows:
            await on_record_changed(session, CloudEvent.model_validate(envelope))
        await session.execute(text("UPDATE outbox SET published_at = now()"))
        await session.commit()


@pytest.fixture
async def settled(demo: Database) -> Database:
    """The demo data with its own record_changed events already relayed."""
    async with demo.sessions() as session:
        await session.execute(text("UPDATE outbox SET published_at = now()"))
        await session.commit()
    return demo


class Later:
    """Delivery time: queued rows are due from the database's now(), so deliveries run on real time."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC) + timedelta(seconds=1)

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


async def test_webhook_retries_then_delivers_signed(
    client: httpx.AsyncClient, settled: Database, headers, serve_http, make_outbound
) -> None:  # type: ignore[no-untyped-def]
    clock = Later()
    created = await client.post(
        "/subscriptions",
        json={"resource_code": LEGAL, "channel": "webhook", "webhook_url": "https://rsj.example/hooks"},
        headers=headers.system("500110-RSJ", scope=DEPARTMENT_SYSTEM),
    )
    assert created.status_code == 201, created.text
    secret = created.json()["secret"]
    await push(client, headers, version=2)
    await relay_to_consumer(settled)
    subscriber = Subscriber(failures=1)
    webhooks = await subscriber_at(serve_http, make_outbound, settled, subscriber)
    sealer = Sealer(TEST_SECRET)

    async def deliver() -> tuple[int, int]:
        async with ExchangeUnitOfWork(settled) as uow:
            return await deliver_due(
                uow, webhooks=webhooks, notifier=None, sealer=sealer, policy=POLICY, now=clock.now
            )

    assert await deliver() == (0, 1)
    backlog = (
        await client.get("/subscriptions", headers=headers.system("500110-RSJ", scope=DEPARTMENT_SYSTEM))
    ).json()[0]["backlog"]
    assert (backlog["pending"], backlog["last_error"]) == (1, "对方应答 5xx (peer answered 5xx)")
    assert await deliver() == (0, 0)  # backing off
    clock.advance(seconds=1.5)
    assert await deliver() == (1, 0)
    [(sent_headers, body)] = subscriber.received
    signed = sent_headers["x-tongban-timestamp"].encode() + b"." + body
    assert (
        sent_headers["x-tongban-signature"]
        == "sha256=" + hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    )
    change = json.loads(body)
    assert (change["resource_code"], change["version"], change["operation"]) == (LEGAL, 2, "upsert")
    assert "重庆綦河" not in body.decode()  # changes carry no record content


async def test_dead_letters_and_replay(
    client: httpx.AsyncClient, settled: Database, headers, serve_http, make_outbound
) -> None:  # type: ignore[no-untyped-def]
    clock = Later()
    await client.post(
        "/subscriptions",
        json={"resource_code": LEGAL, "channel": "webhook", "webhook_url": "https://rsj.example/hooks"},
        headers=headers.system("500110-RSJ", scope=DEPARTMENT_SYSTEM),
    )
    await push(client, headers, version=2)
    await relay_to_consumer(settled)
    webhooks = await subscriber_at(serve_http, make_outbound, settled, Subscriber(failures=10, status=422))
    for _ in range(POLICY.max_attempts):
        async with ExchangeUnitOfWork(settled) as uow:
            await deliver_due(
                uow,
                webhooks=webhooks,
                notifier=None,
                sealer=Sealer(TEST_SECRET),
                policy=POLICY,
                now=clock.now,
            )
        clock.advance(seconds=120)
    [view] = (
        await client.get("/subscriptions", headers=headers.system("500110-RSJ", scope=DEPARTMENT_SYSTEM))
    ).json()
    assert (view["backlog"]["pending"], view["backlog"]["dead"]) == (0, 1)
    replayed = await client.post(
        f"/subscriptions/{view['id']}/replay", headers=headers.system("500110-RSJ", scope=DEPARTMENT_SYSTEM)
    )
    assert (replayed.json()["backlog"]["pending"], replayed.json()["backlog"]["dead"]) == (1, 0)


async def test_issue20_failure9_a_subscriber_down_longer_than_every_backoff_is_waited_out(
    client: httpx.AsyncClient, settled: Database, headers, serve_http, make_outbound
) -> None:  # type: ignore[no-untyped-def]
    """A partner system down for minutes is waited out: 5xx and unreachable never make a delivery dead (it used
    to be dead after ``max_attempts`` tries, a few minutes, and needed an operator's replay)."""
    clock = Later()
    await client.post(
        "/subscriptions",
        json={"resource_code": LEGAL, "channel": "webhook", "webhook_url": "https://rsj.example/hooks"},
        headers=headers.system("500110-RSJ", scope=DEPARTMENT_SYSTEM),
    )
    await push(client, headers, version=3)
    await relay_to_consumer(settled)
    subscriber = Subscriber(failures=3 * POLICY.max_attempts)
    webhooks = await subscriber_at(serve_http, make_outbound, settled, subscriber)
    delivered = 0
    for _ in range(3 * POLICY.max_attempts + 1):
        async with ExchangeUnitOfWork(settled) as uow:
            delivered += (
                await deliver_due(
                    uow,
                    webhooks=webhooks,
                    notifier=None,
                    sealer=Sealer(TEST_SECRET),
                    policy=POLICY,
                    now=clock.now,
                )
            )[0]
        clock.advance(seconds=120)
    [view] = (
        await client.get("/subscriptions", headers=headers.system("500110-RSJ", scope=DEPARTMENT_SYSTEM))
    ).json()
    assert (delivered, view["backlog"]["pending"], view["backlog"]["dead"]) == (1, 0, 0)
    assert len(subscriber.received) == 1


async def test_nats_channel_and_who_may_subscribe(
    client: httpx.AsyncClient, settled: Database, headers, make_outbound
) -> None:  # type: ignore[no-untyped-def]
    clock = Later()
    refused = await client.post(
        "/subscriptions",
        json={"resource_code": "500110-MZJ-DB-001", "channel": "nats"},
        headers=headers.system("500110-RSJ", scope=DEPARTMENT_SYSTEM),
    )
    assert refused.status_code == 403
    assert refused.json()["code"] == "not_granted"
    created = await client.post(
        "/subscriptions",
        json={"resource_code": LEGAL, "channel": "nats"},
        headers=headers.system("500110-SWJ", scope=DEPARTMENT_SYSTEM),
    )
    assert created.json()["nats_subject"] == "exchange.notify.500110-SWJ"
    await push(client, headers, version=5)
    await push(client, headers, version=4)  # stale: no change, no event
    await relay_to_consumer(settled)
    notifier = Notifier()
    async with ExchangeUnitOfWork(settled) as uow:
        delivered = await deliver_due(
            uow,
            webhooks=WebhookClient(make_outbound(), timeout=1.0),
            notifier=notifier,
            sealer=Sealer(TEST_SECRET),
            policy=POLICY,
            now=clock.now,
        )
    assert delivered == (1, 0)
    [(subject, body, message_id)] = notifier.published
    assert subject == "exchange.notify.500110-SWJ"
    assert body["version"] == 5
    assert message_id.startswith("delivery-")
