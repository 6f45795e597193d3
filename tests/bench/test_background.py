"""The paced phases' background load reports the share of a core it kept busy (issue 21)."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterator

import pytest

from bench.background import background_load

pytestmark = pytest.mark.unit


@pytest.fixture
def sigint_ignored() -> Iterator[None]:
    """As in a bench started in the background from a shell: its children inherit SIGINT ignored."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


async def test_the_spinner_reports_its_share_even_when_sigint_is_ignored(sigint_ignored: None) -> None:
    """It was stopped with SIGINT, which a child of a background job ignores: it never printed its share and the
    phase reported none (``loaded_background_core_share`` null)."""
    async with background_load(duty=0.3) as load:
        await asyncio.sleep(1.0)
    assert load.achieved is not None
    assert 0.05 < load.achieved < 0.9
