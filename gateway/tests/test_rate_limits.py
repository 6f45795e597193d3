"""The gateway's rate limits (issue 17, failure 4: "no rate limits anywhere but the exchange's per-client bucket"):
per caller and class, answered 429 problem+json with Retry-After, counted in metrics, and holding across several
gateway processes through the shared counts in NATS."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any, cast

import httpx
import nats
import pytest
from fastapi import FastAPI
from nats.js.errors import KeyNotFoundError, NoStreamResponseError
from nats.js.kv import KeyValue
from prometheus_client import generate_latest

from gateway.counters import SharedWindows
from gateway.limit_store import LimitStore
from gateway.limits import LimitSpec, Rules, TrustedProxies, source_address
from gateway.main import create_app
from gateway.settings import GatewaySettings
from meshkit.testing import eventually
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api

LOGIN = {"login": {"limit": 5, "window": 3600, "methods": ["POST"], "paths": ["/identity/authorize"]}}


@pytest.fixture
def settings_for(
    gateway_settings: Callable[..., GatewaySettings], upstreams: dict[str, Any]
) -> Callable[..., GatewaySettings]:
    """The gateway settings with a test service answering for identity too (404 to the login form)."""

    def make(**overrides: Any) -> GatewaySettings:
        return gateway_settings(identity_url=upstreams["catalog"].url, **overrides)

    return make


@asynccontextmanager
async def started(settings: GatewaySettings, tokens: TokenFactory) -> AsyncIterator[FastAPI]:
    app = create_app(settings, verifier=tokens.verifier())
    async with app.router.lifespan_context(app):
        yield app


def reach(app: FastAPI, address: str) -> httpx.AsyncClient:
    """A client of ``app`` whose connections come from ``address``."""
    transport = httpx.ASGITransport(app=app, client=(address, 50000))
    return httpx.AsyncClient(transport=transport, base_url="http://gateway.test")


async def tries(client: httpx.AsyncClient, count: int, **kwargs: Any) -> list[int]:
    statuses = []
    for n in range(count):
        form = {"login": f"user-{n}", "password": "spray-2024"}
        statuses.append((await client.post("/identity/authorize", data=form, **kwargs)).status_code)
    return statuses


async def test_failure_4_a_password_spray_from_one_address_is_refused_with_429(
    settings_for: Callable[..., GatewaySettings], tokens: TokenFactory
) -> None:
    """15 accounts tried from one address: past the login class's allowance every try is 429, with a Chinese
    problem, the class named and Retry-After; the upstream never sees them."""
    async with started(settings_for(rate_limits=LOGIN), tokens) as app, reach(app, "198.51.100.9") as c:
        statuses = await tries(c, 15)
        assert statuses[:5] == [404] * 5  # reached the (test) identity service
        assert statuses[5:] == [429] * 10
        refused = await c.post("/identity/authorize", data={"login": "x", "password": "y"})
        assert refused.headers["content-type"] == "application/problem+json"
        body = refused.json()
        assert (body["code"], body["limit_class"]) == ("rate_limited", "login")
        assert "请求过于频繁" in body["detail"]
        assert 1 <= int(refused.headers["retry-after"]) <= 3600
        metrics = generate_latest().decode()
        assert 'gateway_rate_limited_total{limit_class="login"}' in metrics
        # other classes have their own allowance: reading goes on
        assert (await c.get("/catalog/echo/x")).status_code == 200


async def test_limits_hold_across_gateway_processes(
    settings_for: Callable[..., GatewaySettings], tokens: TokenFactory
) -> None:
    """Two gateway processes (apps) counting in the same bucket grant the allowance once between them."""
    settings = settings_for(rate_limits=LOGIN)
    statuses: list[int] = []
    async with (
        started(settings, tokens) as one,
        started(settings, tokens) as two,
        reach(one, "198.51.100.10") as first,
        reach(two, "198.51.100.10") as second,
    ):
        for n in range(12):
            statuses += await tries(first if n % 2 else second, 1)
    assert statuses.count(404) == 5
    assert statuses.count(429) == 7


async def test_each_address_and_each_account_has_its_own_allowance(
    settings_for: Callable[..., GatewaySettings], tokens: TokenFactory
) -> None:
    """Another address is not limited by the first's spray; a client cannot pick its address by writing
    X-Forwarded-For (believed from trusted proxies only); a verified token's account counts on its own."""
    settings = settings_for(rate_limits=LOGIN, trusted_proxies=["10.0.0.0/8"])
    async with started(settings, tokens) as app:
        async with reach(app, "198.51.100.11") as attacker, reach(app, "198.51.100.12") as citizen:
            assert (await tries(attacker, 6))[-1] == 429
            spoofed = await tries(attacker, 1, headers={"X-Forwarded-For": "192.0.2.77"})
            assert spoofed == [429]
            assert await tries(citizen, 1) == [404]
        async with reach(
            app, "10.1.2.3"
        ) as balancer:  # a trusted proxy: its X-Forwarded-For names the client
            behind = {"X-Forwarded-For": "192.0.2.1, 198.51.100.13"}
            assert await tries(balancer, 5, headers=behind) == [404] * 5
            assert await tries(balancer, 1, headers=behind) == [429]
            other = {"X-Forwarded-For": "198.51.100.13, 198.51.100.14"}  # the rightmost untrusted hop
            assert await tries(balancer, 1, headers=other) == [404]
        api = {"api": {"limit": 3, "window": 60}}
    async with started(settings_for(rate_limits=api), tokens) as app, reach(app, "198.51.100.15") as c:
        for sub, allowed in (("person-1", 3), ("person-2", 3)):
            headers = tokens.headers(sub=sub, kind="person")
            statuses = [(await c.put(f"/cases/echo/{n}", headers=headers)).status_code for n in range(4)]
            assert statuses == [200] * allowed + [429] * (4 - allowed)


async def test_with_nats_away_each_process_still_limits(
    settings_for: Callable[..., GatewaySettings], tokens: TokenFactory
) -> None:
    """No shared store: the gateway serves and counts locally (the fallback is counted in metrics)."""
    settings = settings_for(rate_limits=LOGIN, nats_url="nats://127.0.0.1:9")
    async with started(settings, tokens) as app, reach(app, "198.51.100.16") as c:
        assert await tries(c, 6) == [404] * 5 + [429]
        assert "gateway_rate_limit_store_fallbacks_total" in generate_latest().decode()


async def test_limits_can_be_switched_off(
    settings_for: Callable[..., GatewaySettings], tokens: TokenFactory
) -> None:
    settings = settings_for(rate_limits=LOGIN, rate_limits_enabled=False)
    async with started(settings, tokens) as app, reach(app, "198.51.100.17") as c:
        assert await tries(c, 7) == [404] * 7


def test_an_override_changes_only_what_it_names() -> None:
    rules = Rules.with_overrides({"login": LimitSpec.model_validate({"limit": 50})})
    login = rules.classify("POST", "/identity/authorize")
    assert login is not None
    assert (login.name, login.limit, login.window) == ("login", 50, 60)
    assert rules.classes[-1].name == "api"  # the catch-all stays last
    search = rules.classify("GET", "/catalog/search")
    assert search is not None
    assert search.name == "search"


@pytest.mark.parametrize(
    ("method", "path", "limit_class"),
    [
        ("POST", "/identity/authorize", "login"),
        ("GET", "/identity/authorize", "api"),  # login counts POSTs only
        ("GET", "/catalog/matters/500110-SCJGJ-SPJY-XK", "search"),
        ("HEAD", "/catalog/search", "search"),  # run as the GET it is (it was "api": outside try)
        ("POST", "/catalog/matters", "api"),  # search counts GETs only
        ("PROPFIND", "/identity/authorize", "api"),  # a method outside the table: every class is asked
        ("PROPFIND", "/catalog/search", "api"),
    ],
)
def test_a_request_falls_in_the_first_class_of_its_method(method: str, path: str, limit_class: str) -> None:
    """Issue 21: classification looks only at the classes a method can fall in; which class wins is unchanged."""
    found = Rules.with_overrides({}).classify(method, path)
    assert found is not None
    assert found.name == limit_class


@pytest.mark.parametrize(
    ("peer", "forwarded", "source"),
    [
        ("198.51.100.1", "192.0.2.9", "198.51.100.1"),  # an untrusted peer's header is ignored
        ("10.0.0.2", None, "10.0.0.2"),
        ("10.0.0.2", "192.0.2.9", "192.0.2.9"),
        ("10.0.0.2", "203.0.113.5, 192.0.2.9, 10.0.0.3", "192.0.2.9"),  # rightmost untrusted hop
        ("10.0.0.2", "10.0.0.4, 10.0.0.3", "10.0.0.4"),
        ("10.0.0.2", "not-an-address", "10.0.0.2"),
    ],
)
def test_the_source_address(peer: str, forwarded: str | None, source: str) -> None:
    assert source_address(peer, forwarded, TrustedProxies(["10.0.0.0/8"])) == source


async def test_a_token_buys_no_second_allowance_where_none_is_needed(
    settings_for: Callable[..., GatewaySettings], tokens: TokenFactory
) -> None:
    """Login, token, registration and code sending count per address whatever token comes along: rotating
    tokens from one address gets one allowance, not one per token."""
    login = {"login": {**LOGIN["login"], "by_address": True}}
    async with started(settings_for(rate_limits=login), tokens) as app, reach(app, "198.51.100.30") as c:
        statuses = []
        for n in range(9):
            headers = tokens.headers(sub=f"system-{n % 3}", kind="system")
            statuses += await tries(c, 1, headers=headers)
    assert statuses == [404] * 5 + [429] * 4


def test_the_strict_classes_count_per_address() -> None:
    rules = Rules.with_overrides({})
    strict = {c.name for c in rules.classes if c.by_address}
    assert strict == {"login", "token", "registration", "code"}


class _LostBucket:
    """A bucket handle whose stream is gone: what nats-py raises after the server restarted without it."""

    async def get(self, key: str) -> Any:
        raise KeyNotFoundError

    async def create(self, key: str, value: bytes) -> int:
        raise NoStreamResponseError


async def test_outside_try_a_lost_bucket_costs_no_request_and_is_made_again(
    settings_for: Callable[..., GatewaySettings], tokens: TokenFactory
) -> None:
    """Issue 19's outside try: after NATS was restarted (the launcher now restarts it) the memory-stored bucket was
    gone, every take raised NoStreamResponseError and every request through the gateway was answered 503 until the
    mesh was restarted. A store failure of any kind is now counted locally, and a lost bucket is made again."""
    fell_back: list[int] = []
    lost: list[int] = []
    windows = SharedWindows(
        lambda: cast(KeyValue, _LostBucket()),
        on_fallback=lambda: fell_back.append(1),
        on_lost=lambda: lost.append(1),
    )
    login = next(c for c in Rules({"login": LimitSpec(**LOGIN["login"])}).classes)
    assert await windows.take(login, "198.51.100.20") is None  # granted, counted locally
    assert (fell_back, lost) == ([1], [1])

    settings = settings_for(rate_limits=LOGIN)
    async with started(settings, tokens) as app, reach(app, "198.51.100.21") as c:
        store: LimitStore = app.state.limit_store
        assert store() is not None  # reached at start
        store.lost()
        assert store() is None  # counting locally meanwhile
        assert await tries(c, 1) == [404]
        await eventually(lambda: _present(store), timeout=10, interval=0.1)
        # shared again, the same limit (what was counted locally meanwhile is not carried over)
        assert await tries(c, 6) == [404] * 5 + [429]


async def _present(store: LimitStore) -> None:
    assert store() is not None


class _CountingBucket:
    """A real bucket, counting the reads the counts make of it (one per compare-and-set round trip)."""

    def __init__(self, kv: KeyValue) -> None:
        self.kv = kv
        self.reads = 0

    async def get(self, key: str) -> Any:
        self.reads += 1
        return await self.kv.get(key)

    async def create(self, key: str, value: bytes) -> int:
        return await self.kv.create(key, value)

    async def update(self, key: str, value: bytes, last: int | None = None) -> int:
        return await self.kv.update(key, value, last=last)


async def test_issue21_f2_concurrent_requests_of_one_caller_share_one_lease_round_trip(
    limits_nats: Any,
) -> None:
    """Issue 21 failure 2 (the saturation tail): when a caller's lease ran out, each of its concurrent requests
    went to the shared store at once — 32 compare-and-sets on one key, contended and timing out (0.5 s each),
    falling back to a local count of one unit, so the next requests went to the store again. Now one request
    takes the next lease and the others wait for it: 32 concurrent requests, one round trip, all granted."""
    connection = await nats.connect(limits_nats.url)
    try:
        kv = await connection.jetstream().create_key_value(bucket="herd_test", history=1)
        bucket = _CountingBucket(kv)
        fell_back: list[int] = []
        windows = SharedWindows(lambda: cast(KeyValue, bucket), on_fallback=lambda: fell_back.append(1))
        api = next(c for c in Rules.with_overrides({}).classes if c.name == "api")
        assert api.lease >= 32
        answers = await asyncio.gather(*(windows.take(api, "sub:herd") for _ in range(32)))
        assert answers == [None] * 32
        assert bucket.reads == 1
        assert fell_back == []
    finally:
        await connection.close()


async def test_issue21_f2_without_the_store_a_process_counts_leases_locally() -> None:
    """Issue 21 failure 2: counting locally (store away) granted one unit at a time, so every request of a generous
    class tried the store again; it now grants a lease from the local count, still never past the limit."""
    windows = SharedWindows(lambda: None)
    spec = LimitSpec(limit=250, window=3600)
    api = next(c for c in Rules({"api": spec}).classes if c.name == "api")
    tried: list[int] = []
    windows.on_fallback = lambda: tried.append(1)
    answers = [await windows.take(api, "sub:alone") for _ in range(260)]
    assert answers[:250] == [None] * 250
    assert all(answer is not None for answer in answers[250:])
    assert api.lease == 5  # 2 % of the allowance
    assert len(tried) == 250 // api.lease + 1  # one per lease, and one that found the count spent


class _GatedBucket(_CountingBucket):
    """A real bucket whose reads wait until the test opens the gate (a store round trip of the test's length)."""

    def __init__(self, kv: KeyValue) -> None:
        super().__init__(kv)
        self.gate = asyncio.Event()

    async def get(self, key: str) -> Any:
        await self.gate.wait()
        return await super().get(key)


async def test_issue21_a_steady_caller_never_waits_for_the_store_at_a_leases_end(limits_nats: Any) -> None:
    """Issue 21 (the gateway's tail at saturation): the next lease was taken only once the current one ran out,
    so at every lease's end all of a caller's requests in that process waited for the store's round trips. Now
    the next lease is taken while a quarter of the current one is left: past the first, no take waits."""
    connection = await nats.connect(limits_nats.url)
    try:
        kv = await connection.jetstream().create_key_value(bucket="ahead_test", history=1)
        bucket = _GatedBucket(kv)
        windows = SharedWindows(lambda: cast(KeyValue, bucket))
        api = next(c for c in Rules({"api": LimitSpec(limit=1000, window=3600)}).classes if c.name == "api")
        assert api.lease == 20
        first = asyncio.create_task(windows.take(api, "sub:steady"))
        await asyncio.sleep(0.05)
        assert not first.done()  # the first lease is a round trip
        bucket.gate.set()
        assert await first is None
        bucket.gate.clear()  # the store is slow from now on: only a lease taken ahead avoids the wait
        for _ in range(14):  # 19 → 5 left: the next lease is asked for now, in the background
            assert await asyncio.wait_for(windows.take(api, "sub:steady"), 0.5) is None
        assert bucket.reads == 1
        await asyncio.sleep(0.05)
        bucket.gate.set()  # the store answers the lease taken ahead while 5 units are still left
        await eventually(lambda: _read_twice(bucket), timeout=5, interval=0.01)
        bucket.gate.clear()  # slow again: a take that needed the store now would time out below
        for _ in range(25):  # 5 + 20 units, past the first lease's end: no take waits
            assert await asyncio.wait_for(windows.take(api, "sub:steady"), 0.5) is None
        assert bucket.reads == 2
        bucket.gate.set()  # the third lease, asked for ahead, may finish
    finally:
        await connection.close()


async def _read_twice(bucket: _CountingBucket) -> None:
    assert bucket.reads >= 2


async def test_issue21_a_busy_callers_leases_grow_and_a_quiet_one_starts_small_again(
    limits_nats: Any,
) -> None:
    """Issue 21 (the gateway's CPU per proxied request): a lease of at most 100 units cost a caller sending 9,000
    requests a second 90 compare-and-sets a second, a tenth of the gateway's CPU. A lease spent within half a
    second makes the next one twice as large, up to 2 % of the allowance; after a pause the class's own lease
    comes back. Nothing past the limit is ever granted, and the shared count holds every unit handed out."""
    connection = await nats.connect(limits_nats.url)
    try:
        kv = await connection.jetstream().create_key_value(bucket="grow_test", history=1)
        bucket = _CountingBucket(kv)
        now = [1000.0]
        windows = SharedWindows(lambda: cast(KeyValue, bucket), monotonic=lambda: now[0])
        api = next(
            c for c in Rules({"api": LimitSpec(limit=100_000, window=3600)}).classes if c.name == "api"
        )
        assert (api.lease, api.most_leased) == (100, 2000)
        for _ in range(10_000):  # all within one instant: each lease spent at once
            assert await windows.take(api, "sub:busy") is None
        await asyncio.gather(*windows._ahead)
        # 100 + 200 + … + 1,600 + 2,000 × 3 covers 10,000 units: 8 leases instead of 100
        assert bucket.reads <= 9
        shared = int((await kv.get(next(iter(await kv.keys())))).value or b"0")
        assert 10_000 <= shared <= 10_000 + 2 * api.most_leased  # the rest of the current lease and one ahead
        now[0] += 10.0  # a pause; then 100 requests a second, past what the grown leases left
        for n in range(6_000):
            if n == 5_000:
                await asyncio.gather(*windows._ahead)
                reads = bucket.reads
            assert await windows.take(api, "sub:busy") is None
            now[0] += 0.01
        await asyncio.gather(*windows._ahead)
        assert bucket.reads - reads >= 5  # the last 1,000: leases of 100 again (1 for leases of 2,000)
    finally:
        await connection.close()


async def test_issue21_grown_leases_never_pass_the_limit() -> None:
    """The grown lease is cut to what is left of the allowance: a busy caller gets exactly its limit."""
    windows = SharedWindows(lambda: None)  # counted locally: the same leases, the same cut
    api = next(c for c in Rules({"api": LimitSpec(limit=7_777, window=3600)}).classes if c.name == "api")
    answers = [await windows.take(api, "sub:greedy") for _ in range(8_000)]
    assert answers[:7_777] == [None] * 7_777
    assert all(answer is not None for answer in answers[7_777:])


async def test_issue21_a_lease_taken_ahead_is_claimed_before_its_task_runs(limits_nats: Any) -> None:
    """Takes that spend a lease's last quarter before the task taking the next one ahead first runs (many requests
    of one caller in one turn of the event loop) wait for that lease. Before, one of them took another lease
    whose claim the task then overwrote: the task failed (KeyError) and whoever waited for it waited forever."""
    connection = await nats.connect(limits_nats.url)
    try:
        kv = await connection.jetstream().create_key_value(bucket="claim_test", history=1)
        bucket = _CountingBucket(kv)
        windows = SharedWindows(lambda: cast(KeyValue, bucket))
        api = next(c for c in Rules({"api": LimitSpec(limit=1000, window=3600)}).classes if c.name == "api")
        assert await windows.take(api, "sub:herd") is None  # the first lease: 20 units, 19 left
        for _ in range(19):  # 19 → 0 without yielding: the lease ahead is asked for at 5 left, not yet taken
            assert await windows.take(api, "sub:herd") is None
        ahead = set(windows._ahead)
        assert len(ahead) == 1
        # in this very turn (no task of its own, which would start after the lease task): it waits for that one
        assert await windows.take(api, "sub:herd") is None
        await asyncio.wait_for(asyncio.gather(*ahead), 5)  # which took its lease without failing
        assert bucket.reads == 2
        shared = int((await kv.get(next(iter(await kv.keys())))).value or b"0")
        assert (
            shared == 21 + windows._leases[next(iter(windows._leases))]
        )  # every unit taken is spent or held
    finally:
        await connection.close()
