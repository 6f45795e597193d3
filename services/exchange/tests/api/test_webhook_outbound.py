"""Webhooks reach no inside: a subscription URL is refused when it names an internal address in any spelling, and
every delivery is checked where its connection is made — on the address actually connected to, resolved once —
and records nothing that tells which port answered."""

import re
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import text

from exchange.clients.webhooks import WebhookClient
from exchange.consumers.record_changed import on_record_changed
from exchange.domain.outbound import REFUSED_BY_POLICY, UNREACHABLE
from exchange.sealing import Sealer
from exchange.store.models import OUTBOX
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases.deliveries import DeliveryPolicy, deliver_due
from meshkit.db import Database
from meshkit.events import CloudEvent
from meshkit.testing.service import TEST_SECRET

pytestmark = pytest.mark.api

DEPARTMENT_SYSTEM = "exchange:read exchange:records:write exchange:subscribe"

LEGAL = "500110-SCJGJ-FR-001"
POLICY = DeliveryPolicy(max_attempts=3, backoff_base=1.0, backoff_cap=60.0)
POINT = text("UPDATE subscriptions SET webhook_url = :url WHERE id = :id")

# Spellings of the hub's own machine, where a listener waits in these tests (a connection would be counted)...
LOOPBACK = [
    "127.0.0.1",
    "127.1",
    "2130706433",
    "0x7f000001",
    "017700000001",
    "localhost",
    "[::1]",
    "0.0.0.0",
    "[::ffff:127.0.0.1]",
    "[::ffff:7f00:1]",
]
# ...and of the networks around it (refused as written: never connected to, in any test)
ELSEWHERE = [
    "169.254.169.254",
    "10.0.0.5",
    "172.16.8.1",
    "192.168.1.10",
    "100.64.0.1",
    "[fe80::1]",
    "[fd00::1]",
    "[::]",
    "0xa9fea9fe",
]


async def subscribe(client: httpx.AsyncClient, headers, member: str, url: str) -> httpx.Response:  # type: ignore[no-untyped-def]
    body = {"resource_code": LEGAL, "channel": "webhook", "webhook_url": url}
    return await client.post(
        "/subscriptions", json=body, headers=headers.system(member, scope=DEPARTMENT_SYSTEM)
    )


async def subscribed_at(client: httpx.AsyncClient, headers, database: Database, member: str, url: str) -> str:  # type: ignore[no-untyped-def]
    """A subscription whose stored URL is ``url`` (registered with a harmless one, then changed in the database:
    as if the URL had passed registration and points inside now)."""
    created = await subscribe(client, headers, member, "https://hooks.example/tongban")
    assert created.status_code == 201, created.text
    async with database.sessions() as session:
        await session.execute(POINT, {"url": url, "id": created.json()["id"]})
        await session.commit()
    return str(created.json()["id"])


async def a_change(client: httpx.AsyncClient, headers, database: Database) -> None:  # type: ignore[no-untyped-def]
    """One push of the legal-entity resource, handed to the subscriptions consumer as the relay would."""
    async with database.sessions() as session:
        await session.execute(text("UPDATE outbox SET published_at = now()"))  # the demo's own changes
        await session.commit()
    record = {"identifier": "91500110MA60XJ8Q1X", "version": 2, "data": {"name": "重庆綦河农产品有限公司"}}
    pushed = await client.put(
        f"/resources/{LEGAL}/records",
        json={"records": [record]},
        headers=headers.system("500110-SCJGJ", scope=DEPARTMENT_SYSTEM),
    )
    assert pushed.status_code == 200, pushed.text
    async with database.sessions() as session:
        rows = (
            (await session.execute(OUTBOX.select().where(OUTBOX.c.published_at.is_(None)))).mappings().all()
        )
        for row in rows:
            await on_record_changed(session, CloudEvent.model_validate(row["envelope"]))
        await session.commit()


async def deliver(database: Database, webhooks: WebhookClient) -> tuple[int, int]:
    """One round of the worker's deliveries (queued rows are due from the database's now())."""
    due = datetime.now(UTC) + timedelta(seconds=1)
    async with ExchangeUnitOfWork(database) as uow:
        return await deliver_due(
            uow, webhooks=webhooks, notifier=None, sealer=Sealer(TEST_SECRET), policy=POLICY, now=due
        )


async def backlogs(client: httpx.AsyncClient, headers, *members: str) -> dict[str, dict[str, object]]:  # type: ignore[no-untyped-def]
    found = {}
    for member in members:
        for view in (
            await client.get("/subscriptions", headers=headers.system(member, scope=DEPARTMENT_SYSTEM))
        ).json():
            found[view["id"]] = view["backlog"]
    return found


@pytest.mark.parametrize("host", LOOPBACK + ELSEWHERE)
async def test_webhook_to_internal_address_is_refused(
    client: httpx.AsyncClient, demo: Database, headers, make_outbound, listener, host: str
) -> None:  # type: ignore[no-untyped-def]
    refused = await subscribe(client, headers, "500110-RSJ", f"https://{host}:{listener.port}/hook")
    assert refused.status_code == 422
    assert refused.json()["code"] == "webhook_url_refused"
    assert refused.json()["errors"][0]["field"] == "body.webhook_url"
    if host not in LOOPBACK:
        return
    # A URL that is stored anyway is refused where the connection would be made (dev policy: http allowed).
    subscription = await subscribed_at(
        client, headers, demo, "500110-RSJ", f"http://{host}:{listener.port}/hook"
    )
    await a_change(client, headers, demo)
    assert await deliver(demo, WebhookClient(make_outbound(), timeout=1.0)) == (0, 1)
    backlog = (await backlogs(client, headers, "500110-RSJ"))[subscription]
    assert backlog["last_error"] == REFUSED_BY_POLICY
    assert listener.connections == 0


async def test_webhook_backlog_error_does_not_reveal_ports(
    client: httpx.AsyncClient, demo: Database, headers, make_outbound, listener
) -> None:  # type: ignore[no-untyped-def]
    closed = listener.port + 1 if listener.port < 65535 else listener.port - 1  # nothing listens there
    to_closed = await subscribed_at(client, headers, demo, "500110-RSJ", f"http://127.0.0.1:{closed}/hook")
    to_open = await subscribed_at(
        client, headers, demo, "500110-SWJ", f"http://127.0.0.1:{listener.port}/hook"
    )
    await a_change(client, headers, demo)
    # the loopback network is admitted here: what is under test is what a failure records, not the policy
    assert await deliver(demo, WebhookClient(make_outbound("127.0.0.0/8"), timeout=2.0)) == (0, 2)
    assert listener.connections == 1  # the open port was reached, and answered something that is no HTTP
    found = await backlogs(client, headers, "500110-RSJ", "500110-SWJ")
    assert found[to_closed]["last_error"] == found[to_open]["last_error"] == UNREACHABLE
    assert not re.search(r"\d{2,}", str(found[to_open]["last_error"]))  # no port, address or error number


async def test_webhook_name_rebound_to_loopback_is_refused_at_connection(
    client: httpx.AsyncClient, demo: Database, headers, make_outbound, resolver, listener
) -> None:  # type: ignore[no-untyped-def]
    resolver.script(
        "hooks.rsj.example", ["93.184.215.14"], ["127.0.0.1"]
    )  # public when registered, then inside
    created = await subscribe(
        client, headers, "500110-RSJ", f"https://hooks.rsj.example:{listener.port}/hook"
    )
    assert created.status_code == 201, created.text
    assert resolver.asked == ["hooks.rsj.example"]  # registration looked: a public address, nothing was sent
    await a_change(client, headers, demo)
    assert await deliver(demo, WebhookClient(make_outbound(https_only=True), timeout=1.0)) == (0, 1)
    assert resolver.asked == ["hooks.rsj.example"] * 2  # the delivery resolved the name again, once
    backlog = (await backlogs(client, headers, "500110-RSJ"))[created.json()["id"]]
    assert backlog["last_error"] == REFUSED_BY_POLICY
    assert listener.connections == 0


async def test_delivery_connects_to_the_address_it_checked(
    client: httpx.AsyncClient, demo: Database, headers, make_outbound, resolver, listener
) -> None:  # type: ignore[no-untyped-def]
    """Resolve once, check, connect there: a client that checked one lookup and connected by another would get
    127.0.0.1 on the second, where the listener waits."""
    resolver.script("hooks.rsj.example", ["93.184.215.14"], ["127.0.0.2"], ["127.0.0.1"])
    created = await subscribe(
        client, headers, "500110-RSJ", f"https://hooks.rsj.example:{listener.port}/hook"
    )
    assert created.status_code == 201, created.text
    assert resolver.asked == ["hooks.rsj.example"]
    await a_change(client, headers, demo)
    # 127.0.0.2 stands for an admitted public address here (nobody listens on it)
    webhooks = WebhookClient(make_outbound("127.0.0.2", https_only=True), timeout=1.0)
    assert await deliver(demo, webhooks) == (0, 1)
    assert resolver.asked == ["hooks.rsj.example"] * 2
    assert listener.connections == 0
    assert (await backlogs(client, headers, "500110-RSJ"))[created.json()["id"]]["last_error"] == UNREACHABLE
