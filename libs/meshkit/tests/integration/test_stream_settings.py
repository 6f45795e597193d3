"""A worker's stream check on a real nats-server leaves what an operator raised (issue 20, failure 1)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from meshkit.embedded import EmbeddedNats
from meshkit.streams import StreamPolicy, ensure_stream
from meshkit.worker import connect_nats

pytestmark = pytest.mark.integration


async def test_failure1_a_worker_start_keeps_what_the_operator_raised(
    nats_factory: Callable[[], EmbeddedNats],
) -> None:
    server = nats_factory()
    server.start()
    nc = await connect_nats(server.url, name="test")
    try:
        js = nc.jetstream(timeout=2.0)
        await ensure_stream(js, "OPS", ["ops.>"], StreamPolicy(max_age_days=30))
        config = (await js.stream_info("OPS")).config
        assert config.max_age == 30 * 86400.0
        await js.update_stream(replace(config, max_age=365 * 86400.0, duplicate_window=600.0))  # the operator
        await ensure_stream(js, "OPS", ["ops.>"], StreamPolicy(max_age_days=30))  # the next worker start
        kept = (await js.stream_info("OPS")).config
        assert (kept.max_age, kept.duplicate_window, kept.num_replicas) == (365 * 86400.0, 600.0, 1)
        await ensure_stream(js, "OPS", ["ops.>"], StreamPolicy(max_age_days=400))  # settings raised
        assert (await js.stream_info("OPS")).config.max_age == 400 * 86400.0
    finally:
        await nc.close()
