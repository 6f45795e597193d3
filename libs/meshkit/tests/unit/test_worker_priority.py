"""Every service's worker lowers its own CPU priority by ``<SERVICE>_WORKER_NICE``; 0 leaves it, and a refusal
is not fatal."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pydantic_settings import SettingsConfigDict

from meshkit.settings import ServiceSettings
from meshkit.worker import lower_priority

pytestmark = pytest.mark.unit


class ScratchSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SCRATCH_", extra="ignore", frozen=True)


def test_worker_runs_nicer_by_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def nice(n: int) -> int:
        calls.append(n)
        return n

    monkeypatch.setattr(os, "nice", nice)
    lower_priority(ServiceSettings().worker_nice)  # the default
    monkeypatch.setenv("SCRATCH_WORKER_NICE", "9")
    lower_priority(ScratchSettings().worker_nice)
    lower_priority(0)
    assert calls == [5, 9]

    def refuse(n: int) -> int:
        raise PermissionError(n)

    monkeypatch.setattr(os, "nice", refuse)
    lower_priority(3)  # runs at the normal priority instead


def test_a_session_leader_also_lowers_its_autogroup(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """With autogroup scheduling, nice only counts within a session: the worker's own session must yield too."""
    monkeypatch.setattr(os, "nice", lambda n: n)
    autogroup = tmp_path / "autogroup"
    autogroup.write_text("/autogroup-7 nice 0\n")
    monkeypatch.setattr(os, "getsid", lambda pid: 4242)
    monkeypatch.setattr(os, "getpid", lambda: 4242)
    lower_priority(5, autogroup=autogroup)
    assert autogroup.read_text() == "5"

    autogroup.write_text("/autogroup-7 nice 0\n")
    monkeypatch.setattr(os, "getsid", lambda pid: 1)  # a session shared with a shell: left alone
    lower_priority(5, autogroup=autogroup)
    assert autogroup.read_text() == "/autogroup-7 nice 0\n"
    lower_priority(5, autogroup=tmp_path / "missing" / "autogroup")  # no autogroup scheduling: fine
