"""What every stand-in for an outside system does when its app is built (``tongban.simulators.outside_system_ready``):
it freezes its startup heap as the services do (a full collection in one of them walked every startup object: the
city platform's took 104 ms of a core in a benchmark's paced phase), and started by the launcher it runs nicer
than the APIs (the system it stands for has cores of its own)."""

from __future__ import annotations

import os
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


_NICE_PROBE = """
import os
from tongban.simulators.{module} import create_app
create_app()
print(os.nice(0))
"""


@pytest.mark.parametrize("module", ["city_platform", "population", "sms", "timestamping"])
@pytest.mark.parametrize(("variable", "expected"), [("7", 7), (None, 0)])
def test_a_simulator_started_by_the_launcher_runs_nicer(
    module: str, variable: str | None, expected: int
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "TONGBAN_SIMULATOR_NICE"}
    if variable is not None:
        env["TONGBAN_SIMULATOR_NICE"] = variable
    done = subprocess.run(
        [sys.executable, "-c", _NICE_PROBE.format(module=module)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env=env,
        start_new_session=True,  # a session of its own, as the launcher's processes: its autogroup is its own
    )
    assert int(done.stdout.split()[-1]) == os.nice(0) + expected
