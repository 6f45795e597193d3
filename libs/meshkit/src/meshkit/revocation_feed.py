"""The subscriber that keeps one process's :class:`~meshkit.revocation.DenyList` current.

Every HTTP process (each uvicorn worker, the exchange's background lane, the gateway) runs one. It reads the
revocation subjects of identity's stream through its own ephemeral pull consumer (memory storage, no acks, gone
a minute after the process is): at start it replays the last ``replay`` seconds — at least the access-token
lifetime, so a process learns what was revoked while it was not running — and then follows new events. After a
disconnect or a NATS restart it creates a new consumer from the stream sequence after the last one it saw, so
nothing announced meanwhile is missed (the stream keeps 30 days).

While NATS is unreachable the process keeps serving with the entries it has (fail open: new revocations reach
it when NATS is back, and a token it has not heard of expires within the access-token lifetime anyway). The
outbox relays identity's events once NATS is back, and ``/readyz`` reports ``revocations`` down in its ``health``
meanwhile — readiness itself only needs the replay at start to have caught up once (:meth:`replayed`).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from nats.aio.client import Client as NATS
from nats.aio.msg import Msg
from nats.errors import TimeoutError as NatsTimeoutError
from nats.js import JetStreamContext
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy
from nats.js.errors import NotFoundError
from pydantic import ValidationError

from meshkit.natsauth import inbox_prefix
from meshkit.natsurls import nats_login, nats_servers, without_credentials
from meshkit.revocation import REVOCATION_STREAM, REVOCATION_SUBJECTS, DenyList, RevocationView

__all__ = ["RevocationFeed"]

log = logging.getLogger("meshkit.revocation")


class _NoStream(Exception):
    """Identity never announced anything yet: nothing to replay."""


class RevocationFeed:
    def __init__(
        self,
        deny: DenyList,
        *,
        nats_url: str,
        name: str,
        replay: float,
        stream: str = REVOCATION_STREAM,
        subjects: Sequence[str] = REVOCATION_SUBJECTS,
        poll: float = 2.0,
        user: str | None = None,
        password: str | None = None,
    ) -> None:
        self.deny = deny
        self._url = nats_url
        # this process's own NATS user (meshkit.natsauth): replies on that user's inbox prefix only
        login = user or nats_login(nats_url)
        self._login: dict[str, Any] = {"inbox_prefix": inbox_prefix(login) if login else "_INBOX"}
        if user is not None and password is not None:
            self._login.update(user=user, password=password)
        self._name = name
        self._replay = replay
        self._stream = stream
        self._subjects = list(subjects)
        self._poll = poll
        self._last_seq = 0
        self._nc: NATS | None = None
        self._task: asyncio.Task[None] | None = None
        self._caught_up = asyncio.Event()
        self._settled = asyncio.Event()  # caught up, or NATS could not be reached: ``start`` waits no longer
        self._current = False  # caught up and following right now
        self.applied = 0

    async def start(self, *, wait: float) -> None:
        """Start following; wait up to ``wait`` seconds for the replay (not at all once NATS turned out to be
        unreachable: there is nothing to learn then), then serve regardless (fail open)."""
        self._task = asyncio.create_task(self._run(), name="revocation-feed")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._settled.wait(), wait)
        if not self._caught_up.is_set():
            log.warning(
                "revocation feed not caught up at start: serving with the entries it has",
                extra={"nats_url": without_credentials(self._url), "waited": wait},
            )

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.wait([self._task], timeout=5.0)  # never hang a shutdown on the client library
            if self._task.done() and not self._task.cancelled():
                with contextlib.suppress(Exception):
                    self._task.result()
        if self._nc is not None:
            with contextlib.suppress(Exception):
                await self._nc.close()

    async def replayed(self) -> None:
        """Readiness: raises until the replay at start has caught up once (or found nothing to replay) — a process
        that never learned what was revoked must not take requests. A later broker outage does not undo it."""
        if not self._caught_up.is_set():
            raise ConnectionError("revocation feed not replayed yet")

    async def check(self) -> None:
        """Health: raises unless the replay is done and the feed is following right now."""
        if not (self._current and self._nc is not None and self._nc.is_connected):
            raise ConnectionError("revocation feed not current")

    async def _run(self) -> None:
        backoff = 0.2
        while True:
            try:
                js = (await self._connection()).jetstream(timeout=5.0)
                sub = await self._subscribe(js)
                try:
                    backoff = 0.2
                    await self._follow(js, sub)
                finally:
                    self._current = False
                    with contextlib.suppress(Exception):
                        await sub.unsubscribe()
            except asyncio.CancelledError:
                raise
            except _NoStream:
                self._caught_up.set()
                self._settled.set()
                self._current = True  # nothing was ever revoked; look again for the stream shortly
                await asyncio.sleep(self._poll)
            except Exception as exc:
                self._current = False
                self._settled.set()
                log.warning("revocation feed interrupted", extra={"error": type(exc).__name__})
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 5.0)

    async def _connection(self) -> NATS:
        if self._nc is None or not self._nc.is_connected:
            # a client whose connect failed (NATS still down) is not closed, only never connected: asking it
            # again times out forever (after a NATS restart that took longer than the first retry, the feed never
            # recovered: revoked tokens kept working). Drop it and connect with a new one.
            if self._nc is not None:
                with contextlib.suppress(Exception):
                    await self._nc.close()

            async def quiet(exc: Exception) -> None:
                log.debug("nats connection problem", extra={"error": type(exc).__name__})

            # No reconnecting inside the client: a lost connection closes it, and ``_run`` connects anew (with its
            # own backoff) and resumes from the last sequence. An unreachable server fails the connect within a
            # second instead of the client's own retry loop (60 tries, 2 s apart, by default).
            # the client exists before it connects, so a shutdown during the connect can still close its socket
            self._nc = NATS()
            await self._nc.connect(
                nats_servers(self._url),
                name=self._name,
                allow_reconnect=False,
                max_reconnect_attempts=1,
                reconnect_time_wait=1,
                connect_timeout=2,
                error_cb=quiet,
                **self._login,
            )
        return self._nc

    async def _subscribe(self, js: JetStreamContext) -> JetStreamContext.PullSubscription:
        try:
            info = await js.stream_info(self._stream)
        except NotFoundError as exc:
            raise _NoStream from exc
        config = ConsumerConfig(
            ack_policy=AckPolicy.NONE,
            filter_subjects=self._subjects,
            inactive_threshold=60.0,
            mem_storage=True,
            num_replicas=1,
        )
        if self._last_seq and info.state.last_seq >= self._last_seq:
            config.deliver_policy = DeliverPolicy.BY_START_SEQUENCE
            config.opt_start_seq = self._last_seq + 1
        else:  # first start, or a stream younger than what we saw: the last ``replay`` seconds
            config.deliver_policy = DeliverPolicy.BY_START_TIME
            config.opt_start_time = datetime.now(UTC) - timedelta(seconds=self._replay)
        sub = await js.pull_subscribe(self._subjects[0], durable=None, stream=self._stream, config=config)
        if (await sub.consumer_info()).num_pending == 0:
            self._mark_current()
        return sub

    def _mark_current(self) -> None:
        self._current = True
        self._settled.set()
        if not self._caught_up.is_set():
            self._caught_up.set()
            log.info("revocation feed caught up", extra={"entries": len(self.deny)})

    async def _follow(self, js: JetStreamContext, sub: JetStreamContext.PullSubscription) -> None:
        idle = 0.0
        last_prune = time.monotonic()
        while True:
            try:
                msgs = await sub.fetch(256, timeout=self._poll)
            except (TimeoutError, NatsTimeoutError):
                msgs = []
            if msgs:
                idle = 0.0
                for msg in msgs:
                    self._apply(msg)
                if msgs[-1].metadata.num_pending == 0:
                    self._mark_current()
            else:
                idle += self._poll
                if idle >= 10.0:  # quiet for a while: is our consumer still there (NATS restarted)?
                    idle = 0.0
                    await sub.consumer_info()
                self._mark_current()
            if time.monotonic() - last_prune > 30.0:
                last_prune = time.monotonic()
                self.deny.prune()

    def _apply(self, msg: Msg) -> None:
        self._last_seq = max(self._last_seq, msg.metadata.sequence.stream)
        try:
            view = RevocationView.model_validate(json.loads(msg.data)["data"])
        except (ValueError, KeyError, TypeError, ValidationError):
            log.error("revocation event not understood", extra={"subject": msg.subject})
            return
        self.deny.add_view(view)
        self.applied += 1
