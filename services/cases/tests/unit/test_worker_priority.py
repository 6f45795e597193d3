"""The worker lowers its own CPU priority by ``CASES_WORKER_NICE``; 0 leaves it, and a refusal is not fatal."""

from __future__ import annotations

import os

import pytest

from cases.settings import CasesSettings
from cases.worker import lower_priority

pytestmark = pytest.mark.unit


def test_worker_runs_nicer_by_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def nice(n: int) -> int:
        calls.append(n)
        return n

    monkeypatch.setattr(os, "nice", nice)
    lower_priority(CasesSettings().worker_nice)
    lower_priority(0)
    assert calls == [5]

    def refuse(n: int) -> int:
        raise PermissionError(n)

    monkeypatch.setattr(os, "nice", refuse)
    lower_priority(3)  # runs at the normal priority instead
