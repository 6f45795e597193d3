"""bench.cpu: the CPU per operation the case_submission phase reports per process (issue 21)."""

from __future__ import annotations

import os
import time

import pytest

from bench.cpu import cpu_seconds, per_operation

pytestmark = pytest.mark.unit


def test_cpu_seconds_grow_with_work_and_skip_a_process_that_is_gone() -> None:
    before = cpu_seconds({"me": os.getpid(), "gone": 2**22 + 17})
    deadline = time.process_time() + 0.2
    while time.process_time() < deadline:  # burn 200 ms of this process's CPU
        pass
    after = cpu_seconds({"me": os.getpid()})
    assert "gone" not in before
    # /proc counts in clock ticks (10 ms), sampled: 50 ms burnt once read as 0.0399999 (four ticks, in floats)
    assert after["me"] - before["me"] >= 0.1


def test_per_operation_is_ms_per_operation_with_a_total() -> None:
    spent = per_operation({"cases": 1.0, "gateway": 2.0, "gone": 1.0}, {"cases": 1.5, "gateway": 2.25}, 250)
    assert spent == {"cases": 2.0, "gateway": 1.0, "total": 3.0}
    assert per_operation({"cases": 0.0}, {"cases": 0.1}, 0) == {"cases": 100.0, "total": 100.0}
