"""The revocation feed against a real NATS JetStream (issue 17, failure 3): a process learns what was revoked
before it started, follows new revocations within seconds, and bridges a NATS restart without losing any."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from meshkit.embedded import EmbeddedNats
from meshkit.revocation import DenyList
from meshkit.revocation_feed import RevocationFeed
from meshkit.testing import eventually
from meshkit.testing.revocations import announce_revocation


async def announce(url: str, jti: str, *, subject: str = "identity.access_token_revoked.v1") -> None:
    await announce_revocation(url, subject, jtis=[jti])


@asynccontextmanager
async def feed(url: str, *, wait: float = 5.0) -> AsyncIterator[RevocationFeed]:
    running = RevocationFeed(DenyList(), nats_url=url, name="test", replay=900, poll=0.5)
    await running.start(wait=wait)
    try:
        yield running
    finally:
        await running.close()


def denied(running: RevocationFeed, jti: str) -> Callable[[], object]:
    async def probe() -> None:
        assert running.deny.refusal({"jti": jti, "sub": "s", "iat": 0}) is not None

    return probe


async def test_feed_replays_what_was_revoked_before_it_started_and_follows_new(
    nats_factory: Callable[[], EmbeddedNats],
) -> None:
    server = nats_factory()
    server.start()
    await announce(server.url, "before-start")
    await announce(server.url, "not-a-revocation", subject="identity.person_registered.v1")
    async with feed(server.url) as running:
        await running.check()  # caught up before serving
        assert running.deny.refusal({"jti": "before-start", "iat": 0}) is not None
        assert running.deny.refusal({"jti": "not-a-revocation", "iat": 0}) is None  # other subjects unread
        await announce(server.url, "while-running")
        await eventually(denied(running, "while-running"), timeout=5)


async def test_feed_without_a_stream_serves_at_once_and_picks_the_stream_up(
    nats_factory: Callable[[], EmbeddedNats],
) -> None:
    server = nats_factory()
    server.start()
    async with feed(server.url, wait=3) as running:
        await running.check()  # nothing was ever announced: caught up
        await announce(server.url, "first-ever")
        await eventually(denied(running, "first-ever"), timeout=10)


async def test_feed_bridges_a_nats_restart(nats_factory: Callable[[], EmbeddedNats]) -> None:
    server = nats_factory()
    server.start()
    await announce(server.url, "one")
    async with feed(server.url) as running:
        await eventually(denied(running, "one"))
        server.stop()  # the ephemeral consumer is gone with it
        await eventually(lambda: _not_current(running), timeout=15)
        assert running.deny.refusal({"jti": "one", "iat": 0}) is not None  # fail open: kept what it had
        server.start()
        await announce(server.url, "after-restart")
        await eventually(denied(running, "after-restart"), timeout=20)
        await eventually(lambda: _current(running), timeout=5)


async def _current(running: RevocationFeed) -> None:
    try:
        await running.check()
    except ConnectionError as exc:
        raise AssertionError("not current") from exc


async def _not_current(running: RevocationFeed) -> None:
    try:
        await running.check()
    except ConnectionError:
        return
    raise AssertionError("still reported current")


async def test_feed_recovers_from_an_outage_longer_than_its_first_retry(
    nats_factory: Callable[[], EmbeddedNats],
) -> None:
    """Issue 19, last outside try (finding 1): after `kill -9` of NATS, a restart that took longer than the feed's
    first reconnect left it holding a client whose connect had failed — not closed, never connected — and every
    later try timed out on it: revocations announced after the restart never reached the gateway, cases or the
    exchange, and revoked tokens kept working there."""
    server = nats_factory()
    server.start()
    async with feed(server.url) as running:
        await running.check()
        assert server.process is not None
        server.process.kill()  # as `kill -9`: no goodbye to the clients
        server.process.wait()
        await eventually(lambda: _not_current(running), timeout=15)
        await asyncio.sleep(
            3.0
        )  # the outage: NATS stays down while the feed tries to reconnect (backoff 0.2 s…)
        server.start()
        await announce(server.url, "after-a-long-outage")
        await eventually(denied(running, "after-a-long-outage"), timeout=20)
        await eventually(lambda: _current(running), timeout=10)
