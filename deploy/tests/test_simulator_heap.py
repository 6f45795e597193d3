"""The stand-ins for outside systems freeze their startup heap as the services do: a full collection in one of
them walked every startup object (the city platform's took 104 ms of a core in a benchmark's paced phase)."""

from __future__ import annotations

import subprocess
import sys

import pytest

_PROBE = """
import gc
from tongban.simulators.{module} import create_app
before = gc.get_freeze_count()
create_app()
print(before, gc.get_freeze_count())
"""


@pytest.mark.parametrize("module", ["city_platform", "population", "sms", "timestamping"])
def test_a_simulator_freezes_what_its_factory_built(module: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE.format(module=module)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    before, after = (int(n) for n in done.stdout.split())
    assert before == 0
    assert after > 10_000  # the modules, the app and its data: out of every later collection's walk
