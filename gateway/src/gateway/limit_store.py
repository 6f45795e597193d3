"""The NATS JetStream key-value bucket that holds the gateway processes' shared rate-limit counts.

Reached in the background: the gateway serves from its first second, counting locally until the bucket is there,
and again whenever NATS is away (nats-py reconnects by itself)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from urllib.parse import urlsplit

import nats
from nats.aio.client import Client as NATS
from nats.js.api import StorageType
from nats.js.errors import BucketNotFoundError
from nats.js.kv import KeyValue

from meshkit.natsauth import inbox_prefix
from meshkit.natsurls import nats_login, nats_servers

__all__ = ["LimitStore"]

log = logging.getLogger("gateway.limits")


class LimitStore:
    def __init__(
        self,
        url: str,
        *,
        bucket: str,
        ttl: float,
        retry_every: float = 1.0,
        user: str | None = None,
        password: str | None = None,
    ) -> None:
        self.url = url
        # its own NATS user (deploy/nats/permissions.toml), replies on that user's inbox prefix only
        login = user or nats_login(url)
        self._login: dict[str, str] = {"inbox_prefix": inbox_prefix(login) if login else "_INBOX"}
        if user is not None and password is not None:
            self._login.update(user=user, password=password)
        self.bucket = bucket
        self.ttl = ttl
        self.retry_every = retry_every
        self._nc: NATS | None = None
        self._kv: KeyValue | None = None
        self._task: asyncio.Task[None] | None = None
        self._reached = asyncio.Event()
        self._warned = False

    def __call__(self) -> KeyValue | None:
        """The bucket while NATS is connected, else None (count locally)."""
        if self._kv is None or self._nc is None or not self._nc.is_connected:
            return None
        return self._kv

    def start(self) -> None:
        self._task = asyncio.create_task(self._reach(), name="gateway-limit-store")

    def lost(self) -> None:
        """The bucket is gone — it is kept in memory, and a restarted NATS server has none: count locally and
        make it again in the background (the connection itself reconnects on its own)."""
        if self._kv is None:
            return
        self._kv = None
        log.warning("rate-limit bucket lost; counting locally until it is made again")
        if self._task is None or self._task.done():
            self.start()

    async def reached(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for the bucket (at start, so the first requests count where every
        process sees them); False if it is not there yet (counting locally meanwhile)."""
        try:
            async with asyncio.timeout(timeout):
                await self._reached.wait()
        except TimeoutError:
            return False
        return True

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._nc is not None:
            with contextlib.suppress(Exception):
                await self._nc.close()

    async def _reach(self) -> None:
        async def quiet(exc: Exception) -> None:
            log.warning("nats connection problem", extra={"error": type(exc).__name__})

        while self._kv is None:
            try:
                if self._nc is None:
                    # nats-py's own first connect retries forever and does not end when cancelled: only call it
                    # once the server answers, so a gateway shutting down while NATS is away stops at once.
                    await _answers(self.url)
                    self._nc = await nats.connect(
                        nats_servers(self.url),
                        name="gateway-limits",
                        max_reconnect_attempts=-1,
                        reconnect_time_wait=0.5,
                        connect_timeout=2,
                        error_cb=quiet,
                        **self._login,
                    )
                self._kv = await self._bucket()
                self._reached.set()
            except Exception as exc:  # NATS not there yet: keep counting locally, try again
                if not self._warned:
                    log.warning("rate-limit store not reached yet", extra={"error": type(exc).__name__})
                    self._warned = True
                await asyncio.sleep(self.retry_every)

    async def _bucket(self) -> KeyValue:
        assert self._nc is not None
        js = self._nc.jetstream(timeout=2.0)
        try:
            return await js.key_value(self.bucket)
        except BucketNotFoundError:
            return await js.create_key_value(
                bucket=self.bucket, history=1, ttl=self.ttl, storage=StorageType.MEMORY
            )


async def _answers(url: str) -> None:
    """Return once something accepts a TCP connection at one of the servers of ``url`` (the nodes of a
    cluster); raise OSError (or TimeoutError) else."""
    failure: Exception = OSError("no NATS server")
    for server in nats_servers(url):
        parts = urlsplit(server)
        try:
            async with asyncio.timeout(2.0):
                _, writer = await asyncio.open_connection(parts.hostname or "127.0.0.1", parts.port or 4222)
        except (OSError, TimeoutError) as exc:
            failure = exc
            continue
        writer.close()
        return
    raise failure
