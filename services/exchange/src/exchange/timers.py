"""The worker's timers: deliveries to subscribers and to the city platform, and the access log's signed
checkpoints with their witness, each a loop that survives errors.

State lives in the database (queues with ``next_attempt_at``), so nothing is lost when the worker restarts.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from exchange.clients.city_platform import CityPlatformClient
from exchange.clients.outbound import Outbound
from exchange.clients.webhooks import WebhookClient
from exchange.clients.witness import WitnessClient
from exchange.domain.checkpoints import CheckpointSigner, TrustedKeys
from exchange.metrics import CITY_LINK_BACKLOG, CITY_LINK_DEAD
from exchange.sealing import Sealer
from exchange.settings import ExchangeSettings
from exchange.signing import Signer
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases import checkpoints, city, deliveries
from meshkit.db import Database
from meshkit.http import service_client
from meshkit.worker import Timer, connect_settings_nats

__all__ = ["checkpoint_timer", "city_link_gauges", "city_link_timer", "city_signer", "subscriptions_timer"]

log = logging.getLogger("exchange.timers")


async def _loop(name: str, step: Callable[[], Awaitable[int]], interval: float, stop: asyncio.Event) -> None:
    """Run ``step`` until stopped; run again at once while it makes progress, else wait ``interval``."""
    while not stop.is_set():
        try:
            progressed = await step()
        except Exception:
            log.exception("timer step failed; the next round retries", extra={"timer": name})
            progressed = 0
        if progressed:
            continue
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), interval)


def city_signer(settings: ExchangeSettings) -> Signer:
    if settings.city_signing == "sm2":
        return Signer.sm2(settings.city_sm2_private_key.get_secret_value())
    return Signer.hmac(settings.hmac_key())


def city_link_timer(settings: ExchangeSettings) -> Timer:
    policy = city.LinkPolicy(
        source=settings.city_source,
        max_attempts=settings.city_max_attempts,
        backoff_base=settings.city_backoff_base,
        backoff_cap=settings.city_backoff_cap,
    )

    async def city_link(database: Database, stop: asyncio.Event) -> None:
        http = service_client(timeout=settings.city_timeout)
        platform = CityPlatformClient(
            http,
            url=settings.city_platform_url.rstrip("/") + settings.city_records_path,
            signer=city_signer(settings),
            timeout=settings.city_timeout,
        )

        async def step() -> int:
            # Again at once only after a full round; otherwise wait the poll interval, so that records gather into
            # larger batches (one signature each) at the cost of at most one interval of latency.
            async with ExchangeUnitOfWork(database) as uow:
                round_ = await city.deliver_due(uow, platform=platform, policy=policy, now=datetime.now(UTC))
            return round_.delivered if round_.full else 0

        try:
            await _loop("city-link", step, settings.city_poll_interval, stop)
        finally:
            await http.aclose()

    return city_link


GAUGE_INTERVAL = 15.0  # seconds between measurements of the city link's queue


async def city_link_gauges(database: Database, stop: asyncio.Event) -> None:
    """``tongban_city_link_backlog`` and ``tongban_city_link_dead``, from the queue itself (what the admin API's
    status shows), for dashboards and alerts."""

    async def step() -> int:
        async with ExchangeUnitOfWork(database) as uow:
            status = await uow.city_outbound.status(datetime.now(UTC))
        CITY_LINK_BACKLOG.set(status["backlog"])
        CITY_LINK_DEAD.set(status["dead"])
        return 0

    await _loop("city-link-gauges", step, GAUGE_INTERVAL, stop)


class JetStreamNotifier:
    def __init__(self, js: Any) -> None:
        self._js = js

    async def publish(self, subject: str, body: dict[str, Any], *, message_id: str) -> None:
        data = json.dumps(body, ensure_ascii=False).encode()
        try:
            await self._js.publish(subject, data, headers={"Nats-Msg-Id": message_id})
        except Exception as exc:  # nats raises its own hierarchy; the delivery is retried either way
            raise ConnectionError(f"NATS publish failed: {type(exc).__name__}") from exc


def subscriptions_timer(settings: ExchangeSettings) -> Timer:
    policy = deliveries.DeliveryPolicy(
        max_attempts=settings.delivery_max_attempts,
        backoff_base=settings.delivery_backoff_base,
        backoff_cap=settings.delivery_backoff_cap,
    )
    sealer = Sealer(settings.secret_key.get_secret_value())

    async def subscriber_deliveries(database: Database, stop: asyncio.Event) -> None:
        nc = await connect_settings_nats(settings, name="exchange-notify")
        outbound = Outbound(settings.outbound_policy())
        notifier = JetStreamNotifier(nc.jetstream(timeout=5.0))
        webhooks = WebhookClient(outbound, timeout=settings.delivery_timeout)

        async def step() -> int:
            async with ExchangeUnitOfWork(database) as uow:
                delivered, _ = await deliveries.deliver_due(
                    uow,
                    webhooks=webhooks,
                    notifier=notifier,
                    sealer=sealer,
                    policy=policy,
                    now=datetime.now(UTC),
                )
            return delivered

        try:
            await _loop("subscriptions", step, settings.delivery_poll_interval, stop)
        finally:
            await outbound.close()
            with contextlib.suppress(Exception):
                await nc.drain()

    return subscriber_deliveries


def checkpoint_timer(settings: ExchangeSettings) -> Timer:
    """Sign the chain's head when a checkpoint is due (every ``checkpoint_interval`` or
    ``checkpoint_every_entries``, whichever first, while the log grows) and have the witness time-stamp every
    checkpoint still without a receipt (with backoff while it is away)."""
    policy = checkpoints.CheckpointPolicy(
        interval=timedelta(seconds=settings.checkpoint_interval),
        every_entries=settings.checkpoint_every_entries,
        backoff_base=settings.witness_backoff_base,
        backoff_cap=settings.witness_backoff_cap,
    )
    signer = CheckpointSigner(settings.checkpoint_signing_key.get_secret_value())
    witness_keys = TrustedKeys([settings.witness_public_key, *settings.witness_trusted_keys])

    async def chain_checkpoints(database: Database, stop: asyncio.Event) -> None:
        http = service_client(timeout=settings.witness_timeout)
        witness = WitnessClient(
            http, url=settings.witness_url, keys=witness_keys, timeout=settings.witness_timeout
        )

        async def step() -> int:
            async with ExchangeUnitOfWork(database) as uow:
                await checkpoints.sign_if_due(uow, signer=signer, policy=policy, now=datetime.now(UTC))
            async with ExchangeUnitOfWork(database) as uow:
                witnessed, failed = await checkpoints.witness_due(
                    uow, witness=witness, policy=policy, now=datetime.now(UTC)
                )
            # again at once only while a full round of receipts came back (a backlog after the witness was away)
            return witnessed if witnessed + failed >= policy.batch and not failed else 0

        try:
            await _loop("checkpoints", step, settings.checkpoint_poll_interval, stop)
        finally:
            await http.aclose()

    return chain_checkpoints
