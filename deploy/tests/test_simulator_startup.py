"""What every stand-in for an outside system does when its app is built (``tongban.simulators.outside_system_ready``):
it freezes its startup heap as the services do (a full collection in one of them walked every startup object: the
city platform's took 104 ms of a core in a benchmark's paced phase), and started by the launcher it runs nicer
than the APIs (the system it stands for has cores of its own)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tongban.simulators import NICE_VARIABLE

_PROBE = """
import gc, os
from tongban.simulators.{module} import create_app
before = gc.get_freeze_count()
create_app()
print(before, gc.get_freeze_count(), os.nice(0))
"""
MODULES = ["city_platform", "population", "sms", "timestamping"]


def _built(module: str, nice: str | None = None) -> tuple[int, int, int]:
    """Build the stand-in's app in a process of its own, in a session of its own as the launcher's processes
    are (its autogroup is its own): (objects frozen before, after, its nice value)."""
    env = {k: v for k, v in os.environ.items() if k != NICE_VARIABLE}
    if nice is not None:
        env[NICE_VARIABLE] = nice
    done = subprocess.run(
        [sys.executable, "-c", _PROBE.format(module=module)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env=env,
        start_new_session=True,
    )
    before, after, niceness = (int(n) for n in done.stdout.split()[-3:])
    return before, after, niceness


@pytest.mark.parametrize("module", MODULES)
def test_a_simulator_freezes_what_its_factory_built(module: str) -> None:
    before, after, _ = _built(module)
    assert before == 0
    assert after > 10_000  # the modules, the app and its data: out of every later collection's walk


@pytest.mark.parametrize("module", MODULES)
@pytest.mark.parametrize(("variable", "expected"), [("7", 7), (None, 0)])
def test_a_simulator_started_by_the_launcher_runs_nicer(
    module: str, variable: str | None, expected: int
) -> None:
    assert _built(module, variable)[2] == os.nice(0) + expected
